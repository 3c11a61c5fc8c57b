# a syntax error: the whole file is refused, nothing runs (the message was
# read after being freed when the heap collected in between)
print('never')
x = 1 +* 2
print(x)
