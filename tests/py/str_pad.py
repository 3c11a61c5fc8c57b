# center/ljust/rjust/zfill, strip family with chars, replace with count and empty patterns
print('[' + 'abc'.center(9, '*') + ']', '[' + 'abc'.center(8) + ']', '[' + 'abcd'.center(8, '-') + ']')
print('[' + 'abc'.center(2) + ']', '[' + 'abc'.ljust(6) + ']', '[' + 'abc'.rjust(6, '.') + ']')
print('[' + 'é'.ljust(3, 'ü') + ']', '[' + 'é'.rjust(3) + ']', '[' + ''.center(4, 'x') + ']')
print('42'.zfill(5), '-42'.zfill(5), '+4'.zfill(4), 'abc'.zfill(2), ''.zfill(3), '-'.zfill(3))
try:
    'abc'.center(9, '**')
except TypeError as e:
    print('TypeError', e)
print('[' + '  x y  '.strip() + ']', '[' + '  x y  '.lstrip() + ']', '[' + '  x y  '.rstrip() + ']')
print('[' + 'xyhixy'.strip('xy') + ']', '[' + 'xyhixy'.lstrip('yx') + ']', '[' + 'xyhixy'.rstrip('y') + ']')
print('[' + '\t\n\r\x0b\x0c ok \n'.strip() + ']', '[' + 'aaa'.strip('a') + ']', '[' + 'abc'.strip('') + ']')
print('éaéhiéa'.strip('éa'), 'èéhié'.strip('é'), 'ab'.strip(None), 'ab'.rstrip(None))
s = 'one one one'
print(s.replace('one', '1'), s.replace('one', '1', 2), s.replace('one', '1', 0), s.replace('one', '1', -1))
print(s.replace(' ', ''), s.replace('x', 'y'), s.replace('one one one', ''), 'aaa'.replace('a', 'aa'))
print('abc'.replace('', '-'), 'abc'.replace('', '-', 2), ''.replace('', 'x'), 'éü'.replace('', '.'))
print('aaaa'.replace('aa', 'b'), 'héé'.replace('é', 'e'), 'abc'.replace('b', '', 1))
try:
    'abc'.replace('a', 1)
except TypeError as e:
    print('TypeError', e)
s = 'keep'
print(s.strip() is s, s.replace('x', 'y') is s, s.center(2) is s)
