# uncaught TypeError from an operator inside a function called in a loop
def add(a, b):
    return a + b
for v in (1, 2, 'x'):
    print(add(v, 1))
