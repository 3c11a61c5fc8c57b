# microbit module: sleep, running_time, temperature, and hardware pith lacks
import microbit
from microbit import *
t = running_time()
sleep(30)
sleep(20.5)
print(running_time() - t >= 50, type(running_time()))
print(temperature(), microbit.__name__, display, Image)
try:
    microbit.pin0
except AttributeError as e:
    print('AttributeError', e)
try:
    microbit.accelerometer.get_x()
except AttributeError as e:
    print('AttributeError', e)
try:
    import music
except ImportError as e:
    print('ImportError', e)
try:
    from radio import on
except ImportError as e:
    print('ImportError', e)
try:
    sleep(None)
except TypeError as e:
    print('TypeError', e)
