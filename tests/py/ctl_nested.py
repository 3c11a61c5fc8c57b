# nested try statements with jumps: finally order, return overriding, break swallowing, with + jumps
def order():
    log = []
    for i in range(2):
        try:
            try:
                if i == 1:
                    break
                log.append('in%d' % i)
            finally:
                log.append('inner%d' % i)
        finally:
            log.append('outer%d' % i)
    return log
print(order())
def override():
    try:
        return 'try'
    finally:
        return 'finally'
print(override())
def swallow():
    for i in range(3):
        try:
            raise ValueError(i)
        finally:
            break
    return 'swallowed'
print(swallow())
def reraise_after():
    try:
        try:
            raise KeyError('k')
        except KeyError:
            raise ValueError('v')
    except ValueError as e:
        return 'got ' + str(e)
print(reraise_after())
def bare_raise():
    try:
        try:
            raise KeyError('a')
        except KeyError:
            try:
                raise IndexError('b')
            except IndexError:
                pass
            raise
    except KeyError as e:
        return 'outer ' + repr(e.args)
print(bare_raise())
class CM:
    def __init__(self, log, name):
        self.log, self.name = log, name
    def __enter__(self):
        self.log.append('enter ' + self.name)
        return self
    def __exit__(self, t, v, tb):
        self.log.append('exit ' + self.name)
def with_jumps():
    log = []
    for i in range(3):
        with CM(log, str(i)):
            if i == 0:
                continue
            if i == 1:
                break
    with CM(log, 'r'):
        return log
print(with_jumps())
def skip_bad(items):
    total = 0
    for s in items:
        try:
            total += int(s)
        except ValueError:
            continue
    return total
print(skip_bad(['1', 'x', '3', '', '5']))
def while_else(n):
    while n > 0:
        n -= 1
        if n == 10:
            break
    else:
        return 'else ran'
    return 'broke'
print(while_else(3), while_else(20))
