# global statement, module-level names seen from functions, local shadowing
counter = 0
def bump():
    global counter
    counter += 1
    return counter
bump()
bump()
print(counter, bump())
x = 'module'
def read_x():
    return x
def shadow():
    x = 'local'
    return x
print(read_x(), shadow(), x)
def set_new():
    global created
    created = 42
set_new()
print(created)
items = []
def add_item(v):
    items.append(v)
add_item(1)
add_item(2)
print(items)
def uses_later():
    return later_defined * 2
later_defined = 21
print(uses_later())
def unbound():
    y = y_global + 1
    return y
y_global = 1
print(unbound())
def redefine():
    return 1
def redefine():
    return 2
print(redefine())
