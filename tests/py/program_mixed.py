# a small realistic program mixing features: parsing, dicts, sorting, formatting
data = 'alice:30,bob:25,carol:35,dave:25'
people = []
for item in data.split(','):
    name, age = item.split(':')
    people.append((name, int(age)))
by_age = {}
for name, age in people:
    by_age.setdefault(age, []).append(name)
for age in sorted(by_age):
    print('%d: %s' % (age, ', '.join(sorted(by_age[age]))))
oldest = max(people, key=lambda p: p[1])
print('oldest {} ({})'.format(oldest[0].upper(), oldest[1]))
print('mean age', sum([a for n, a in people]) // len(people))
def checksum(buf):
    c = 0
    for x in buf:
        c = (c * 31 + x) & 0xffff
    return c
msg = 'hello pith'.encode()
print(hex(checksum(msg)), hex(checksum(memoryview(msg)[6:])))
grid = [[(r * 3 + c) % 4 for c in range(4)] for r in range(3)]
for row in grid:
    print(''.join(['.#'[v % 2] for v in row]))
counts = [0] * 4
for row in grid:
    for v in row:
        counts[v] += 1
print(counts, all([c == 3 for c in counts]))
def rle(s):
    out = []
    i = 0
    while i < len(s):
        j = i
        while j < len(s) and s[j] == s[i]:
            j += 1
        out.append(s[i] + str(j - i))
        i = j
    return ''.join(out)
print(rle('aaabccdddd'), rle(''), rle('x'))
