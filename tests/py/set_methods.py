# set methods: several arguments, any iterable, the in-place updates, frozenset's subset
s = set([1, 2, 3])
print(s.union([3, 4], (5,), 'a') == set([1, 2, 3, 4, 5, 'a']), s.union())
print(s.intersection([1, 2, 9], (2, 1)), s.intersection(), s.intersection(s))
print(s.difference([1], (2,)), s.difference(), s.difference(s))
print(s.symmetric_difference([3, 4]), s.symmetric_difference(s))
print(s.issubset([1, 2, 3, 4]), s.issubset([1]), s.issuperset([1, 2]), s.issuperset('a'))
print(s.isdisjoint([4, 5]), s.isdisjoint(range(3)), set().isdisjoint([]))
t = set([1, 2, 3, 4])
print(t.intersection_update([1, 3, 4], range(4)), t)
t = set([1, 2, 3, 4])
print(t.difference_update([1], [4]), t)
t.difference_update(t)
print(t)
t = set([1, 2])
print(t.symmetric_difference_update([2, 5]), t)
t.symmetric_difference_update(t)
print(t)
t = set([1])
print(t.update(), t.update(range(3), [7]), t)
f = frozenset([1, 2, 3])
print(f.union([4]), f.intersection([2]), f.difference([1]), f.symmetric_difference([3, 9]))
print(f.issubset(s), f.issuperset([1]), f.isdisjoint([7]), f.copy() == f)
print(set.union(s, [9]) == set([1, 2, 3, 9]), frozenset.union(f, [9]) == frozenset([1, 2, 3, 9]))
for name in ('add', 'remove', 'update', 'clear', 'pop'):
    try:
        getattr(f, name)
    except AttributeError as e:
        print('AttributeError', e)
try:
    set.add(f, 3)
except TypeError as e:
    print('TypeError', e)
try:
    set.add(3, 3)
except TypeError as e:
    print('TypeError', e)
try:
    s.union(5)
except TypeError as e:
    print('TypeError', e)
try:
    s.update([1], 2)
except TypeError as e:
    print('TypeError', e)
print(s)
try:
    s.symmetric_difference()
except TypeError as e:
    print('TypeError', e)
