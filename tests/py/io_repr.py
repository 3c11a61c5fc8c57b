# StringIO and BytesIO print as MicroPython's <io.StringIO 0x...> (the address varies)
import io
s, b = io.StringIO('x'), io.BytesIO()
r = repr(s)
print(r[:15], str(b)[:14], r[-1], len(r) > 16)
print('io.StringIO' in r, 'io.BytesIO' in repr(b), repr(s) == str(s), r != repr(io.StringIO()))
print([s][0] is s, '%s' % b == repr(b))
