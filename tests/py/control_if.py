# if / elif / else, conditional expressions, truthiness of values in conditions
def classify(n):
    if n < 0:
        return 'negative'
    elif n == 0:
        return 'zero'
    elif n < 10:
        return 'small'
    else:
        return 'large'
print([classify(v) for v in (-5, 0, 3, 50)])
for v in (0, 1, '', 'x', [], [0], None, {}, {1: 2}, 0.0):
    if v:
        print(repr(v), 'true')
    else:
        print(repr(v), 'false')
a = 5
print('big' if a > 3 else 'small', 'big' if a > 9 else 'small')
print(1 if a == 5 else 2 if a == 6 else 3, 1 if a == 7 else 2 if a == 5 else 3)
if a > 1 and a < 10 or a == 100:
    print('and/or ok')
if not a == 4:
    print('not ok')
if a:
    pass
else:
    print('never')
if (a > 2
        and a < 8):
    print('continued condition')
x = 3; y = 4
if x < y: print('one-line if')
