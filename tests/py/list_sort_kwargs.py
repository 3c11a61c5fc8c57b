# list.sort() and sorted() take only the keywords key and reverse
l = [3, 1, 2]
l.sort(reverse=True)
print(l)
l.sort(key=lambda x: -x, reverse=True)
print(l)
print(sorted('cab', reverse=True), sorted([1, -3, 2], key=abs))
for call in (lambda: l.sort(noexist=1), lambda: sorted(l, reversed=True),
             lambda: l.sort(key=None, cmp=None)):
    try:
        call()
        print('no error')
    except TypeError as e:
        print('TypeError:', e)
try:
    sorted(l, None)
except TypeError as e:
    print('TypeError:', e)
print(l)
