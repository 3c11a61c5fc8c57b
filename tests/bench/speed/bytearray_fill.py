# Bytearray fills: item stores and loads over a 256-byte buffer.
def bench(n):
    b = bytearray(256)
    for k in range(n):
        for i in range(256):
            b[i] = (i + k) & 255
    return sum(b) + b[17]


run(bench, 12)
