# str.format field names that start with a digit but are not an index read
# arguments far outside the tuple (a segfault found by the fuzzer). Which
# lookup error they raise is str.format's business (v1, CPython and pith
# differ); here they must raise one.
for f in ('{0  1}', '{0x}', '{12345678901}', '{2}', '{1}'):
    try:
        print(f.format('ab', 'cd'))
    except (KeyError, IndexError, ValueError, NotImplementedError):
        print(f, 'raised')
