# import m, from m import x, from m import *, import as, ImportError; built-in modules
import gc
import sys
import micropython
import urandom
import random
import utime
import time
import array
import uarray
from urandom import randint, getrandbits
from gc import *
print(type(gc).__name__, type(sys).__name__, type(array).__name__)
collect()
print(mem_free() > 0, mem_alloc() > 0)
print(1 <= randint(1, 3) <= 3, 0 <= getrandbits(4) < 16)
print(1 <= random.randint(1, 3) <= 3, 0 <= urandom.getrandbits(2) < 4)
import gc as g2
print(g2 is gc, g2.collect is gc.collect)
from array import array as arr
print(arr('b', [1, 2]), uarray.array('B', [3]))
t0 = utime.ticks_ms()
utime.sleep_ms(2)
time.sleep_ms(1)
print(utime.ticks_diff(utime.ticks_ms(), t0) >= 0, time.ticks_diff(5, 2))
print(micropython.const(7) + 1)
def f():
    import sys as s
    return s is sys
print(f())
try:
    import nosuch
except ImportError as e:
    print(type(e).__name__, e)
try:
    import nosuch_either
except Exception as e:
    print(type(e).__name__)
