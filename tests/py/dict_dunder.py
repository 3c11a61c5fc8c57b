# dict and set special methods called by name, and which dict views hash
d = {'a': 1}
d.__setitem__('b', 2)
print(d.__getitem__('b'), d)
d.__delitem__('a')
print(d)
try:
    d.__getitem__('zz')
except KeyError as e:
    print('KeyError', e)
try:
    d.__delitem__('zz')
except KeyError as e:
    print('KeyError', e)
print(dict.__getitem__(d, 'b'))
s = {1, 2}
print(s.__contains__(1), s.__contains__(3))
print(frozenset('ab').__contains__('a'), set.__contains__(s, 2))
# a values view hashes by identity; keys and items views are set-like
v = d.values()
print(hash(v) == hash(v), type(hash(v)))
for view in (d.keys(), d.items()):
    try:
        hash(view)
    except TypeError as e:
        print('TypeError', e)
print({v: 1}[v])
