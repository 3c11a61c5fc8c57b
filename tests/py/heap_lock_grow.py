# heap_lock() also stops a list from growing; a failed extend leaves the list as it was
import micropython
l = []
l2 = list(range(100))
t2 = tuple(l2)
grew = grew_t = None
micropython.heap_lock()
try:
    l.extend(l2)
    grew = True
except MemoryError:
    grew = False
try:
    l.extend(t2)
    grew_t = True
except MemoryError:
    grew_t = False
micropython.heap_unlock()
print(grew, grew_t, len(l))
l.extend(l2)
l += t2
l.extend(l)
print(len(l), l[-1], l[99], l[100], l[299])
