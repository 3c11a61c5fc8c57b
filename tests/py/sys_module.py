# sys: argv path modules version info, stdout/stdin objects, print(file=), print_exception
import sys
print(sys.argv, sys.path[0], type(sys.path).__name__, type(sys.modules).__name__, len(sys.modules))
print(sys.version, sys.version_info, sys.version_info[0], sys.byteorder, sys.maxsize, sys.maxsize + 1)
print(type(sys.implementation.name).__name__, len(sys.implementation.version), type(sys.platform).__name__)
sys.argv.append('x')
sys.path.append('/apps')
import sys as again
print(again.argv, again.path[-1], again is sys)
from sys import argv
print(argv)
print(sys.stdout.write('written\n'), sys.stdout.write(b'bytes\n'))
print('to stdout', file=sys.stdout)
print('to none', file=None, sep='-', end='!\n')
print('a', 'b', sep='', end='')
print()
print(1, 2, sep=None, end=None)
print(repr(sys.stdout), repr(sys.stdin))
for bad in (lambda: print(1, 2, sep=3), lambda: print(end=[]), lambda: print('x', file=5),
            lambda: sys.stdout.write(5)):
    try:
        bad()
    except (TypeError, AttributeError) as e:
        print(type(e).__name__, e)
try:
    [].pop()
except IndexError as e:
    sys.print_exception(e)
sys.print_exception(ValueError('made', 2))
sys.print_exception(KeyError('k'), sys.stdout)
def f():
    1 / 0
try:
    f()
except ZeroDivisionError as e:
    sys.print_exception(e)
print('end')
