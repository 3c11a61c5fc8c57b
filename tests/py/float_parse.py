# decimal text to single-precision float, correctly rounded (the bits, via array 'f')
import array
for s in ['0.1', '1e-45', '7e-46', '3.4028235e38', '1.17549435e-38', '16777217', '16777219', '2.5', '-0.0', '1e-50', '123.456e-3']:
    print(s, array.array('f', [float(s)]).tobytes().hex())
