# int bitwise operators: << >> & | ^ ~ including negatives
print(1 << 4, 1 << 30, 256 >> 4, -256 >> 4, -1 >> 10)
print(0b1100 & 0b1010, 0b1100 | 0b1010, 0b1100 ^ 0b1010)
print(-8 & 0xff, -1 & 0xffff, 5 | -8, -5 ^ 3)
print(~0, ~255, ~-256)
x = 0xf0
x &= 0x3c
print(x)
x |= 1
print(x)
x ^= 0xff
print(x)
x <<= 3
print(x)
x >>= 2
print(x)
print(hex(0xdead & 0xff00), hex(1 << 20))
print((1 << 31) - 1, 1 << 31, -(1 << 31))
print(1 << 32, (1 << 40) >> 38)
try:
    1 << -1
except ValueError:
    print('ValueError')
