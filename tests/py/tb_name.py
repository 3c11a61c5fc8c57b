# uncaught NameError at module level: the traceback format
print('before')
x = 1
y = x + 1
print(y)
print(z)
print('not reached')
