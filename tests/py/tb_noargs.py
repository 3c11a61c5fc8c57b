# uncaught exception raised with no arguments prints "ValueError: " (trailing space)
def check(n):
    if n > 2:
        raise ValueError
    return n
for i in range(5):
    print(check(i))
