# the format mini-language through format() and str.format: fill, align, sign, #, 0, width, grouping, precision, types
print(format(42), format(42, ''), format('s'), format(1.5), format(None), format([1], ''))
print(format(42, '>6') + '|', format(42, '<6') + '|', format(42, '^6') + '|', format(-42, '=6'))
print(format('ab', '*^7'), format('ab', '>4'), format('ab', '.1'), format('abcdef', '4.2') + '|')
print(format(7, '+d'), format(7, ' d'), format(-7, '+'), format(0, '-'), format(-7, '08d'), format(7, '+05'))
print(format(255, 'x'), format(255, 'X'), format(255, '#x'), format(255, '#X'), format(5, 'b'), format(5, '#b'))
print(format(8, 'o'), format(8, '#o'), format(-255, '#x'), format(255, '#010x'), format(65, 'c'), format(0x20ac, 'c'))
print(format(1234567, ','), format(1234567, '_'), format(-1234, ','), format(123, ','), format(0xABCDEF, '_x'))
print(format(1234, '08,'), format(1234, '010,'), format(1234567.5, ',.2f'), format(-12345.5, '_.1f'))
print(format(3.14159, '.2f'), format(2.5, 'f'), format(1.5, '08.3f'), format(-1.5, '+.1f'), format(0.5, ' .1f'))
print(format(12345.678, 'e'), format(0.00012, '.2E'), format(1.5, '.0e'), format(1e-5, 'g'), format(1e20, 'G'))
print(format(0.25, '%'), format(0.125, '.1%'), format(1.0, 'g'), format(123456789.0, 'g'), format(5, '.2f'))
print(format(1e10), format(1.25, ''), format(3.14159, '.3'), format(2, 'e'), format(100, 'n'), format(1.5, 'n'))
print(format(float('inf'), 'f'), format(float('-inf'), '>6'), format(float('nan'), 'F'), format(float('inf'), 'E'))
print(format('é', '^5') + '|', format('é€', 'é<4'), format(3, '€>3'), format('x', '0>3'))
print(format(True, ''), format(True, 'd'), format(False, '>3'), format(True, '.2f'))
print('{:5}|{:<5}|{:^5}|{:>5}|'.format(1, 2, 3, 'x'), '{:_>+8.2f}'.format(3.14159))
for v, spec in ((1, 's'), ('a', 'd'), (1.5, 'd'), (1.5, 'x'), ('a', '+'), ('a', '='), (1, '5q'), (65, '+c'), (1, '.'), (1, ',x')):
    try:
        format(v, spec)
    except ValueError as e:
        print('ValueError', e)
try:
    format(1, 2)
except TypeError as e:
    print('TypeError', e)
for v, spec in ((1, '99999999'), (1.5, '.99999999f'), ('x', '^99999999')):
    try:
        format(v, spec)
    except MemoryError as e:
        print('MemoryError', e)
