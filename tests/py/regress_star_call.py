# *args in a call with no positional arguments before it, or after a
# keyword: the collected list was unrooted (and clobbered a keyword's name)
# while the keyword dict was made; found by host-strict
def f(*a, **k):
    return a, sorted(k.items())
print(f(*[1, 2], *(3,)))
print(f(x=1, *[2]))
print(f(1, x=2, *[3], **{'y': 4}))
print(f(*map(lambda v: [v], range(3)), z=[5]))
