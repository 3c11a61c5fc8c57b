# str indexing (negative too), slicing with steps, len, +, *, in, comparisons
s = 'Hello World'
print(s[0], s[4], s[-1], s[-5], len(s), len(''))
print(s[0:5], s[6:], s[:5], s[-5:], s[:], s[3:3])
print(s[::2], s[1::2], s[::-1], s[-1:-6:-1], s[8:2:-2])
print(s[100:], s[-100:3], s[2:100], s[5:1])
print('ab' + 'cd', 'ab' * 3, 3 * 'x', 'ab' * 0, 'x' * -1 == '')
print('lo' in s, 'xyz' in s, '' in s, 'H' not in s)
print('abc' == 'abc', 'abc' != 'abd', 'abc' < 'abd', 'b' > 'abc', 'A' < 'a')
for c in 'hey':
    print(c, end=' ')
print()
t = ''
for i in range(5):
    t += str(i)
print(t, list('abc'), tuple('xy'))
print(str(12), str(-3), str(None), str([1, 'a']), str('q'))
print(repr('a'), repr("it's"), repr('tab\tnew\n'), repr('\\'))
print(ord('A'), chr(97), ord('\n'), chr(0x41) + chr(0x42))
print('\x41\x42', 'a\tb', 'q\\n', "dq\"", 'sq\'')
print('''triple
quoted''', """x""")
print('adj' 'acent', len('a\nb'))
