# str find/rfind/index/rindex/count with start/end, startswith/endswith with tuples and ranges
s = 'abcabcab'
print(s.find('c'), s.find('c', 3), s.find('c', 3, 5), s.find('c', -3), s.find('x'))
print(s.rfind('ab'), s.rfind('ab', 0, 7), s.rfind('ab', -8, -2), s.rfind('', 2, 4))
print(s.find(''), s.find('', 8), s.find('', 9), s.find('a', None, None), s.find('b', 2, 1))
print(s.index('b'), s.index('b', 2), s.rindex('c'), s.rindex('c', 0, 5))
print(s.count('ab'), s.count('ab', 1), s.count('ab', 0, 7), s.count(''), s.count('', 2, 5))
print('aaaa'.count('aa'), 'aaa'.count('a', -2), ''.count(''), 'abc'.count('', 10))
for f in (lambda: s.index('x'), lambda: s.rindex('a', 1, 3), lambda: s.find(1)):
    try:
        f()
    except (ValueError, TypeError) as e:
        print(type(e).__name__, e)
u = 'héllo wörld'
print(u.find('l'), u.find('ö'), u.rfind('l'), u.find('l', 4), u.index('w', -6), u.count('l', 3))
print(u.find('wö', 5, 8), u.find('wö', 5, 7), u.startswith('ll', 2), u.endswith('wö', 0, 8))
print(s.startswith('ab'), s.startswith('bc'), s.startswith('bc', 1), s.startswith('ab', 6, 8))
print(s.startswith(('x', 'ab')), s.startswith(('x', 'y')), s.startswith(('ab',), 3, 4))
print(s.endswith('ab'), s.endswith('ca', 0, 7), s.endswith(('x', 'cab')), s.endswith('', 8))
print(s.startswith(''), s.startswith('', 9), s.endswith('b', -1), s.endswith('a', -8, -7))
try:
    s.startswith(1)
except TypeError as e:
    print('TypeError', e)
try:
    s.endswith(('a', b'a'))
except TypeError as e:
    print('TypeError', e)
print('x' in 'xyz', 'yz' in 'xyz', '' in '', 'é' in u, 'xz' in 'xyz')
try:
    1 in 'abc'
except TypeError as e:
    print('TypeError', e)
