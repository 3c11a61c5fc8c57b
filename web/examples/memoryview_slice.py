# Demonstrate the use of a memoryview object
# to perform a slice on a buffer protocol
# object containing a large binary dataset.

# Using a memoryview object means that
# the buffer won't be copied when the
# slice operator is used.

import urandom # To generate random numbers

# Define the size of the buffer in bytes
# such that it almost exceeds the mico:bit's
# total RAM.
size = 8000
# Declare the buffer and fill with null data.
buffer = bytearray(size)

# Update the entire buffer with random data.
for i in range(size):
    buffer[i] = urandom.randint(0, 255)
 
# Declare a memoryview object
# pointing to the buffer.
m = memoryview(buffer)

# Take a large slice of the buffer
# using the memoryview object.
# This will work fine as the
# buffer won't be copied.
# This will return another memoryview object
# that references the slice.
slice1 = m[0:size-1000]
print('Take huge slice using memoryview object')
print('First 3 bytes of the slice:')
print(slice1[0], slice1[1], slice1[2])

# Take a very small slice of the buffer
# without using a memoryview object.
# The slice will be a copy of the data
# from the buffer that will just
# fit in the micro:bit's RAM.
slice2 = buffer[0:5]
print('\nTake slice without memoryview object')
print('First 3 bytes of the slice:')
print(slice1[0], slice1[1], slice1[2])

# Now take a very large slice without
# using a memoryview object. An attempt
# will be made to make a copy of the
# buffer data. The micro:bit will
# not have sufficient RAM so an exception
# will be raised.
print('\nAttempting huge slice')
print(' without using memoryview object')
slice3 = buffer[0:size-1000]
