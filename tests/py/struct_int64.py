# struct q/Q: the full 64-bit range, big ints truncated to the item, Q unpacks unsigned
import struct
print(struct.pack('<Q', 2 ** 64 - 1), struct.pack('>Q', 0xffffffffffffffff))
print(struct.pack('<q', -1), struct.pack('>q', -2 ** 63), struct.pack('<Q', 2 ** 63))
print(struct.pack('<Q', 1234567890123456789), struct.pack('>q', -1234567890123456789))
print(struct.pack('<Q', 2 ** 64 + 5), struct.pack('<q', -(2 ** 70) - 1), struct.pack('<I', 2 ** 40 + 7))
print(struct.unpack('<Q', b'\xff' * 8), struct.unpack('>Q', b'\x80' + bytes(7)))
print(struct.unpack('<q', b'\xff' * 8), struct.unpack('>q', b'\x80' + bytes(7)))
print(struct.unpack('<Q', b'\x12\x34\x56\x78\x90\x12\x34\x56'), struct.unpack('>q', b'\xf2\x34\x56\x78\x90\x12\x34\x56'))
v = struct.unpack('<2Q', struct.pack('<2Q', 2 ** 64 - 2, 7))
print(v, v[0] + 2 == 2 ** 64)
try:
    struct.pack('<Q', 1.5)
except TypeError as e:
    print('TypeError:', e)
