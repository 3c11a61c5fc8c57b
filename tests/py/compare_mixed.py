# ordering comparisons between unrelated types raise TypeError naming both; == and != are False/True
for a, b in (('a', 1), (1, 'a'), (b'a', 'a'), ('a', b'a'), ([1], (1,)), ((1,), [1]), ('a', None), (1.5, 'a'), ({1}, 1)):
    for op in ('<', '<=', '>', '>=', '==', '!='):
        try:
            print(repr(a), op, repr(b), eval('a %s b' % op))
        except TypeError as e:
            print(repr(a), op, repr(b), 'TypeError', e)
