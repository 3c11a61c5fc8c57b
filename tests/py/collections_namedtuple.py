# collections.namedtuple: a tuple type with named fields, built at run time
from collections import namedtuple
import ucollections
P = namedtuple('P', ['x', 'y'])
p = P(1, 2)
print(P, p, P(1, y=2), P(y=2, x=1), p.x + p[1], p[-1], p[0:1], len(p), list(p))
print(p == (1, 2), (1, 2) == p, p < (1, 3), p + (3,), p * 2, 2 in p, p.index(2), p.count(1))
print(isinstance(p, tuple), isinstance(p, P), type(p) is P, type(p).__name__, str(p), repr(p))
print(hash(p) == hash((1, 2)), {p: 'v'}[(1, 2)], tuple(p), sorted(P(3, 1)), max(p))
a, b = p
print(a, b, P._fields, p._fields, p._asdict(), p._replace(y=5), p)
Q = namedtuple('Q', 'a b, c')
q = Q(1, 'two', [3])
print(q, q.c, Q._fields, ucollections.namedtuple('E', [])(), namedtuple('One', 'v')(None))
print(q._asdict()['b'], type(q._asdict()).__name__, P is not namedtuple('P', 'x y'))
for bad in (lambda: P(1), lambda: P(1, 2, 3), lambda: P(1, x=2), lambda: P(x=1, y=2, z=3),
            lambda: P(1, z=3), lambda: p._replace(z=1), lambda: p.z, lambda: P._z, lambda: P.__name__):
    try:
        print(bad())
    except (TypeError, AttributeError) as e:
        print(type(e).__name__, e)
try:
    p.x = 5
except (AttributeError, TypeError) as e:
    print('cannot set')
try:
    p[0] = 5
except TypeError as e:
    print('TypeError', e)
try:
    namedtuple('Bad', 5)
except TypeError as e:
    print('TypeError')
points = [P(i, i * i) for i in range(5)]
print(points[3], sum(pt.y for pt in points), sorted(points, key=lambda t: -t.x)[0])
