# while loops with break, continue, else; nested loops
i = 0
while i < 5:
    i += 1
    if i == 2:
        continue
    print(i, end=' ')
print()
n = 0
while True:
    n += 1
    if n >= 7:
        break
print(n)
k = 0
while k < 3:
    k += 1
else:
    print('while-else ran', k)
k = 0
while k < 10:
    k += 1
    if k == 4:
        break
else:
    print('never')
print('broke at', k)
a, b = 0, 1
fib = []
while a < 100:
    fib.append(a)
    a, b = b, a + b
print(fib)
i = 0
while i < 3:
    j = 0
    while j < 3:
        if j == i:
            break
        print(i, j)
        j += 1
    i += 1
x = 10
while x:
    x -= 3 if x > 3 else x
print(x)
