# microbit.display: show/scroll sequencing sampled mid-frame (frames of 200 ms,
# so a busy test machine has 100 ms of slack), wait=False, clear, on/off
from microbit import *
def row(y):
    return ''.join(str(display.get_pixel(x, y)) for x in range(5))
def rows():
    return ':'.join(row(y) for y in range(5))
def at(t0, ms):  # sleep until ms after t0: samples stay mid-frame however long printing takes
    sleep(max(0, t0 + ms - running_time()))
display.show(Image.HEART)
print(rows())
display.show('A')
print(rows())
display.show(7)
print(rows())
t = running_time()
display.show('AB', delay=60)
print(running_time() - t >= 120, rows())
t = running_time()
display.show(Image.ALL_ARROWS[:3], delay=200, wait=False)
for i in range(4):
    at(t, 100 + 200 * i)
    print(rows())
t = running_time()
display.show([Image.HEART, 'x'], delay=200, clear=True, wait=False)
for i in range(4):
    at(t, 100 + 200 * i)
    print(i, rows())
t = running_time()
display.show(Image.SAD, loop=True, delay=50, wait=False)
at(t, 125)
print(rows())
display.clear()
print(rows())
display.show((c for c in 'ok'), delay=50)
print(rows())
# scroll: first column enters at the right, one column per frame
t = running_time()
display.scroll('I:', delay=200, wait=False)
for i in range(9):
    at(t, 100 + 200 * i)
    print(i, rows())
display.scroll('ab', delay=10)
print(rows())
t = running_time()
display.scroll(42, delay=200, wait=False, monospace=True)
at(t, 900)
print(rows())
display.clear()
display.set_pixel(2, 2, 5)
print(display.get_pixel(2, 2), display.is_on())
display.off()
print(display.is_on(), display.get_pixel(2, 2))
display.on()
print(display.is_on())
def e(f):
    try:
        print(f())
    except Exception as x:
        print(type(x).__name__, x)
e(lambda: display.set_pixel(5, 0, 1))
e(lambda: display.set_pixel(0, 0, 10))
e(lambda: display.get_pixel(0, -1))
e(lambda: display.show(None))
e(lambda: display.show([1, 2]))
e(lambda: display.scroll(None))
e(lambda: display.show(Image.HEART, 100, 1))
