# Python calls don't use the C stack: 100-deep recursion works; unbounded recursion raises
def depth(n):
    if n == 0:
        return 0
    return 1 + depth(n - 1)
print(depth(100))
def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)
print(fib(15))
def even(n):
    return True if n == 0 else odd(n - 1)
def odd(n):
    return False if n == 0 else even(n - 1)
print(even(60), odd(61))
def forever(n):
    return forever(n + 1)
try:
    forever(0)
except RuntimeError as e:
    print(type(e).__name__, e)
print(depth(50), 'recovered')
def sum_list(lst):
    return 0 if not lst else lst[0] + sum_list(lst[1:])
print(sum_list(list(range(20))))
