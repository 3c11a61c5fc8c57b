# Deep nesting that MicroPython v1 handles on the micro:bit must work on
# every board: the compiler and calls back from C into Python go on in heap
# stack segments when the board's 2 KiB C stack runs short.
src = 'x = ' + '(' * 20 + '7' + ')' * 20
exec(src)
print(x)
print(eval('[' * 16 + '1' + ']' * 16))
src = ''
for i in range(12):
    src += ' ' * i + 'if True:\n'
src += ' ' * 12 + 'print("twelve blocks")\n'
exec(src)
print(eval('1' + ' + (2 * (3 - (4 + (5 * (6 - 7)))))' * 3))

def f():
    return (((((((((((((((((((((1 + 2)))))))))))))))))))))
print(f())

class N:
    def __init__(self, c):
        self.c = c
    def __repr__(self):
        return 'N(' + repr(self.c) + ')'
x = 0
for i in range(5):
    x = N(x)
print(repr(x))
y = N(N(N(0)))
print(str([y, [y]]))

x = []
for i in range(36):
    x = [x]
print(len(repr(x)), repr(x)[:5])
d = {}
for i in range(20):
    d = {i: d}
print(len(str(d)))

# Past the limit: a clean RuntimeError, and the REPL state is intact.
x = 0
for i in range(60):
    x = N(x)
try:
    repr(x)
except RuntimeError as e:
    print('RuntimeError', e)
print('ok')
