# classes: attributes, inheritance, super(), special methods, isinstance
class Animal:
    kind = 'animal'
    count = 0
    def __init__(self, name):
        self.name = name
        Animal.count += 1
    def speak(self):
        return self.name + ' makes a sound'
    def __repr__(self):
        return 'Animal(%r)' % self.name
class Dog(Animal):
    kind = 'dog'
    def __init__(self, name, breed):
        super().__init__(name)
        self.breed = breed
    def speak(self):
        return super().speak() + ': woof'
a = Animal('cat')
d = Dog('rex', 'lab')
print(a.speak(), '|', d.speak())
print(a, d, [a, d])
print(Animal.count, d.kind, a.kind, Dog.kind, d.breed)
print(isinstance(d, Animal), isinstance(a, Dog), issubclass(Dog, Animal), issubclass(Animal, Dog))
print(type(d) is Dog, type(d).__name__, d.__class__.__name__, Dog.__name__)
print(isinstance(d, (int, Animal)), isinstance(3, (int, Animal)))
m = d.speak
print(m())
print(Animal.speak(d))
class Point:
    def __init__(self, x, y):
        self.x, self.y = x, y
    def __add__(self, o): return Point(self.x + o.x, self.y + o.y)
    def __sub__(self, o): return Point(self.x - o.x, self.y - o.y)
    def __mul__(self, k): return Point(self.x * k, self.y * k)
    def __rmul__(self, k): return self * k
    def __neg__(self): return Point(-self.x, -self.y)
    def __eq__(self, o): return isinstance(o, Point) and self.x == o.x and self.y == o.y
    def __lt__(self, o): return (self.x, self.y) < (o.x, o.y)
    def __hash__(self): return hash((self.x, self.y))
    def __str__(self): return '(%d, %d)' % (self.x, self.y)
    def __len__(self): return 2
    def __getitem__(self, i): return (self.x, self.y)[i]
    def __iter__(self): yield self.x; yield self.y
    def __bool__(self): return bool(self.x or self.y)
    def __contains__(self, v): return v in (self.x, self.y)
    def __call__(self, k): return self.x * k
p = Point(1, 2)
q = Point(3, 4)
print(p + q, q - p, p * 3, 3 * p, -p)
print(p == Point(1, 2), p != q, p < q, q > p, sorted([q, p])[0])
print(len(p), p[0], p[1], list(p), tuple(p), 2 in p, 5 in p)
print(bool(Point(0, 0)), bool(p), p(10))
x, y = p
print(x, y, {p: 'a'}[Point(1, 2)])
s = {Point(1, 2), Point(1, 2), Point(2, 1)}
print(len(s))
p += q
print(p)
