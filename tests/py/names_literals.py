# a string literal equal to a name must not stand in for the name
import gc
print('mem_free', gc.mem_free() > 0)
s = 'upper'
print(s, 'abc'.upper())
def f(key=1):
    return key
print('key', f(key=5))
print('sep', 'x', sep='|')
d = {'get': 1}
print(d.get('get'), 'append' in 'append', [].append(1))
