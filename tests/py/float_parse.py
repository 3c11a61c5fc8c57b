# decimal text to single-precision float as v1 reads it: digits summed in single
# precision, two low mantissa bits dropped (the bits, via array 'f'; checked on v1)
import array
for s in ['0.1', '1e-45', '7e-46', '3.4028235e38', '1.17549435e-38', '16777217', '16777219', '2.5', '-0.0', '1e-50', '123.456e-3']:
    print(s, array.array('f', [float(s)]).tobytes().hex())
