# str.format with {} / {:d} / positional indexes, and % formatting %d %s %r %x
print('{} and {}'.format('spam', 'eggs'))
print('{0}{1}{0}'.format('ab', 'cd'))
print('{:d} items'.format(42), '{:d}'.format(-7))
print('{}'.format(None), '{}'.format([1, 2]), '{}'.format(True), '{}'.format(1.5))
print('{:5d}|{:<5}|{:>5}|{:x}'.format(42, 'ab', 'cd', 255))
print('{{literal}} {}'.format(1))
print('x={x}'.format(x=3))
print('%d' % 42, '%d' % -3, '%s' % 'str', '%s' % 12, '%s' % [1])
print('%r' % 'q', '%r' % 5, '%r' % b'b')
print('%x' % 255, '%X' % 255, '%x' % 0, '%o' % 8, '%c' % 65)
print('%5d|%-5d|%05d|' % (42, 42, 42))
print('%s-%s' % ('a', 'b'), '%d%%' % 50)
print('%s' % (1,), '(%s, %s)' % (1, 2))
print('%.3s' % 'abcdef', '%3s|' % 'a')
try:
    '%d %d' % (1,)
except TypeError as e:
    print(type(e).__name__, e)
try:
    '%d' % 'a'
except TypeError as e:
    print(type(e).__name__, e)
