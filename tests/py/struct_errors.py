# struct: MicroPython's errors for bad formats, values and buffers
import struct
tests = (
    lambda: struct.calcsize('z'),
    lambda: struct.calcsize('O'),
    lambda: struct.calcsize('10'),
    lambda: struct.pack('i', 'x'),
    lambda: struct.pack('<h', 1.5),
    lambda: struct.pack('<f', 'x'),
    lambda: struct.pack('s', 5),
    lambda: struct.unpack('<hI', b'\x01\x80\x02'),
    lambda: struct.unpack('<h', 5),
    lambda: struct.unpack_from('<h', b'\x00\x01\x02', 2),
    lambda: struct.unpack_from('<h', b'\x00\x01', -3),
    lambda: struct.pack_into('<hh', bytearray(6), 3, 1, 2),
    lambda: struct.pack_into('<h', bytearray(2), -3, 1),
    lambda: struct.pack_into('<h', b'ab', 0, 1),
    lambda: struct.pack(5),
    lambda: struct.pack('<i', 1, 2),
    lambda: struct.pack('<ii', 1),
    lambda: struct.pack('3s'),
    lambda: struct.pack_into('<b', bytearray(1), 0),
    lambda: struct.unpack('<99999999d', b''),
    lambda: struct.calcsize('<300000000q'),
)
for f in tests:
    try:
        print(f())
    except (ValueError, TypeError, MemoryError) as e:
        print(type(e).__name__, e)
print(struct.pack('<f', 1), struct.pack('<d', True), struct.pack('<H', False))
