# for loops: return from each clause of try/except/else/finally, and the loop's else
def f():
    log = []
    for i in range(3):
        try:
            log.append('t%d' % i)
            if i == 2 and False: raise ValueError(i)
            if i == 1:
                log.append('r%d' % i)
                return log
        except ValueError:
            log.append('x%d' % i)
        else:
            log.append('e%d' % i)
        finally:
            log.append('f%d' % i)
        log.append('n%d' % i)
    else:
        log.append('loop-else')
    return log
print('for try return', f())
def f():
    log = []
    for i in range(3):
        try:
            log.append('t%d' % i)
            if i == 2 and True: raise ValueError(i)
        except ValueError:
            log.append('x%d' % i)
            if i == 1:
                log.append('r%d' % i)
                return log
        else:
            log.append('e%d' % i)
        finally:
            log.append('f%d' % i)
        log.append('n%d' % i)
    else:
        log.append('loop-else')
    return log
print('for except return', f())
def f():
    log = []
    for i in range(3):
        try:
            log.append('t%d' % i)
            if i == 2 and False: raise ValueError(i)
        except ValueError:
            log.append('x%d' % i)
        else:
            log.append('e%d' % i)
            if i == 1:
                log.append('r%d' % i)
                return log
        finally:
            log.append('f%d' % i)
        log.append('n%d' % i)
    else:
        log.append('loop-else')
    return log
print('for else return', f())
def f():
    log = []
    for i in range(3):
        try:
            log.append('t%d' % i)
            if i == 2 and False: raise ValueError(i)
        except ValueError:
            log.append('x%d' % i)
        else:
            log.append('e%d' % i)
        finally:
            log.append('f%d' % i)
            if i == 1:
                log.append('r%d' % i)
                return log
        log.append('n%d' % i)
    else:
        log.append('loop-else')
    return log
print('for finally return', f())
