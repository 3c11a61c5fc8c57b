# collections.deque (MicroPython's: maxlen required) and OrderedDict
from collections import deque, OrderedDict
d = deque((), 3)
print(d, len(d), bool(d), list(d))
d.append(1)
d.append(2)
d.appendleft(0)
print(list(d), len(d), bool(d), d[0], d[-1], 1 in d, 5 in d)
d.append(3)
print(list(d), d.popleft(), list(d))
d.appendleft(9)
d.appendleft(8)
print(list(d), d.pop(), d.pop(), d.pop(), len(d))
d.extend(range(10))
print(list(d), d[1])
d[1] = 'x'
print(list(d), [v for v in d])
e = deque([1, 2, 3, 4], 2)
print(list(e), deque('ab', maxlen=5).pop(), len(deque((), 0)), list(deque(range(3), 0)))
f = deque((), 2, 1)
f.append(1)
f.append(2)
for bad in (lambda: f.append(3), lambda: f.appendleft(0), lambda: deque((), 2).pop(),
            lambda: deque((), 2).popleft(), lambda: e[2], lambda: deque((), -1), lambda: deque([]),
            lambda: deque.append(5, 1)):
    try:
        bad()
    except (IndexError, ValueError, TypeError) as ex:
        print(type(ex).__name__, ex)
print(list(f))
q = deque((), 100)
for i in range(50):
    q.append(i)
    if i % 3 == 0:
        q.popleft()
print(len(q), q[0], q[-1], sum(q))
o = OrderedDict([(3, 'c'), (1, 'a')])
o[2] = 'b'
o.update(z=26)
print(o, list(o), o[1], len(o), 2 in o, type(o).__name__)
print(OrderedDict(), OrderedDict(a=1) == {'a': 1}, o.pop(1), o.popitem(), o)
print(isinstance(o, dict), o.copy(), type(o.copy()).__name__, list(o.items()))
