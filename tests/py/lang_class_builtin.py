# classes: subclasses of list, dict and Exception, iterator classes
class Stack(list):
    def push(self, v):
        self.append(v)
    def peek(self):
        return self[-1]
st = Stack()
st.push(1); st.push(2)
print(st, len(st), st.peek(), st.pop(), st)
class Reg(dict):
    def __missing__(self, k): return 0
r = Reg()
r['a'] = 1
print(r['a'], len(r), list(r.keys()))
class MyErr(Exception):
    pass
class CodeErr(MyErr):
    def __init__(self, code, msg):
        super().__init__(msg)
        self.code = code
try:
    raise CodeErr(42, 'bad thing')
except MyErr as e:
    print(type(e).__name__, e.code, e, e.args)
try:
    raise MyErr
except Exception as e:
    print(repr(e), e.args)
class Counter:
    def __init__(self, n):
        self.n = n
        self.i = 0
    def __iter__(self):
        return self
    def __next__(self):
        if self.i >= self.n:
            raise StopIteration
        self.i += 1
        return self.i
print(list(Counter(3)), sum(Counter(4)), [x * 2 for x in Counter(2)])
