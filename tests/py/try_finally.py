# finally runs on return, break, exceptions; exceptions escaping functions
def f():
    try:
        return 'from try'
    finally:
        print('finally on return')
print(f())
def g():
    try:
        raise KeyError('gk')
    finally:
        print('finally on raise')
try:
    g()
except KeyError:
    print('caught after finally')
for i in range(5):
    try:
        if i == 2:
            break
    finally:
        print('finally', i)
def h():
    for i in range(3):
        try:
            try:
                if i == 1:
                    raise IndexError
            finally:
                print('inner finally', i)
        except IndexError:
            print('handled', i)
h()
def nested():
    try:
        try:
            1 // 0
        finally:
            print('f1')
    finally:
        print('f2')
try:
    nested()
except ZeroDivisionError as e:
    print(type(e).__name__, e)
def ret_in_finally():
    try:
        return 1
    finally:
        print('cleanup')
print(ret_in_finally() + 1)
