# str.format fields: auto/manual numbering, keywords, [index] and .attr, !r/!s/!a, nested {:{w}}, errors
print('{}-{}'.format('a', 'b'), '{1}{0}{1}'.format('x', 'y'), '{0}{0}'.format(7), '{} {}'.format(1, 2.5))
print('{name} is {age}'.format(name='Al', age=3), '{0} {k}'.format('p', k='q'), '{{}} {{{}}}'.format(4))
print('{0[1]} {1[k]}'.format([5, 6], {'k': 'v'}))
print('{a[0][1]} {b[x]}'.format(a=['pq'], b={'x': 1}), '{0.__class__}'.format(1) == "<class 'int'>")
d = {'1': 'str key', 1: 'int key'}
print('{0[1]}'.format(d), '{0[k]}'.format({'k': 'K'}), '{[0]}'.format('ab'))
print('{!r} {!s} {!a}'.format('q', 'q', 'é'), '{0!r:>6}|{0!s:^5}|'.format('x'), '{!r}'.format(b'b'))
print('{:{}}|'.format('a', 4), '{:{w}.{p}f}'.format(3.14159, w=8, p=2), '{:{}{}}'.format(5, '>', 3))
print('{0:{1}}|{2}'.format('x', 3, 'z'), '{:}|{:}'.format(True, 1.5), '{:{fill}^{width}}'.format('c', fill='*', width=5))
print('{}'.format(None), '{}'.format([1, 'a']), '{}'.format((1,)), '{:>6}|'.format([1]), '{:3}|'.format(None))
print('é{}ü{}'.format('€', 'x'), 'end}}'.format(), '{{{0}}}'.format('m'))
tests = ('{', '}', 'a{0', '{0!x}', '{!}', '{0!r x}', '{0}{}', '{}{0}', '{5}', '{x}', '{:<{}}', '{0[}', '{0[0]x}', '{0.}')
for fmt in tests:
    try:
        print(fmt.format('ab'))
    except (ValueError, IndexError, KeyError) as e:
        print(type(e).__name__, e)
try:
    '{0.nope}'.format(1)
except AttributeError as e:
    print('AttributeError', e)
try:
    '{:{}}'.format('x', 'y')
except ValueError as e:
    print('ValueError', e)
