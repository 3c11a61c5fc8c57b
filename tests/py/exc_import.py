# ImportError for unknown modules; a failed import leaves the name unbound
try:
    import nosuch
except ImportError as e:
    print(type(e).__name__, e)
try:
    nosuch
except NameError as e:
    print(type(e).__name__, e)
import gc
print('gc ok')
import nosuch
print('not reached')
