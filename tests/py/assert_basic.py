# assert raises AssertionError, with and without a message
assert True
assert 1 == 1, 'not shown'
try:
    assert False
except AssertionError as e:
    print(type(e).__name__, repr(str(e)))
try:
    assert 1 > 2, 'one is not greater'
except AssertionError as e:
    print(type(e).__name__, e)
def positive(x):
    assert x > 0, 'need positive'
    return x
print(positive(3))
try:
    positive(-1)
except AssertionError as e:
    print('caught', e)
try:
    assert [], 'empty list is false'
except AssertionError as e:
    print(e)
print('end')
assert 2 + 2 == 5, 'math'
