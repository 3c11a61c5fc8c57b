# str.format field names that start with a digit but are not an index read
# arguments far outside the tuple (a segfault found by the fuzzer). Which
# exception they raise is str.format's business; here they must raise.
for f in ('{0  1}', '{0x}', '{12345678901}', '{2}', '{1}'):
    try:
        print(f.format('ab', 'cd'))
    except Exception:
        print(f, 'raised')
