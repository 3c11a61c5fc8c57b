# != on instances calls __ne__, or negates __eq__, from either side; __new__
# reached through an instance is not bound.
class N:
    def __ne__(s, o): print('ne'); return True
print(N() != N())
class E:
    def __eq__(s, o): print('eq'); return True
print(E() != E(), 1 != E(), E() != 1)
class P: pass
p = P()
print(p != p, p != P(), p == p, 1 != p)
class A:
    def __new__(cls, *a):
        print('new', cls.__name__, a)
        return super().__new__(cls)
a = A()
b = a.__new__(A)
print(type(b).__name__)
