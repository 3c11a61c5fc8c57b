# uncaught exception three calls deep: one File line per frame, innermost last
def inner(v):
    return 10 // v

def middle(v):
    r = inner(v)
    return r

def outer(v):
    print('outer', v)
    return middle(v)

print(outer(2))
print(outer(0))
print('not reached')
