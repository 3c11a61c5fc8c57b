# import: a module from a file runs once, keeps its globals, and is shared by every importer
with open('helper.py', 'w') as f:
    f.write('''print('helper runs as', __name__)
SCALE = 3
count = 0
def scaled(v):
    global count
    count += 1
    return v * SCALE
def name():
    return __name__
''')
import helper
print(helper, helper.__name__, helper.SCALE)
print(helper.scaled(14), helper.name())
import helper as again
print(again is helper)
from helper import scaled, SCALE
print(scaled(2), SCALE)
with open('user.py', 'w') as f:
    f.write('import helper\nfrom helper import scaled\nRESULT = scaled(10) + helper.SCALE\n')
import user
print(user.RESULT, user.helper is helper)
try:
    helper.missing
except AttributeError as e:
    print('AttributeError', e)
try:
    from helper import missing
except ImportError as e:
    print('ImportError', e)
try:
    import no_such_module
except ImportError as e:
    print('ImportError', e)
# a module name that is also a file name without .py is not a module
with open('data', 'w') as f:
    f.write('x = 1\n')
try:
    import data
except ImportError as e:
    print('ImportError', e)
# built-in modules come first, as u-names too
import os, uos, gc
print(os is uos, gc.collect() is None)
