# invalid UTF-8 in a string literal: a run of 40 continuation bytes (its repr
# shifted past the word decoding it: found by libFuzzer, replayed by it).
w = ['cˆˆˆˆˆˆˆˆˆˆˆˆˆˆˆˆˆˆˆˆˆˆˆˆˆˆˆˆˆˆˆˆˆˆˆˆˆˆˆˆx', 'b']
w.sort()
print(len(w[1]), w[0])
print(repr(w[1])[:1], len(repr(w[1])) > 3)
print([len(ch) for ch in w[1]])
