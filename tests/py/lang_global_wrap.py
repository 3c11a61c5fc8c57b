# a builtin shadowed by a global is seen even after exactly 65,536 dict changes
# (pith's name cache stamps wrap there; a window of counts around it)
def size():
    return len('ab')


def churn(n):
    d = {}
    for k in range(n):
        if k & 1:
            del d[0]
        else:
            d[0] = 0
    return d


g = globals()
lam = lambda x: 'shadow'
bad = []
for j in range(-3, 4):
    size()
    g['len'] = lam
    churn(65535 + j)
    r = size()
    del g['len']
    if r != 'shadow':
        bad.append(j)
print('stale at', bad)
