# an uncaught MemoryError names the size that could not be allocated
print('start')
small = bytearray(100)
print(len(small))
big = bytearray(14000)
print('not reached')
