# while loops: continue from each clause of try/except/else/finally, and the loop's else
def f():
    log = []
    i = -1
    while i < 2:
        i += 1
        try:
            log.append('t%d' % i)
            if i == 2 and False: raise ValueError(i)
            if i == 1:
                log.append('c%d' % i)
                continue
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
print('while try continue', f())
def f():
    log = []
    i = -1
    while i < 2:
        i += 1
        try:
            log.append('t%d' % i)
            if i == 2 and True: raise ValueError(i)
        except ValueError:
            log.append('x%d' % i)
            if i == 1:
                log.append('c%d' % i)
                continue
        else:
            log.append('e%d' % i)
        finally:
            log.append('f%d' % i)
        log.append('n%d' % i)
    else:
        log.append('loop-else')
    return log
print('while except continue', f())
def f():
    log = []
    i = -1
    while i < 2:
        i += 1
        try:
            log.append('t%d' % i)
            if i == 2 and False: raise ValueError(i)
        except ValueError:
            log.append('x%d' % i)
        else:
            log.append('e%d' % i)
            if i == 1:
                log.append('c%d' % i)
                continue
        finally:
            log.append('f%d' % i)
        log.append('n%d' % i)
    else:
        log.append('loop-else')
    return log
print('while else continue', f())
def f():
    log = []
    i = -1
    while i < 2:
        i += 1
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
                log.append('c%d' % i)
                continue
        log.append('n%d' % i)
    else:
        log.append('loop-else')
    return log
print('while finally continue', f())
