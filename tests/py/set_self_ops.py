# a set combined with itself, empty or not (difference with itself empties it)
for s in (set(), {1, 2}, frozenset(), frozenset('ab')):
    t = s.copy()
    print(sorted(s - s), sorted(s | s), sorted(s & s), sorted(s ^ s), s <= s, s < s)
    print(sorted(s.difference(s)), sorted(s.union(s)), s.issubset(s), s.isdisjoint(s))
    if isinstance(t, set):
        t -= t
        u = set(s)
        u.difference_update(u)
        v = set(s)
        v ^= v
        print(t, u, v, len(s))
