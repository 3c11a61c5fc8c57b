# values a Python callback hands back to C are fresh objects, rooted by
# nobody: the three cases of issue 11 (wrong values or freed memory on the
# stress builds), and the same shapes through other built-ins
a, b = range(2)
print(a, b)
print(list(enumerate(map(lambda x: [x, x], range(4)))))
print(sum(map(lambda x: [x], range(5)), []))
print(list(filter(lambda p: p[0] % 2, map(lambda x: (x, [x]), range(5)))))
print(max(map(lambda x: [x % 3, x], range(6))), min(map(lambda x: [x], range(3))))
print(list(zip(map(lambda x: [x], 'ab'), map(lambda x: (x,), 'cd'))))
print(sorted(map(lambda x: [-x], range(4)), key=lambda l: l[0]))
d, = {'k': 1}
print(d)
