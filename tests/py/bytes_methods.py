# the str methods on bytes and bytearray (results keep the receiver's type), hex/fromhex
b = b'  Hello, World  '
a = bytearray(b)
for x in (b, a):
    print(x.strip(), x.lower(), x.upper().split(b','), x.find(b'o'), x.rfind(b'o', 0, 9), x.count(b'l'))
    print(x.replace(b'l', b'L', 2), x.startswith(b'  H'), x.endswith((b'x', b'  ')), x.index(b'W'))
    print(x.split(), x.rsplit(None, 1), x.partition(b','), x.rpartition(b'o'), x.center(18, b'*'))
    print(x.lstrip(b' H'), x.rstrip(), x.swapcase(), x.title(), x.zfill(17), x.isspace(), x[:3].isspace())
print(b'a,b'.join([b'x', b'y']), bytearray(b'-').join([b'1', bytearray(b'2'), memoryview(b'3')]))
print(b'abc'.find(98), b'abc'.count(99), bytearray(b'abca').rfind(97), b'a\nb\r\n'.splitlines(True))
print(b'12'.isdigit(), b'ab'.isalpha(), b'AB'.isupper(), b'ab'.islower(), b'a1'.isalnum(), b''.isdigit())
print(b'xyz'.ljust(5, b'.'), bytearray(b'xyz').rjust(5), b'1'.zfill(3), b'hi'.capitalize())
s = bytearray(b'keep')
print(s.strip() is s, s.replace(b'x', b'y') is s, s.strip() == s, type(s.upper()).__name__)
print(b'\x00\x7f\xff'.hex(), bytearray(b'\x01\xab').hex(), b''.hex(), memoryview(b'\xfe\x01').hex())
print(b'\x01\x02\x03'.hex(':'), b'\x01\x02\x03\x04\x05'.hex('-', 2), b'\x01\x02\x03'.hex(b' ', -2))
print(bytes.fromhex('00ff7F'), bytes.fromhex('01 02  0a'), bytearray.fromhex('abcd'), bytes.fromhex(''))
for bad in ('0', 'zz', '0 1'):
    try:
        bytes.fromhex(bad)
    except ValueError as e:
        print('ValueError', e)
for f in (lambda: b'abc'.find('b'), lambda: b'abc'.split('b'), lambda: b','.join(['a']), lambda: 'x'.join([b'a'])):
    try:
        f()
    except TypeError as e:
        print('TypeError', e)
try:
    b'abc'.hex('::')
except ValueError as e:
    print('ValueError', e)
print(b'caf\xc3\xa9'.decode() == 'café', bytearray(b'ok').decode('utf-8'), b'%d-%s' % (5, b'x'))
