# files: text mode counts characters (UTF-8), binary mode counts bytes; lines end at \n
with open('u.txt', 'w') as f:
    print(f.write('héllo wörld\n'), f.write('ünïcode ✓\nlast'))
f = open('u.txt')
print(repr(f.read(2)), repr(f.read(3)), repr(f.readline(4)), repr(f.readline()))
print(repr(f.readline()), repr(f.readline()), repr(f.readline()))
f.close()
f = open('u.txt', 'rb')
print(f.read(2), f.readline(), f.readline(3))
f.close()
print(open('u.txt').readlines())
print([len(line) for line in open('u.txt', 'rb')])
with open('crlf.txt', 'wb') as f:
    f.write(b'a\r\nb\rc\n\n')
print(open('crlf.txt').readlines(), open('crlf.txt', 'rb').read())
