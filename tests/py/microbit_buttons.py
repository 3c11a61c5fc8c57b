# microbit buttons: presses counted while sleeping and scrolling (host hook PITH_BUTTONS)
# buttons: A:100-200,A:300-400,B:150-250
from microbit import *
print(button_a.was_pressed(), button_a.get_presses(), button_a.is_pressed())
sleep(175)
print(button_a.is_pressed(), button_b.is_pressed())
sleep(100)
print(button_a.is_pressed(), button_b.is_pressed(), button_a.was_pressed(), button_a.was_pressed())
display.scroll('Hi', delay=40)
print(button_a.get_presses(), button_a.get_presses(), button_b.get_presses(), button_b.was_pressed())
print(button_a, button_b.is_pressed())
