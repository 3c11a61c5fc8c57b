# int.to_bytes / int.from_bytes in both byte orders, with big ints; bit_length
print((1024).to_bytes(2, 'big'), (1024).to_bytes(2, 'little'), (0).to_bytes(3, 'big'))
# as v1: two's complement, cut to the length (CPython raises OverflowError)
print((5).to_bytes(0, 'big'), (-1).to_bytes(3, 'little'), (-2 ** 70).to_bytes(10, 'big'), (2 ** 70 + 258).to_bytes(2, 'big'))
print((2 ** 70).to_bytes(10, 'big'), (2 ** 70 + 255).to_bytes(10, 'little'))
print((2 ** 64 - 1).to_bytes(8, 'big'), (2 ** 40).to_bytes(12, 'little'), (123456789).to_bytes(4, 'big'))
print(int.from_bytes(b'\x01\x00', 'big'), int.from_bytes(b'\x01\x00', 'little'), int.from_bytes(b'', 'big'))
print(int.from_bytes(b'\xff' * 10, 'big'), int.from_bytes(b'\x00' * 9 + b'\x80', 'little'))
print(int.from_bytes(bytes(b'\x12\x34\x56\x78\x9a\xbc\xde\xf0\x11'), 'big'))
print(int.from_bytes(b'\xff\xff', 'big', signed=True), int.from_bytes(b'\x7f\xff', 'big', signed=True))
print(int.from_bytes(b'\x00' * 8 + b'\x80', 'little', signed=True), int.from_bytes(b'\xfe', 'little', signed=False))
for v in [0, 1, 255, 256, 2 ** 30 - 1, 2 ** 30, -2 ** 30, 2 ** 70, -(2 ** 70) - 1, 10 ** 30]:
    n = (v.bit_length() + 8) // 8
    print(v, v.bit_length(), int.from_bytes(abs(v).to_bytes(n, 'big'), 'big') == abs(v),
          int.from_bytes(abs(v).to_bytes(n, 'little'), 'little') == abs(v))
b = (2 ** 100 - 3).to_bytes(13, 'little')
print(len(b), b[0], b[12], int.from_bytes(b, 'little') == 2 ** 100 - 3)
