# str.format field names that start with a digit but are not an index (read
# arguments far outside the tuple: a segfault found by the fuzzer)
for f in ('{0  1}', '{0x}', '{12345678901}', '{1}'):
    try:
        print(f.format('ab', 'cd'))
    except KeyError as e:
        print('KeyError', e)
    except IndexError as e:
        print('IndexError', e)
    except Exception as e:
        print('other', e)
