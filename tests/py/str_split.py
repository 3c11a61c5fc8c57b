# split/rsplit with sep and maxsplit (keywords too), splitlines, partition/rpartition
s = '  a b  c  '
print(s.split(), s.split(None, 1), s.split(None, 0), s.split(maxsplit=2))
print(s.rsplit(), s.rsplit(None, 1), s.rsplit(None, 0), s.rsplit(maxsplit=2))
print(s.split(' '), s.split(' ', 2), s.rsplit(' ', 2))
t = 'a,b,,c,'
print(t.split(','), t.split(',', 1), t.rsplit(',', 1), t.split(',', -1), t.rsplit(',', 0))
print('a--b--c'.split('--'), 'a--b--c'.rsplit('--', 1), 'abc'.split('abc'), 'abc'.split('x'))
print(''.split(), ''.split(','), ''.rsplit(','), '   '.split(), '   '.rsplit(None, 1))
print('x\ty\nz\r\x0bw\x0cv'.split(), 'one two'.split(sep=' '), 'a b c'.rsplit(sep=' ', maxsplit=1))
print('é,ü,ö'.split(','), 'aébéc'.rsplit('é', 1))
try:
    'abc'.split('')
except ValueError as e:
    print('ValueError', e)
try:
    'abc'.split(1)
except TypeError as e:
    print('TypeError', e)
print('a\nb\r\nc\rd\n'.splitlines(), 'a\nb\r\nc\rd\n'.splitlines(True))
print('\n\nx'.splitlines(), ''.splitlines(), 'no end'.splitlines(keepends=True), '\r\n'.splitlines())
print('k=v=w'.partition('='), 'k=v=w'.rpartition('='), 'kvw'.partition('='), 'kvw'.rpartition('='))
print('aXXbXXc'.partition('XX'), 'aXXbXXc'.rpartition('XX'), 'é=ü'.partition('='))
try:
    'abc'.partition('')
except ValueError as e:
    print('ValueError', e)
try:
    'abc'.rpartition(None)
except TypeError as e:
    print('TypeError', e)
