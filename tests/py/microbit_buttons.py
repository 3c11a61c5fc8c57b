# microbit buttons: presses counted while sleeping and scrolling (test hook: the line below)
# buttons: A:100-300,A:700-900,B:200-400
from microbit import *
print(button_a.was_pressed(), button_a.get_presses(), button_a.is_pressed())
sleep(250)
print(button_a.is_pressed(), button_b.is_pressed())
sleep(300)
print(button_a.is_pressed(), button_b.is_pressed(), button_a.was_pressed(), button_a.was_pressed())
display.scroll('Hi', delay=40)
print(button_a.get_presses(), button_a.get_presses(), button_b.get_presses(), button_b.was_pressed())
print(button_a, button_b.is_pressed())
