# code points: len/index/slice, repr escapes as MicroPython, chr/ord to 0x10FFFF, encode/decode
s = 'aé€😀z'
print(len(s), len(s.encode()), s[1] == 'é', s[-2] == '😀', s[2:4] == '€😀', s[::-1] == 'z😀€éa')
print(repr(s), repr('\x00\x1f\x7f\x80\xff'), repr('\u0100\uffff\U00010000'))
print([ord(c) for c in s], s[1:2].encode(), s[::2] == 'a€z', s[-1:-4:-2] == 'z€')
print(ord(chr(0x10FFFF)) == 0x10FFFF, chr(0x10FFFF).encode(), chr(0x7FF).encode(), chr(0x800).encode())
for bad in (0x110000, -1):
    try:
        chr(bad)
    except ValueError as e:
        print('ValueError', e)
for bad in ('', 'ab', 'é€'):
    try:
        ord(bad)
    except TypeError as e:
        print('TypeError', e)
print(s.encode('utf-8'), 'x'.encode('ascii', 'strict'), 'y'.encode(encoding='utf-8', errors='ignore'))
print(b'\xc3\xa9'.decode() == 'é', b'ok'.decode('utf-8', 'strict'), bytearray(b'\xe2\x82\xac').decode() == '€')
print(str(b'\xf0\x9f\x98\x80', 'utf-8') == '😀', bytes('é', 'utf-8'), bytes('€', 'utf8', 'x'))
print(str(b'k', encoding='utf-8'), bytes('é', encoding='utf-8'), str(bytearray(b'v'), errors='strict'))
for bad in (b'\xff', b'\xc3', b'a\x80b', b'\xe2\x82', b'\xf8\x88\x80\x80\x80'):
    try:
        print(bad.decode())
    except UnicodeError:
        print('UnicodeError', bad)
try:
    str(bytearray(b'\xc0\x80x'), 'utf-8')
except UnicodeError:
    print('UnicodeError')
print('é' < 'ê', 'z' < 'é', '€' < '😀', 'aé' == 'a' + 'é', 'é' * 3, 2 * '€' == '€€')
for n in (100000000, 10000):
    try:
        'ab' * n
    except MemoryError as e:
        print('MemoryError', e)
try:
    b'xyz' * 5000
except MemoryError as e:
    print('MemoryError', e)
print(''.join(reversed(s)) == s[::-1], list('é€') == ['é', '€'], 'é€'.find('€'))
