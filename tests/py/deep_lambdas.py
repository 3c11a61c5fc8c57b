# Nested lambdas: each is a function compiled inside the one around it.
f = lambda: lambda: lambda: lambda: lambda: lambda: lambda: lambda: lambda: lambda: lambda: lambda: lambda: lambda: 7
r = f
for i in range(14): r = r()
print(r)
