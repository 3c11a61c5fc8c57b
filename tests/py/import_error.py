# import: errors in a module name its file and line; a failed module stays half made (as in v1)
with open('broken.py', 'w') as f:
    f.write('x = 1\ny = (2,\n')
try:
    import broken
except SyntaxError as e:
    print('SyntaxError', e)
with open('fails.py', 'w') as f:
    f.write('A = 1\ndef f():\n    return 1 / 0\nB = 2\n')
import fails
print(fails.A, fails.B)
with open('raises.py', 'w') as f:
    f.write('first = 1\nraise ValueError("in module")\nlast = 2\n')
try:
    import raises
except ValueError as e:
    print('ValueError', e)
import raises
print(raises.first, hasattr(raises, 'last'))
def call():
    return fails.f()
call()
