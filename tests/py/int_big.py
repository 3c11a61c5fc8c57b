# ints beyond 31 bits promote to big ints of any size, and shrink back
print(2 ** 30, 2 ** 31, 2 ** 40)
print(2 ** 62, 2 ** 62 + (2 ** 62 - 1), -2 ** 62)
print(1073741823 + 1, 1073741824 * 4)
print(-1073741824 - 1, 65536 * 65536)
x = 1
for i in range(40):
    x = x * 2
print(x, x // 3, x % 1000, -x // 7)
print(x - (2 ** 40 - 1), x == 1099511627776)
print(123456789 * 1000, 10 ** 15, 10 ** 18)
print(hex(2 ** 36), (2 ** 40) >> 8, (2 ** 40) & 0xffff, (2 ** 40 + 5) & 0xff)
print(int('1099511627776') + 1, str(2 ** 35), 3 ** 30)
print(2 ** 40 > 2 ** 39, 2 ** 40 == 2 ** 40, abs(-2 ** 50))
y = 2 ** 33
y -= 2 ** 33
print(y, type(y).__name__)
z = 2 ** 64 * 2 ** 64 * 2 ** 64
print(z, z > 0, z // 2 ** 190, type(z // 2 ** 190).__name__)
