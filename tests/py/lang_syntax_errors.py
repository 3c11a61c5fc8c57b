# syntax errors: each source compiled by exec raises SyntaxError with v1's message
srcs = [
    "yield 1",
    "def f():\n    pass\nnonlocal x",
    "def f():\n    nonlocal zz\n",
    "break",
    "for i in range(3):\n    pass\ncontinue",
    "return 5",
    "x = (1,\n 2\n",
    "def f(a, a): pass",
    "f(x=1, 2)",
    "a + 1 = 2",
    "del f()",
    "class C:\n    return 1",
    "x = 1\n  y = 2",
    "if True:\npass",
    "def f(*): pass",
    "lambda: (yield)",
    "f'{}'",
    "print('unterminated)",
    "0x",
    "1 if 2",
]
for s in srcs:
    try:
        exec(s)
        print('no error', repr(s))
    except SyntaxError as e:
        print(repr(s[:12]), e.args[0])
