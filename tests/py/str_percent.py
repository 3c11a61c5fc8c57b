# the % operator: tuples, dicts, * widths, flags, every conversion, MicroPython's errors
print('%s|%r|%a' % ('é', 'é', 'é'), '%d%%' % 50, '%s' % (1,), '%s' % [1, 2], '%s' % {'a': 1})
print('%(a)s-%(b)05.1f-%(a)r' % {'a': 'x', 'b': 2.5}, 'static' % {}, '%(n)d' % {'n': 3, 'm': 4})
print('%*d|%-*d|%.*f|%*s|' % (5, 1, 4, 2, 2, 3.14159, -3, 'z'))
print('%-5s|%5s|%05d|%+d|% d|%+05d|%-+6d|%05s|' % ('a', 'b', 42, 3, 4, 3, 3, 'q'))
print('%x|%X|%#x|%#X|%o|%#o|%x|%#5x|%-#6o|' % (255, 255, 255, 255, 8, 8, -255, 10, 8))
print('%5.3d|%.3x|%.0d|%c%c%c|%5c|' % (7, 10, 0, 65, 'b', 0x20ac, 'x'))
print('%e|%E|%.2e|%g|%G|%f|%F|%.1f|%08.2f|%+.1e' % (1.5, 1.5, 12345, 1e-5, 1e20, 1.5, 1.5, 0.25, -3.14159, 1000))
print('%d|%i|%u|%d|%s|%s' % (3.9, -3.9, True, False, None, 2.5), '%.2s|%5.1s|%-3.2r|' % ('abc', 'xyz', 'q'))
print('%s and %s' % ('a', 'b'), 'x%sy' % '', '%s' % 'one', '%%s' % (), b'%s=%d|%5s' % (b'k', 7, b'v'))
tests = (('%d %d', (1,)), ('%d', (1, 2)), ('%d', 'a'), ('%x', 1.5), ('%q', 1), ('%', 1), ('ab%', ()),
         ('%(a', {'a': 1}), ('%(a)s', {}), ('%(a)s', 1), ('%c', 'ab'), ('%c', 1.5), ('a', 1), ('%s %s', {'a': 1}),
         ('%f', 'x'), ('%*d', ('a', 1)), ('%.*f', (1,)))
for fmt, args in tests:
    try:
        print(fmt % args)
    except (TypeError, ValueError, KeyError) as e:
        print(type(e).__name__, e)
print('a' % ())
