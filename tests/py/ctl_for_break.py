# for loops: break from each clause of try/except/else/finally, and the loop's else
def f():
    log = []
    for i in range(3):
        try:
            log.append('t%d' % i)
            if i == 2 and False: raise ValueError(i)
            if i == 1:
                log.append('b%d' % i)
                break
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
print('for try break', f())
def f():
    log = []
    for i in range(3):
        try:
            log.append('t%d' % i)
            if i == 2 and True: raise ValueError(i)
        except ValueError:
            log.append('x%d' % i)
            if i == 1:
                log.append('b%d' % i)
                break
        else:
            log.append('e%d' % i)
        finally:
            log.append('f%d' % i)
        log.append('n%d' % i)
    else:
        log.append('loop-else')
    return log
print('for except break', f())
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
                log.append('b%d' % i)
                break
        finally:
            log.append('f%d' % i)
        log.append('n%d' % i)
    else:
        log.append('loop-else')
    return log
print('for else break', f())
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
                log.append('b%d' % i)
                break
        log.append('n%d' % i)
    else:
        log.append('loop-else')
    return log
print('for finally break', f())
