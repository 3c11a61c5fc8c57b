# binascii: hexlify/unhexlify (sep), a2b_base64/b2a_base64 (newline=), crc32, MicroPython errors
import binascii
import ubinascii
print(binascii is ubinascii)
print(binascii.hexlify(b'\x00\x01\x7f\x80\xff'), binascii.hexlify(b'123', ':'), binascii.hexlify(b'', b':'))
print(binascii.unhexlify(b'313233344142434461626364'), binascii.unhexlify('7f80ff'))
for x in (b'', b'Zg==', b'Zm8=', b'Zm9v', b'Zm9vYg==', b'Zm9vYmE=', b'Zm9vYmFy', b'f4D/', b'f4D+', b'Zm9v\n', b'Zm\x009v\n', b'Zm9v==', b'Zm9v===', b'Zm9v===YmFy'):
    print(binascii.a2b_base64(x))
for x in (b'abc', b'abcde=', b'ab*d', b'ab=cdef='):
    try:
        print(binascii.a2b_base64(x))
    except ValueError as e:
        print('ValueError', e)
for x in (b'', b'f', b'fo', b'foo', b'foob', b'fooba', b'foobar', b'\x00\xff'):
    print(binascii.b2a_base64(x), binascii.b2a_base64(x, newline=False))
print(hex(binascii.crc32(b"The quick brown fox jumps over the lazy dog")))
print(hex(binascii.crc32(b" over the lazy dog", binascii.crc32(b"The quick brown fox jumps"))))
print(hex(binascii.crc32(b'\xff' * 32)), binascii.crc32(b''))
for bad in ('0', 'gg', '0g'):
    try:
        binascii.unhexlify(bad)
    except ValueError as e:
        print('ValueError', e)
