/* obj_class.c — user classes and their instances; object, super,
 * property, staticmethod, classmethod; the class statement's builder.
 *
 * A class is a type object in the heap (pclass): its namespace is a dict,
 * its slots point at the functions below, which look up the special
 * methods (__add__, __getitem__, __iter__...) in the class and its bases,
 * depth first and left to right as MicroPython does. An instance keeps
 * its attributes as (name, value) pairs in place: a class learns how many
 * its instances end up with, and later instances are made that size. An
 * instance of a subclass of list, dict... carries the built-in object
 * inside (the ATTR_NATIVE pair); one of an exception class is an
 * exception object (pexc) whose attributes live in its dict. */
#include <string.h>

#include "obj.h"
#include "pith.h"
#include "vm.h"

static pv class_make(const ptype *t, int n, const pv *args, int nkw, const pv *kw);

static const pclass *K(const ptype *t) { return (const pclass *)t; }

bool class_is(const ptype *t) { return t->make == class_make; }

static bool is_inst(pv v) { return !PV_IS_INT(v) && class_is(PV_OBJ(v)->type); }

#define PV_NOTIMPL ((pv)&o_notimplemented)

typedef struct {
    const ptype *type;
    pv fget, fset, fdel;
} pproperty;

static void dict_update_from(pv d, pv src) {
    pdict *s = (pdict *)src;
    for (size_t i = 0; i < s->filled; i++)
        if (s->entries[i].key) dict_set(d, s->entries[i].key, s->entries[i].value);
}

/* ---- lookup ---- */
static pv table_get(const ptable *t, const pstr *name) {
    if (!t) return PV_NULL;
    for (unsigned i = 0; i < t->n; i++)
        if (t->items[i].name == name) return t->items[i].value;
    return PV_NULL;
}

/* In the user classes of t's hierarchy only (not the built-in types). */
static pv user_lookup(const ptype *t, const pstr *name) {
    if (!class_is(t)) return PV_NULL;
    pv v = dict_get(K(t)->dict, (pv)name);
    if (v) return v;
    const ptuple *b = (const ptuple *)K(t)->bases;
    for (size_t i = 0; i < b->len; i++) {
        v = user_lookup((const ptype *)b->items[i], name);
        if (v) return v;
    }
    return PV_NULL;
}

/* In the built-in types of t's hierarchy (native bases, object). */
static pv native_lookup(const ptype *t, const pstr *name) {
    if (class_is(t)) {
        const ptuple *b = (const ptuple *)K(t)->bases;
        for (size_t i = 0; i < b->len; i++) {
            pv v = native_lookup((const ptype *)b->items[i], name);
            if (v) return v;
        }
        return PV_NULL;
    }
    for (; t; t = t->base) {
        pv v = table_get(t->locals, name);
        if (v) return v;
    }
    return PV_NULL;
}

/* Everything a class has: its own, its bases', then object's methods. */
pv class_lookup(const ptype *t, const pstr *name) {
    pv v = user_lookup(t, name);
    if (!v) v = native_lookup(t, name);
    if (!v && class_is(t)) v = table_get(t_object.locals, name);
    return v;
}

/* ---- instances: their attribute pairs ---- */
static pv native_of(pv obj) {
    pinst *o = (pinst *)obj;
    return o->n && o->attrs[0] == ATTR_NATIVE ? o->attrs[1] : PV_NULL;
}

static bool same_name(pv k, const pstr *name) {
    return k == (pv)name || (k != ATTR_MORE && k != ATTR_NATIVE && str_eq((const pstr *)k, name));
}

static pv attr_get(pv obj, const pstr *name) {
    if (K(PV_OBJ(obj)->type)->flags & CLASS_EXC) {
        pexc *e = (pexc *)obj;
        return e->dict ? dict_get(e->dict, (pv)name) : PV_NULL;
    }
    pinst *o = (pinst *)obj;
    for (unsigned i = 0; i < o->n; i++) {
        pv k = o->attrs[2 * i];
        if (k == ATTR_MORE) {
            pv v = dict_get(o->attrs[2 * i + 1], (pv)name);
            if (v) return v;
        } else if (same_name(k, name)) {
            return o->attrs[2 * i + 1];
        }
    }
    return PV_NULL;
}

/* Count the attributes, for learning a class's instance size. */
static unsigned attr_count(pinst *o) {
    unsigned n = 0;
    for (unsigned i = 0; i < o->n; i++) {
        pv k = o->attrs[2 * i];
        if (k == ATTR_MORE) n += ((pdict *)o->attrs[2 * i + 1])->used;
        else if (k != ATTR_NATIVE) n++;
    }
    return n;
}

/* Store or delete an attribute in the instance itself; false: missing (delete). */
static bool attr_put(pv obj, const pstr *name, pv value, bool del) {
    pclass *k = (pclass *)PV_OBJ(obj)->type;
    if (k->flags & CLASS_EXC) {
        pexc *e = (pexc *)obj;
        if (del) return e->dict && dict_del(e->dict, (pv)name);
        if (!e->dict) e->dict = dict_new(0);
        dict_set(e->dict, (pv)name, value);
        return true;
    }
    pinst *o = (pinst *)obj;
    for (unsigned i = 0; i < o->n; i++) {
        pv key = o->attrs[2 * i];
        if (key == ATTR_MORE) {
            pv d = o->attrs[2 * i + 1];
            if (del) {
                if (dict_del(d, (pv)name)) return true;
            } else if (dict_get(d, (pv)name)) {
                dict_set(d, (pv)name, value);
                return true;
            }
        } else if (same_name(key, name)) {
            if (del) {
                memmove(&o->attrs[2 * i], &o->attrs[2 * i + 2], (size_t)(o->n - i - 1) * 2 * sizeof(pv));
                o->n--;
            } else {
                o->attrs[2 * i + 1] = value;
            }
            return true;
        }
    }
    if (del) return false;
    if (o->n < o->cap) {
        o->attrs[2 * o->n] = (pv)name;
        o->attrs[2 * o->n + 1] = value;
        o->n++;
    } else {
        /* full: the last pair moves into a dict that takes the rest */
        pv *last = &o->attrs[2 * (o->cap - 1)];
        if (last[0] != ATTR_MORE) {
            pv d = dict_new(2);
            gc_root_push(&d);
            dict_set(d, last[0], last[1]);
            gc_root_pop(1);
            last[0] = ATTR_MORE;
            last[1] = d;
        }
        dict_set(last[1], (pv)name, value);
    }
    unsigned n = attr_count(o);
    if (n > k->ninst && n <= 16) k->ninst = (uint8_t)n;
    return true;
}

/* ---- making instances ---- */
/* Built-in types whose instances are changed after they are made, so a
 * subclass's __init__ may fill them; the others take the call's
 * arguments when made. */
static bool native_mutable(const ptype *t) {
    return t == &t_list || t == &t_dict || t == &t_set || t == &t_bytearray || t == &t_array;
}

/* A new instance; its native object made from the arguments (when the
 * class has a native base). */
static pv alloc_with(const ptype *cls, int n, const pv *args, int nkw, const pv *kw) {
    const pclass *k = K(cls);
    if (k->flags & CLASS_EXC) {
        pv t = tuple_new((size_t)n);
        if (n) memcpy(((ptuple *)t)->items, args, (size_t)n * sizeof(pv));
        gc_root_push(&t);
        pv e = exc_new(cls, t);
        gc_root_pop(1);
        return e;
    }
    unsigned cap = k->ninst ? k->ninst : 1;
    if (k->native) cap++;
    pinst *o = gc_alloc(sizeof(pinst) + cap * 2 * sizeof(pv));
    o->type = cls;
    o->cap = (uint16_t)cap;
    if (k->native) {
        pv keep = (pv)o;
        gc_root_push(&keep);
        pv nat = k->native->make(k->native, n, args, nkw, kw);
        gc_root_pop(1);
        o->attrs[0] = ATTR_NATIVE;
        o->attrs[1] = nat;
        o->n = 1;
    }
    return (pv)o;
}

pv class_alloc(const ptype *cls) { return alloc_with(cls, 0, NULL, 0, NULL); }

pv class_init_of(const ptype *cls) {
    const pclass *k = K(cls);
    if (k->native && !native_mutable(k->native)) return PV_NULL;
    pv init = user_lookup(cls, &N(__init__));
    if (!init || !pv_is(init, &t_function) || (((pfun *)init)->code->flags & CODE_GENERATOR)) return PV_NULL;
    if (user_lookup(cls, &N(__new__))) return PV_NULL;
    return init;
}

static pv unwrap_static(pv v) { return pv_is(v, &t_staticmethod) ? ((pbound *)v)->self : v; }

static pv class_make(const ptype *t, int n, const pv *args, int nkw, const pv *kw) {
    pv inst;
    pv newm = user_lookup(t, &N(__new__));
    pv init = user_lookup(t, &N(__init__));
    if (newm) {
        newm = unwrap_static(newm);
        inst = rt_call_self(newm, (pv)t, n, args, nkw, kw);
        if (!rt_isinstance_type(pv_type(inst), t)) return inst;
    } else if (init && (!K(t)->native || native_mutable(K(t)->native)) && !(K(t)->flags & CLASS_EXC)) {
        inst = class_alloc(t);
    } else {
        inst = alloc_with(t, n, args, nkw, kw);
    }
    if (!init) {
        if ((n || nkw) && !K(t)->native && !(K(t)->flags & CLASS_EXC) && !newm)
            rt_raise_fmt(&t_TypeError, "function takes 0 positional arguments but %d were given", n);
        return inst;
    }
    gc_root_push(&inst);
    pv r = rt_call_self(init, inst, n, args, nkw, kw);
    if (r != PV_NONE) rt_raise_fmt(&t_TypeError, "__init__() should return None, not '%s'", rt_type_name(r));
    gc_root_pop(1);
    return inst;
}

/* ---- attribute lookup ---- */

/* A class attribute found for an instance (or a class: inst PV_NULL):
 * functions bind, static methods unwrap, class methods bind the class,
 * properties run their getter. */
static pv describe(pv v, pv inst, const ptype *cls, pv *self) {
    const ptype *t = pv_type(v);
    if (t == &t_function) {
        if (inst) *self = inst;
        return v;
    }
    if (t == &t_staticmethod) return ((pbound *)v)->self;
    if (t == &t_classmethod) {
        *self = (pv)cls;
        return ((pbound *)v)->self;
    }
    if (t == &t_property && inst) {
        pv get = ((pproperty *)v)->fget;
        if (get == PV_NONE) rt_raise_msg(&t_AttributeError, "unreadable attribute");
        return rt_call1(get, inst);
    }
    return v;
}

pv inst_lookup(pv obj, const pstr *name, pv *self) {
    const ptype *t = PV_OBJ(obj)->type;
    *self = PV_NULL;
    pv v = user_lookup(t, name);
    if (v && pv_is(v, &t_property)) return describe(v, obj, t, self);
    pv a = attr_get(obj, name);
    if (a) return a;
    if (v) return name == &N(__new__) ? v : describe(v, obj, t, self); /* __new__ is static */
    if (name == &N(__class__)) return (pv)t;
    if (name == &N(__dict__)) {
        pv d = dict_new(0);
        gc_root_push(&d);
        if (K(t)->flags & CLASS_EXC) {
            if (((pexc *)obj)->dict) dict_update_from(d, ((pexc *)obj)->dict);
        } else {
            pinst *o = (pinst *)obj;
            for (unsigned i = 0; i < o->n; i++) {
                pv k = o->attrs[2 * i];
                if (k == ATTR_MORE) dict_update_from(d, o->attrs[2 * i + 1]);
                else if (k != ATTR_NATIVE) dict_set(d, k, o->attrs[2 * i + 1]);
            }
        }
        gc_root_pop(1);
        return d;
    }
    /* the built-in part: a native object's methods, an exception's args */
    pv nat = (K(t)->flags & CLASS_EXC) ? obj : native_of(obj);
    if (nat) {
        const ptype *nt = (K(t)->flags & CLASS_EXC) ? K(t)->t.base : K(t)->native;
        for (const ptype *b = nt; b; b = b->base) {
            pv m = table_get(b->locals, name);
            if (m) {
                if (pv_is(m, &t_builtin) || pv_is(m, &t_function)) *self = nat;
                return m;
            }
        }
        if (nt && nt->attr) {
            pv r = nt->attr(nat, name);
            if (r) return r;
        }
    }
    v = native_lookup(t, name); /* object's methods */
    if (v) {
        if (pv_is(v, &t_builtin)) *self = obj;
        return v;
    }
    pv g = user_lookup(t, &N(__getattr__));
    if (g) {
        rt_check_stack();
        pv args[2] = {obj, (pv)name};
        return rt_call(g, 2, args, 0, NULL);
    }
    rt_raise_fmt(&t_AttributeError, "'%s' object has no attribute '%s'", t->name->data, name->data);
}

pv class_attr(const ptype *cls, const pstr *name) {
    pv self = PV_NULL;
    pv v = class_lookup(cls, name);
    if (v) {
        v = describe(v, PV_NULL, cls, &self);
        return self ? bound_new(self, v) : v;
    }
    if (name == &N(__name__)) return (pv)cls->name;
    if (class_is(cls)) {
        if (name == &N(__bases__)) return K(cls)->bases;
        if (name == &N(__dict__)) return K(cls)->dict;
    }
    if (name == &N(__class__)) return (pv)&t_type;
    rt_raise_fmt(&t_AttributeError, "type object '%s' has no attribute '%s'", cls->name->data, name->data);
}

/* obj.name = value (or del): __setattr__/__delattr__, a property's setter,
 * or the instance itself. */
bool inst_setattr(pv obj, const pstr *name, pv value, bool del) {
    const ptype *t = PV_OBJ(obj)->type;
    pv m = user_lookup(t, del ? &N(__delattr__) : &N(__setattr__));
    if (m) {
        pv args[3] = {obj, (pv)name, value};
        rt_call(m, del ? 2 : 3, args, 0, NULL);
        return true;
    }
    pv p = user_lookup(t, name);
    if (p && pv_is(p, &t_property)) {
        pv fn = del ? ((pproperty *)p)->fdel : ((pproperty *)p)->fset;
        if (fn == PV_NONE) rt_raise_msg(&t_AttributeError, del ? "can't delete attribute" : "can't set attribute");
        pv args[2] = {obj, value};
        rt_call(fn, del ? 1 : 2, args, 0, NULL);
        return true;
    }
    if (attr_put(obj, name, value, del)) return true;
    rt_raise_fmt(&t_AttributeError, "'%s' object has no attribute '%s'", t->name->data, name->data);
}

/* ---- special methods, from the type slots ---- */
static pv call_special(pv obj, const pstr *name, int n, pv *args) {
    pv m = user_lookup(PV_OBJ(obj)->type, name);
    if (!m) return PV_NULL;
    return rt_call_self(m, obj, n, args, 0, NULL);
}

static _Noreturn void bad_return(const char *what, pv r) {
    rt_raise_fmt(&t_TypeError, "%s returned non-%s (type %s)", what, what[2] == 'h' ? "int" : what[2] == 'b' ? "bool" : "int", rt_type_name(r));
}

static void inst_print(pout *o, pv self, bool repr) {
    const ptype *t = PV_OBJ(self)->type;
    pv m = user_lookup(t, repr ? &N(__repr__) : &N(__str__));
    if (!m && !repr) m = user_lookup(t, &N(__repr__));
    if (m) {
        pv r = rt_call_self(m, self, 0, NULL, 0, NULL);
        if (!pv_is(r, &t_str)) rt_raise_fmt(&t_TypeError, "%s returned non-string (type %s)", repr ? "__repr__" : "__str__", rt_type_name(r));
        gc_root_push(&r); /* the output stream may allocate */
        out_n(o, ((pstr *)r)->data, ((pstr *)r)->len);
        gc_root_pop(1);
        return;
    }
    if (K(t)->flags & CLASS_EXC) {
        t_BaseException.print(o, self, repr);
        return;
    }
    pv nat = native_of(self);
    if (nat) {
        rt_print(o, nat, repr);
        return;
    }
    out_char(o, '<');
    out_str(o, t->name->data);
    out_str(o, " object at ");
    out_hex(o, (uint64_t)(uintptr_t)self, 0);
    out_char(o, '>');
}

static pv inst_unary(int op, pv self) {
    const pstr *name;
    switch (op) {
    case OP_NEG: name = &N(__neg__); break;
    case OP_POS: name = &N(__pos__); break;
    case OP_INVERT: name = &N(__invert__); break;
    case OP_BOOL: name = &N(__bool__); break;
    case OP_LEN: name = &N(__len__); break;
    case OP_HASH: name = &N(__hash__); break;
    case OP_ABS: name = &N(__abs__); break;
    default: return PV_NULL;
    }
    pv r = call_special(self, name, 0, NULL);
    if (r) {
        if (op == OP_BOOL && !pv_is(r, &t_bool)) bad_return("__bool__", r);
        if (op == OP_LEN) {
            if (!PV_IS_INT(r)) rt_raise_fmt(&t_TypeError, "'%s' object cannot be interpreted as an integer", rt_type_name(r));
            if (PV_INT(r) < 0) rt_raise_msg(&t_ValueError, "__len__() should return >= 0");
        }
        if (op == OP_HASH && !PV_IS_INT(r) && !pv_is(r, &t_int) && !pv_is(r, &t_bool))
            rt_raise_msg(&t_TypeError, "__hash__ method should return an integer");
        return r;
    }
    const ptype *t = PV_OBJ(self)->type;
    /* equal objects must hash alike: a class that defines __eq__ without
     * __hash__ is unhashable (MicroPython v1 and CPython agree) */
    if (op == OP_HASH && user_lookup(t, &N(__eq__)))
        rt_raise_fmt(&t_TypeError, "unsupported type for __hash__: '%s'", t->name->data);
    pv nat = native_of(self);
    if (nat && !(K(t)->flags & CLASS_EXC)) {
        const ptype *nt = pv_type(nat);
        if (nt->unary) return nt->unary(op, nat);
    }
    return PV_NULL;
}

static const char *const forward_names[] = {
    "__add__", "__sub__", "__mul__", "__floordiv__", "__truediv__", "__mod__", "__pow__",
    "__lshift__", "__rshift__", "__and__", "__or__", "__xor__",
    "__lt__", "__le__", "__gt__", "__ge__", "__eq__", "__ne__", "__contains__",
};

/* The name of a special method: its interned form when one exists. */
static const pstr *special(const char *s, char prefix) {
    char buf[16];
    size_t n = strlen(s);
    if (prefix) {
        buf[0] = '_';
        buf[1] = '_';
        buf[2] = prefix;
        memcpy(buf + 3, s + 2, n - 2);
        n++;
    } else {
        memcpy(buf, s, n);
    }
    return str_intern_static(buf, n);
}

/* The reflection of a comparison: a < b is b > a. */
static int swapped(int op) {
    switch (op) {
    case OP_LT: return OP_GT;
    case OP_GT: return OP_LT;
    case OP_LE: return OP_GE;
    case OP_GE: return OP_LE;
    default: return op;
    }
}

static pv try_special(pv obj, const pstr *name, pv other) {
    if (!name) return PV_NULL;
    pv r = call_special(obj, name, 1, &other);
    return r == PV_NOTIMPL ? PV_NULL : r;
}

static pv inst_binary(int op, pv a, pv b) {
    int base = op & ~OP_INPLACE;
    if (base > OP_IN) return PV_NULL;
    pv r;
    if (is_inst(a)) {
        if (op & OP_INPLACE) {
            r = try_special(a, special(forward_names[base], 'i'), b);
            if (r) return r;
        }
        r = try_special(a, special(forward_names[base], 0), b);
        if (r) return r;
        if (base == OP_NE) {
            r = try_special(a, &N(__eq__), b);
            if (r) return PV_BOOL(!rt_truthy(r));
        }
    }
    if (is_inst(b) && base != OP_IN) {
        if (base >= OP_LT) r = try_special(b, special(forward_names[swapped(base)], 0), a);
        else r = try_special(b, special(forward_names[base], 'r'), a);
        if (r) return r;
        if (base == OP_NE) {
            r = try_special(b, &N(__eq__), a);
            if (r) return PV_BOOL(!rt_truthy(r));
        }
    }
    /* the built-in part of subclasses of list, dict... */
    pv na = is_inst(a) ? native_of(a) : a, nb = is_inst(b) ? native_of(b) : b;
    if (na && nb && (na != a || nb != b) && !(is_inst(a) && (K(PV_OBJ(a)->type)->flags & CLASS_EXC))) {
        if (base == OP_EQ && a == b) return PV_TRUE;
        return rt_binary(op, na, nb);
    }
    if (base == OP_EQ) return PV_BOOL(a == b);
    if (base == OP_NE) return PV_BOOL(a != b);
    return PV_NULL;
}

/* A slice the VM made on the C stack must not outlive the instruction. */
static pv heap_slice(pv index) {
    if (pv_is(index, &t_slice) && !gc_owns((void *)index)) {
        pslice *s = (pslice *)index;
        return slice_new(s->start, s->stop, s->step);
    }
    return index;
}

static pv inst_subscr(pv self, pv index, pv value) {
    const pstr *name = value == SUB_LOAD ? &N(__getitem__) : value == SUB_DELETE ? &N(__delitem__) : &N(__setitem__);
    pv m = user_lookup(PV_OBJ(self)->type, name);
    if (m) {
        pv args[3] = {self, index, value};
        args[1] = heap_slice(index);
        gc_root_push(&args[1]);
        pv r = rt_call(m, value == SUB_LOAD || value == SUB_DELETE ? 2 : 3, args, 0, NULL);
        gc_root_pop(1);
        return value == SUB_LOAD ? r : PV_NONE;
    }
    pv nat = native_of(self);
    if (nat && !(K(PV_OBJ(self)->type)->flags & CLASS_EXC)) return rt_subscr(nat, index, value);
    const char *tn = rt_type_name(self);
    if (value == SUB_LOAD) rt_raise_fmt(&t_TypeError, "'%s' object isn't subscriptable", tn);
    if (value == SUB_DELETE) rt_raise_fmt(&t_TypeError, "'%s' object doesn't support item deletion", tn);
    rt_raise_fmt(&t_TypeError, "'%s' object doesn't support item assignment", tn);
}

static pv inst_iter(pv self) {
    pv r = call_special(self, &N(__iter__), 0, NULL);
    if (r) return r;
    const ptype *t = PV_OBJ(self)->type;
    if (user_lookup(t, &N(__getitem__))) return seq_iter_new(self);
    if (user_lookup(t, &N(__next__))) return self;
    pv nat = native_of(self);
    if (nat && !(K(t)->flags & CLASS_EXC)) return rt_iter(nat);
    rt_raise_fmt(&t_TypeError, "'%s' object isn't iterable", t->name->data);
}

static pv inst_next(pv self) {
    const ptype *t = PV_OBJ(self)->type;
    pv m = user_lookup(t, &N(__next__));
    if (!m) {
        pv nat = native_of(self);
        if (nat && !(K(t)->flags & CLASS_EXC)) return rt_next(nat);
        rt_raise_fmt(&t_TypeError, "'%s' object isn't an iterator", t->name->data);
    }
    pjmp j;
    if (TRY(j)) {
        pv r = rt_call_self(m, self, 0, NULL, 0, NULL);
        TRY_END(j);
        return r;
    }
    gc_root_restore(j.roots);
    if (exc_matches(j.exc, (pv)&t_StopIteration)) return PV_NULL;
    rt_raise(j.exc);
}

static bool inst_buffer(pv self, pbuf *b, bool for_write) {
    pv nat = native_of(self);
    return nat && !(K(PV_OBJ(self)->type)->flags & CLASS_EXC) && rt_get_buffer(nat, b, for_write);
}

/* ---- making classes ---- */
static pv class_new(pv name, pv bases, pv ns) {
    const ptuple *b = (const ptuple *)bases;
    const ptype *native = NULL, *first = NULL;
    bool exc = false;
    for (size_t i = 0; i < b->len; i++) {
        pv x = b->items[i];
        if (PV_IS_INT(x) || pv_type(x) != &t_type) builtin_raise(&t_TypeError, PV_NULL);
        const ptype *bt = (const ptype *)x;
        if (!first) first = bt;
        const ptype *nb;
        if (class_is(bt)) {
            nb = K(bt)->native;
            if (K(bt)->flags & CLASS_EXC) exc = true;
        } else {
            if (!bt->make || bt == &t_bool || bt == &t_type || bt == &t_function)
                rt_raise_fmt(&t_TypeError, "type '%s' isn't an acceptable base type", bt->name->data);
            if (rt_isinstance_type(bt, &t_BaseException)) {
                exc = true;
                nb = NULL;
            } else {
                nb = bt == &t_object ? NULL : bt;
            }
        }
        if (nb) {
            if (native && native != nb && !rt_isinstance_type(nb, native) && !rt_isinstance_type(native, nb))
                rt_raise_msg(&t_TypeError, "multiple bases have instance lay-out conflict");
            if (!native || rt_isinstance_type(nb, native)) native = nb;
        }
    }
    if (exc && native) rt_raise_msg(&t_TypeError, "multiple bases have instance lay-out conflict");
    pclass *k = gc_alloc(sizeof(pclass));
    k->t.type = &t_type;
    k->t.name = (const pstr *)name;
    if (exc) {
        /* the nearest built-in exception type, for printing and args */
        const ptype *e = first;
        while (e && class_is(e)) {
            const ptuple *eb = (const ptuple *)K(e)->bases;
            const ptype *next = NULL;
            for (size_t i = 0; i < eb->len && !next; i++)
                if (rt_isinstance_type((const ptype *)eb->items[i], &t_BaseException)) next = (const ptype *)eb->items[i];
            e = next;
        }
        for (size_t i = 0; !e && i < b->len; i++)
            if (rt_isinstance_type((const ptype *)b->items[i], &t_BaseException)) e = (const ptype *)b->items[i];
        k->t.base = e;
    } else {
        k->t.base = native;
    }
    k->t.make = class_make;
    k->t.print = inst_print;
    k->t.unary = inst_unary;
    k->t.binary = inst_binary;
    k->t.subscr = inst_subscr;
    k->t.iter = inst_iter;
    k->t.next = inst_next;
    k->t.buffer = inst_buffer;
    k->dict = ns;
    k->bases = bases;
    k->native = native;
    k->flags = exc ? CLASS_EXC : 0;
    return (pv)k;
}

/* type(name, bases, dict) */
pv class_from_type_call(int n, const pv *args) {
    if (!pv_is(args[0], &t_str) || !pv_is(args[1], &t_tuple) || !pv_is(args[2], &t_dict))
        rt_raise_msg(&t_TypeError, "type() takes 1 or 3 arguments");
    pv name = str_intern(((pstr *)args[0])->data, ((pstr *)args[0])->len);
    gc_root_push(&name);
    pv k = class_new(name, args[1], args[2]);
    gc_root_pop(1);
    return k;
}

/* __build_class__(body, name, *bases, **keywords): run the body with a
 * new namespace, make the class, fill the __class__ cell. */
static pv bi_build_class_fn(int n, const pv *args, int nkw, const pv *kw) {
    if (!pv_is(args[0], &t_function)) rt_raise_msg(&t_TypeError, "__build_class__: func must be a function");
    pv ns = dict_new(0);
    gc_root_push(&ns);
    pv cell = vm_call_function((pfun *)args[0], 1, &ns, 0, NULL);
    gc_root_push(&cell);
    pv bases = tuple_new((size_t)n - 2);
    memcpy(((ptuple *)bases)->items, args + 2, (size_t)(n - 2) * sizeof(pv));
    gc_root_push(&bases);
    pv k = class_new(args[1], bases, ns);
    if (pv_is(cell, &t_cell)) ((pcell *)cell)->value = k;
    gc_root_pop(3);
    return k;
}
BUILTIN(bi_build_class, __build_class__, 2, -1, true);

/* ---- object ---- */
static pv object_make(const ptype *t, int n, const pv *args, int nkw, const pv *kw) {
    if (n || nkw) rt_raise_msg(&t_TypeError, "function takes 0 positional arguments but 1 were given");
    pobj *o = gc_alloc(sizeof(pobj));
    o->type = &t_object;
    return (pv)o;
}

/* object.__init__: a native base's __init__ too (a subclass of list calling
 * super().__init__(items) gets its list remade from the arguments) */
static pv object_init_fn(int n, const pv *args, int nkw, const pv *kw) {
    pv self = args[0];
    if (!is_inst(self)) return PV_NONE;
    const pclass *k = K(PV_OBJ(self)->type);
    if (k->flags & CLASS_EXC) {
        pv t = tuple_new((size_t)n - 1);
        memcpy(((ptuple *)t)->items, args + 1, (size_t)(n - 1) * sizeof(pv));
        ((pexc *)self)->args = t;
    } else if (k->native) {
        pv nat = k->native->make(k->native, n - 1, args + 1, nkw, kw);
        ((pinst *)self)->attrs[1] = nat;
    }
    return PV_NONE;
}

static pv object_new_fn(int n, const pv *args, int nkw, const pv *kw) {
    if (PV_IS_INT(args[0]) || pv_type(args[0]) != &t_type) rt_raise_msg(&t_TypeError, "object.__new__(X): X is not a type object");
    const ptype *t = (const ptype *)args[0];
    if (!class_is(t)) return object_make(t, 0, NULL, 0, NULL);
    return class_alloc(t);
}

static pv object_setattr_fn(int n, const pv *args, int nkw, const pv *kw) {
    if (!is_inst(args[0]) || !pv_is(args[1], &t_str)) rt_raise_msg(&t_TypeError, "object.__setattr__ needs an instance and a name");
    const pstr *name = (const pstr *)str_intern(((pstr *)args[1])->data, ((pstr *)args[1])->len);
    attr_put(args[0], name, args[2], false);
    return PV_NONE;
}

static pv object_delattr_fn(int n, const pv *args, int nkw, const pv *kw) {
    if (!is_inst(args[0]) || !pv_is(args[1], &t_str)) rt_raise_msg(&t_TypeError, "object.__delattr__ needs an instance and a name");
    const pstr *name = (const pstr *)str_intern(((pstr *)args[1])->data, ((pstr *)args[1])->len);
    if (!attr_put(args[0], name, PV_NULL, true)) rt_raise_msg(&t_AttributeError, name->data);
    return PV_NONE;
}

static pv object_eq_fn(int n, const pv *args, int nkw, const pv *kw) {
    return args[0] == args[1] ? PV_TRUE : PV_NOTIMPL;
}

static pv object_ne_fn(int n, const pv *args, int nkw, const pv *kw) {
    pv r = rt_binary(OP_EQ, args[0], args[1]);
    return PV_BOOL(!rt_truthy(r));
}

static pv object_hash_fn(int n, const pv *args, int nkw, const pv *kw) { return rt_int((int64_t)(args[0] >> 2) & 0x3FFFFFFF); }

static pv object_repr_fn(int n, const pv *args, int nkw, const pv *kw) {
    vstr s;
    vstr_init(&s, 24);
    gc_root_push((pv *)&s.buf);
    out_char(&s.out, '<');
    out_str(&s.out, rt_type_name(args[0]));
    out_str(&s.out, " object at ");
    out_hex(&s.out, (uint64_t)(uintptr_t)args[0], 0);
    out_char(&s.out, '>');
    gc_root_pop(1);
    return vstr_to_str(&s, &t_str);
}

static BUILTIN(object_init, __init__, 1, -1, true);
static BUILTIN(object_new, __new__, 1, -1, true);
static BUILTIN(object_setattr, __setattr__, 3, 3, false);
static BUILTIN(object_delattr, __delattr__, 2, 2, false);
static BUILTIN(object_eq, __eq__, 2, 2, false);
static BUILTIN(object_ne, __ne__, 2, 2, false);
static BUILTIN(object_hash, __hash__, 1, 1, false);
static BUILTIN(object_repr, __repr__, 1, 1, false);
TABLE(object_locals, MEMBER(__init__, &object_init), MEMBER(__new__, &object_new), MEMBER(__setattr__, &object_setattr),
      MEMBER(__delattr__, &object_delattr), MEMBER(__eq__, &object_eq), MEMBER(__ne__, &object_ne),
      MEMBER(__hash__, &object_hash), MEMBER(__repr__, &object_repr), MEMBER(__str__, &object_repr));

static void object_print(pout *o, pv self, bool repr) {
    out_str(o, "<object object at ");
    out_hex(o, (uint64_t)(uintptr_t)self, 0);
    out_char(o, '>');
}

const ptype t_object = {TYPE_HEAD(object), .make = object_make, .print = object_print, .locals = &object_locals};

/* ---- super ---- */
typedef struct {
    const ptype *type;
    const ptype *cls;
    pv obj;
} psuper;

static pv super_make(const ptype *t, int n, const pv *args, int nkw, const pv *kw) {
    if (n != 2) rt_raise_msg(&t_RuntimeError, "super() can't find self");
    if (PV_IS_INT(args[0]) || pv_type(args[0]) != &t_type) rt_raise_msg(&t_TypeError, "super() argument 1 must be type");
    const ptype *cls = (const ptype *)args[0];
    pv obj = args[1];
    const ptype *ot = pv_type(obj) == &t_type ? (const ptype *)obj : pv_type(obj);
    if (!rt_isinstance_type(ot, cls)) rt_raise_msg(&t_TypeError, "super(type, obj): obj must be an instance or subtype of type");
    psuper *s = gc_alloc(sizeof(psuper));
    s->type = &t_super;
    s->cls = cls;
    s->obj = obj;
    return (pv)s;
}

/* super(C, obj).name: looked up in C's bases, as MicroPython does. */
pv super_lookup(pv sv, const pstr *name, pv *self) {
    psuper *s = (psuper *)sv;
    *self = PV_NULL;
    const ptype *c = s->cls;
    pv v = PV_NULL;
    bool native = false;
    if (class_is(c)) {
        const ptuple *b = (const ptuple *)K(c)->bases;
        for (size_t i = 0; i < b->len && !v; i++) v = user_lookup((const ptype *)b->items[i], name);
        for (size_t i = 0; i < b->len && !v; i++) {
            v = native_lookup((const ptype *)b->items[i], name);
            native = v != PV_NULL;
        }
    }
    if (!v) {
        v = table_get(t_object.locals, name);
        native = v != PV_NULL;
    }
    if (!v) rt_raise_fmt(&t_AttributeError, "'super' object has no attribute '%s'", name->data);
    bool is_class = pv_type(s->obj) == &t_type;
    if (native && pv_is(v, &t_builtin)) {
        /* a built-in method: of the native object, or object's own */
        pv nat = !is_class && is_inst(s->obj) && table_get(t_object.locals, name) != v ? native_of(s->obj) : PV_NULL;
        *self = nat ? nat : s->obj;
        if (name == &N(__new__)) *self = PV_NULL;
        return v;
    }
    if (is_class) {
        pv r = describe(v, PV_NULL, (const ptype *)s->obj, self);
        return r;
    }
    return describe(v, s->obj, pv_type(s->obj), self);
}

static void super_print(pout *o, pv self, bool repr) {
    out_str(o, "<super: <class '");
    out_str(o, ((psuper *)self)->cls->name->data);
    out_str(o, "'>, <");
    out_str(o, rt_type_name(((psuper *)self)->obj));
    out_str(o, " object>>");
}

const ptype t_super = {TYPE_HEAD(super), .make = super_make, .print = super_print};

/* ---- staticmethod, classmethod, property ----
 * The wrappers reuse pbound's layout: self is the wrapped function. */
static pv wrap_make(const ptype *t, int n, const pv *args, int nkw, const pv *kw) {
    rt_check_args(n, 1, 1);
    pbound *b = (pbound *)bound_new(args[0], PV_NONE);
    b->type = t;
    return (pv)b;
}

const ptype t_staticmethod = {TYPE_HEAD(staticmethod), .make = wrap_make};
const ptype t_classmethod = {TYPE_HEAD(classmethod), .make = wrap_make};

static pv property_new(pv get, pv set, pv del) {
    pproperty *p = gc_alloc(sizeof(pproperty));
    p->type = &t_property;
    p->fget = get;
    p->fset = set;
    p->fdel = del;
    return (pv)p;
}

static pv property_make(const ptype *t, int n, const pv *args, int nkw, const pv *kw) {
    rt_check_args(n, 0, 4);
    pv g = n > 0 ? args[0] : rt_kwarg(&N(fget), nkw, kw, PV_NONE);
    pv s = n > 1 ? args[1] : rt_kwarg(&N(fset), nkw, kw, PV_NONE);
    pv d = n > 2 ? args[2] : rt_kwarg(&N(fdel), nkw, kw, PV_NONE);
    return property_new(g, s, d);
}

static pproperty *as_property(pv v) {
    if (!pv_is(v, &t_property)) rt_raise_fmt(&t_TypeError, "argument should be a 'property' not a '%s'", rt_type_name(v));
    return (pproperty *)v;
}
static pv property_getter_fn(int n, const pv *a, int nkw, const pv *kw) {
    pproperty *p = as_property(a[0]);
    return property_new(a[1], p->fset, p->fdel);
}
static pv property_setter_fn(int n, const pv *a, int nkw, const pv *kw) {
    pproperty *p = as_property(a[0]);
    return property_new(p->fget, a[1], p->fdel);
}
static pv property_deleter_fn(int n, const pv *a, int nkw, const pv *kw) {
    pproperty *p = as_property(a[0]);
    return property_new(p->fget, p->fset, a[1]);
}
static BUILTIN(property_getter, getter, 2, 2, false);
static BUILTIN(property_setter, setter, 2, 2, false);
static BUILTIN(property_deleter, deleter, 2, 2, false);
TABLE(property_locals, MEMBER(getter, &property_getter), MEMBER(setter, &property_setter),
      MEMBER(deleter, &property_deleter));

const ptype t_property = {TYPE_HEAD(property), .make = property_make, .locals = &property_locals};

/* ---- introspection builtins ---- */
static const pstr *attr_name(pv v) {
    if (!pv_is(v, &t_str)) rt_raise_msg(&t_TypeError, "attribute name must be a string");
    return (const pstr *)str_intern(((pstr *)v)->data, ((pstr *)v)->len);
}

static pv bi_setattr_fn(int n, const pv *args, int nkw, const pv *kw) {
    rt_setattr(args[0], attr_name(args[1]), args[2]);
    return PV_NONE;
}
BUILTIN(bi_setattr, setattr, 3, 3, false);

static pv bi_delattr_fn(int n, const pv *args, int nkw, const pv *kw) {
    rt_delattr(args[0], attr_name(args[1]));
    return PV_NONE;
}
BUILTIN(bi_delattr, delattr, 2, 2, false);

static void dir_add(pv list, pv name) {
    plist *l = (plist *)list;
    for (size_t i = 0; i < l->len; i++)
        if (rt_equal(l->items[i], name)) return;
    list_append(list, name);
}

static void dir_dict(pv list, pv d) {
    pdict *dd = (pdict *)d;
    for (size_t i = 0; i < dd->filled; i++)
        if (dd->entries[i].key && pv_is(dd->entries[i].key, &t_str)) dir_add(list, dd->entries[i].key);
}

static void dir_table(pv list, const ptable *t) {
    for (unsigned i = 0; t && i < t->n; i++) dir_add(list, (pv)t->items[i].name);
}

static void dir_type(pv list, const ptype *t) {
    if (class_is(t)) {
        dir_dict(list, K(t)->dict);
        const ptuple *b = (const ptuple *)K(t)->bases;
        for (size_t i = 0; i < b->len; i++) dir_type(list, (const ptype *)b->items[i]);
        return;
    }
    for (; t; t = t->base) dir_table(list, t->locals);
}

static pv bi_dir_fn(int n, const pv *args, int nkw, const pv *kw) {
    pv list = list_new(0);
    gc_root_push(&list);
    if (n == 0) {
        dir_dict(list, vm_locals());
    } else {
        pv o = args[0];
        const ptype *t = pv_type(o);
        if (t == &t_module) {
            pmodule *m = (pmodule *)o;
            dir_add(list, (pv)&N(__name__));
            if (m->dict) dir_dict(list, m->dict);
            dir_table(list, m->globals);
        } else if (t == &t_type) {
            dir_type(list, (const ptype *)o);
        } else {
            if (class_is(t)) {
                if (K(t)->flags & CLASS_EXC) {
                    if (((pexc *)o)->dict) dir_dict(list, ((pexc *)o)->dict);
                } else {
                    pinst *p = (pinst *)o;
                    for (unsigned i = 0; i < p->n; i++) {
                        pv k = p->attrs[2 * i];
                        if (k == ATTR_MORE) dir_dict(list, p->attrs[2 * i + 1]);
                        else if (k != ATTR_NATIVE) dir_add(list, k);
                    }
                }
            }
            dir_type(list, t);
            dir_add(list, (pv)&N(__class__));
        }
    }
    gc_root_pop(1);
    return list;
}
BUILTIN(bi_dir, dir, 0, 1, false);

/* ---- exec, eval, globals, locals ---- */
#include "compiler.h"

static pv run_source(int n, const pv *args, int mode) {
    pv src = args[0];
    pv g = n > 1 && args[1] != PV_NONE ? args[1] : vm_globals();
    pv l = n > 2 && args[2] != PV_NONE ? args[2] : n > 1 && args[1] != PV_NONE ? g : vm_locals();
    if (!pv_is(g, &t_dict) || !pv_is(l, &t_dict)) rt_raise_msg(&t_TypeError, "globals and locals must be dicts");
    pv code;
    if (pv_is(src, &t_code)) {
        code = src;
    } else {
        pbuf b;
        if (!pv_is(src, &t_str)) rt_need_buffer(src, &b, false);
        else {
            b.data = (uint8_t *)((pstr *)src)->data;
            b.len = ((pstr *)src)->len;
        }
        code = (pv)compile((const char *)b.data, b.len, &N(lt_string), mode);
    }
    gc_root_push(&code);
    pv r = vm_exec((pcode *)code, g, l);
    gc_root_pop(1);
    return mode == PITH_MODE_EVAL ? r : PV_NONE;
}

static pv bi_exec_fn(int n, const pv *args, int nkw, const pv *kw) { return run_source(n, args, PITH_MODE_FILE); }
static pv bi_eval_fn(int n, const pv *args, int nkw, const pv *kw) { return run_source(n, args, PITH_MODE_EVAL); }
static pv bi_globals_fn(int n, const pv *args, int nkw, const pv *kw) { return vm_globals(); }
static pv bi_locals_fn(int n, const pv *args, int nkw, const pv *kw) { return vm_locals(); }
BUILTIN(bi_exec, exec, 1, 3, false);
BUILTIN(bi_eval, eval, 1, 3, false);
BUILTIN(bi_globals, globals, 0, 0, false);
BUILTIN(bi_locals, locals, 0, 0, false);
