# Heap bytes per object, as the issues count them: N objects kept in a list
# made beforehand ([None] * N, so each object's 4-byte slot is counted and
# no growth slack is), measured by gc.mem_free() after a collection.
# Prints "@KIND TENTHS_OF_A_BYTE" per kind, then "@depth N": the deepest
# nesting of a one-argument function before the recursion error.
import gc


class Point:
    def __init__(self, v):
        self.x = v
        self.y = v
        self.z = v


def closure_of(v):
    def get():
        return v
    return get


def gen_of(v):
    while True:
        yield v


def suspended(v):
    g = gen_of(v)
    next(g)
    return g


BIG = 2 ** 100
KINDS = (('instance', Point), ('closure', closure_of), ('generator', suspended),
         ('bigint', lambda v: BIG + v),
         ('list10', lambda v: [v, v, v, v, v, v, v, v, v, v]),
         ('dict10', lambda v: {0: v, 1: v, 2: v, 3: v, 4: v, 5: v, 6: v, 7: v, 8: v, 9: v}))


def per_object(make, n):
    gc.collect()
    before = gc.mem_free()
    keep = [None] * n
    for i in range(n):
        keep[i] = make(i)
    gc.collect()
    return (before - gc.mem_free()) * 10 // n


for kind, make in KINDS:
    print('@' + kind, per_object(make, 24))

deepest = 0


def down(n):
    global deepest
    deepest = n
    down(n + 1)


try:
    down(1)
except Exception:
    pass
print('@depth', deepest)
