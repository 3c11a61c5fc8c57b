# sys.exit() ends the program silently, even inside functions and try/finally
import sys
print('before')
def stop():
    try:
        sys.exit()
    except ValueError:
        print('wrong handler')
    print('not reached')
for i in range(3):
    print(i)
    if i == 1:
        stop()
print('not reached')
