# None, True, False: repr, truthiness, identity, bool() and int arithmetic on bools
print(None, True, False)
print(repr(None), repr(True))
print(None is None, True is True, None == False)
print(not None, not 0, not 1, not '', not 'a', not [], not [0])
print(bool(0), bool(1), bool(-1), bool(''), bool('x'), bool(()), bool({}), bool(None))
print(True + True, True * 10, False - 1, True == 1, False == 0)
print(1 and 2, 0 and 2, 1 or 2, 0 or 2, None or 'd', '' and 'x')
print(type(None).__name__, type(True).__name__)
print(isinstance(True, bool), isinstance(1, bool), isinstance(0, int))
print(int(True), str(False), bool([]) is False)
x = None
if x is None:
    print('is None')
if x is not None:
    print('unreachable')
