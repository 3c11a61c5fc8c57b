# array(tc, other_array) converts each value; Q holds 0 .. 2**64-1
from array import array
print(array('H', array('b', [1, 2])))
print(array('b', array('I', [1, 2])))
print(array('h', array('h', [3, -4])))
print(array('f', array('i', [1, -2])))
print(array('h', b'12'), array('h', bytearray(4)))
print(bytearray(array('h', [1])))
print(array('Q', [0, 1, 2**64 - 1, 2**63]))
print(array('q', [-2**63, -1, 2**63 - 1]))
print(bytes(array('Q', [2**64 - 1])), bytes(array('q', [-1])))
a = array('Q', [0])
a[0] = 2**63 + 5
print(a[0], a[0] - 2**63)
