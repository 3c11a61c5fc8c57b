/* names_lang.h — names used by the language core (compiler.c, vm.c,
 * runtime.c, obj_fun.c, obj_class.c), kept apart so that area's owner can
 * extend them. Each must not repeat a name listed in names.h or another
 * names_*.h. */
#ifndef PITH_NAMES_LANG_H
#define PITH_NAMES_LANG_H
#define PITH_NAMES_LANG(X) \
    X(__init__) X(__new__) X(__getattr__) X(__setattr__) X(__delattr__) X(__dict__) X(__bases__) X(__repr__) \
    X(__str__) X(__neg__) X(__pos__) X(__invert__) X(__bool__) X(__len__) X(__hash__) X(__abs__) \
    X(__getitem__) X(__setitem__) X(__delitem__) X(__iter__) X(__next__) X(__call__) X(__contains__) X(__add__) \
    X(__sub__) X(__mul__) X(__floordiv__) X(__truediv__) X(__mod__) X(__pow__) X(__lshift__) X(__rshift__) \
    X(__and__) X(__or__) X(__xor__) X(__lt__) X(__le__) X(__gt__) X(__ge__) X(__eq__) \
    X(__ne__) X(__radd__) X(__rsub__) X(__rmul__) X(__rfloordiv__) X(__rtruediv__) X(__rmod__) X(__rpow__) \
    X(__rlshift__) X(__rrshift__) X(__rand__) X(__ror__) X(__rxor__) X(__iadd__) X(__isub__) X(__imul__) \
    X(__ifloordiv__) X(__itruediv__) X(__imod__) X(__ipow__) X(__ilshift__) X(__irshift__) X(__iand__) X(__ior__) \
    X(__ixor__) X(super) X(object) X(property) X(staticmethod) X(classmethod) X(getter) X(setter) \
    X(deleter) X(fget) X(fset) X(fdel) X(setattr) X(delattr) X(dir) X(exec) \
    X(eval) X(globals) X(locals) X(__build_class__) X(generator) X(send) \
    X(throw) X(GeneratorExit) X(cell) X(__globals__) X(__self__) X(__func__)
#endif
