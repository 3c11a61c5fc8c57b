# the builtins module and help('modules'), as Thonny's helper class reaches them from a class body
import builtins
print(builtins, builtins.print is print, builtins.len is len, builtins.ImportError is ImportError)
print('open' in dir(builtins), 'print' in dir(builtins), 'builtins' in dir())
class Helper:
    import builtins
    try:
        import uos as os
    except builtins.ImportError:
        import os
    import sys
    values = builtins.dict()
    @builtins.classmethod
    def show(cls, obj):
        cls.builtins.print('<v>', cls.builtins.repr(obj), '</v>', sep='', end='\n')
Helper.show([1, 'a'])
Helper.show(Helper.os.__name__)
Helper.show(Helper.builtins.hasattr(Helper.os, 'listdir'))
import sys
Helper.builtins.print('Helper' in Helper.builtins.dir(), Helper.sys is sys)
help('modules')
