# KeyError: str(e) of a KeyError is the key as MicroPython prints it
d = {'a': 1}
try:
    d['k']
except KeyError as e:
    print(type(e).__name__, e)
try:
    d[5]
except KeyError as e:
    print(type(e).__name__, e)
try:
    d.pop('gone')
except KeyError as e:
    print(type(e).__name__, e)
try:
    del d['z']
except KeyError as e:
    print(type(e).__name__, e)
try:
    raise KeyError('own')
except LookupError as e:
    print(type(e).__name__, e)
print('a' in d, d.get('k', 'default'))
d['missing']
