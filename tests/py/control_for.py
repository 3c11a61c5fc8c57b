# for loops over sequences with break, continue, else; nested loops
for c in 'abc':
    print(c, end='')
print()
for i in [1, 2, 3, 4, 5, 6]:
    if i % 2:
        continue
    print(i, end=' ')
print()
for i in range(10):
    if i == 3:
        break
else:
    print('never')
print('stopped at', i)
for i in range(3):
    pass
else:
    print('for-else ran', i)
for x in []:
    print('never')
else:
    print('empty else')
for i in range(3):
    for j in range(3):
        if j > i:
            break
        print((i, j), end=' ')
print()
found = None
for n in range(2, 30):
    for d in range(2, n):
        if n % d == 0:
            break
    else:
        found = n if found is None else found
        print(n, end=' ')
print()
for k, v in {'a': 1, 'b': 2}.items():
    print(k, v)
for i, (a, b) in enumerate([(1, 2), (3, 4)]):
    print(i, a + b)
lst = [1, 2, 3]
for v in lst:
    if v == 2:
        lst.append(4)
print(lst)
