# dict methods: get keys values items pop update setdefault copy
d = {'one': 1, 'two': 2, 'three': 3}
print(d.get('one'), d.get('four'), d.get('four', 4))
print(list(d.keys()), list(d.values()), list(d.items()))
for k, v in d.items():
    print(k, v)
print(d.pop('two'), d, d.pop('zz', 'dflt'))
d.update({'four': 4, 'one': 11})
print(d)
d.update([('five', 5)])
d.update(six=6)
print(d)
print(d.setdefault('one', 99), d.setdefault('seven', 7), d['seven'])
print(d.setdefault('eight'), 'eight' in d)
c = d.copy()
c['one'] = 0
print(d['one'], c['one'], len(c) == len(d))
print(sorted(d.keys()), None in d.values())
print(len(d.keys()), 'one' in d.keys(), 4 in d.values())
items = list(d.items())
print(items[0], items[-1])
d.clear()
print(d, len(d))
try:
    d.pop('missing')
except KeyError:
    print('KeyError')
