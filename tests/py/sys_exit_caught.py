# SystemExit is an exception: it can be caught, and finally blocks run on exit
import sys
try:
    sys.exit(3)
except SystemExit:
    print('caught SystemExit')
try:
    sys.exit()
finally:
    print('finally runs')
print('not reached')
