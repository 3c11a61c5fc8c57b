# big ints as text: str of long numbers, int() of long strings in any base, hex/oct/bin
n = 7 ** 118
print(n)
print(len(str(n)), str(-n)[:12], repr(n)[-5:])
s = '123456789' * 12
v = int(s)
print(v % 1000003, str(v) == s, int('-' + s) == -v, int('+' + s + ' ') == v)
print(int(' 0x' + 'f' * 24, 0), int('-0o' + '7' * 30, 0), int('0b' + '1' * 70, 0))
print(int('z' * 20, 36), int('ZZZZZZZZZZZZZZZZZZZZZ', 36), int('1' * 50, 2), int('12' * 15, 3))
print(int('ffffffffffffffffffff', 16), int('0xFFFFFFFFFFFFFFFFFFFF', 16), int('777777777777777777777', 8))
print(int('1_000_000_000_000_000_000'), int('0', 0), int('-0'), int('00012'), int('  42  '))
print(hex(2 ** 70), hex(-2 ** 70 - 1), oct(8 ** 25), oct(-(8 ** 25)), bin(2 ** 40 + 1), bin(-5))
print(hex(0), hex(255), hex(-256), oct(8), bin(0), hex(2 ** 30), hex(-2 ** 30))
print(int(hex(n), 16) == n, int(oct(n), 8) == n, int(bin(n), 2) == n, int(bin(-n), 0) == -n)
print(str(10 ** 50), 10 ** 50 - 1, -10 ** 20, 10 ** 19 + 1, 2 ** 64 - 1)
print([2 ** 65, -2 ** 65], (2 ** 65,), {'k': 2 ** 65})
big = int('9' * 500)
print(len(str(big)), big % 97, (big + 1) // 10 ** 499, str(big)[-3:])
for bad in ['', '-', '0x', '12a', '1e5', '0b102', '1 2', '_1', '0x_']:
    try:
        int(bad, 0)
        print('ok', bad)
    except ValueError as e:
        print('ValueError', e)
for base, text in [(2, '102'), (16, 'g'), (36, '!')]:
    try:
        int(text, base)
    except ValueError as e:
        print('ValueError', e)
for base in [1, 37, -2]:
    try:
        int('12', base)
    except ValueError as e:
        print('ValueError', e)
try:
    int(12, 10)
except TypeError as e:
    print('TypeError', e)
