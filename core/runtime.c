/* runtime.c — operations on any value: dispatch through the type slots,
 * with the fast paths for small ints here, and the checks every type shares
 * (indices, slices, argument counts, the C-stack guard). */
#include <string.h>

#include "hal.h"
#include "obj.h"
#include "pith.h"
#include "vm.h"

static char *stack_top;
static size_t stack_limit;

void rt_set_stack(void *top, size_t bytes) {
    stack_top = top;
    stack_limit = bytes;
}

void rt_check_stack(void) {
    char here;
    if (stack_top && (size_t)(stack_top - &here) > stack_limit)
        rt_raise_msg(&t_RuntimeError, "maximum recursion depth exceeded");
}

/* ---- stack segments ----
 * The device's C stack is 2 KiB. Where the core recurses in C (the
 * compiler's nesting, Python called back from C, printing nested
 * containers), it asks rt_stack_low first, and when the stack is nearly
 * gone it carries on in a segment: a heap block the board moves the stack
 * pointer into (hal_stack_call). Deep nesting then costs heap, and stops
 * with MemoryError or RuntimeError only when the heap is gone too. */
#define SEGMENT_RESERVE 256   /* an interrupt's frames land on the segment too */
static bool stack_fixed;      /* the board cannot switch stacks */

bool rt_stack_low(size_t need) {
    char here;
    return stack_top && !stack_fixed && (size_t)(stack_top - &here) + need > stack_limit;
}

/* `size` bytes of segment: the caller's next steps, and SEGMENT_RESERVE.
 * Pieces of 1.5-2.5 KiB are found in a fragmented heap where one big
 * stack would not be. */
void rt_stack_call(size_t size, void (*fn)(void *), void *ctx) {
    bool top = gc_top;
    gc_top = true; /* from the arena's top, where the big free run is */
    char *seg = gc_alloc_try(size);
    gc_top = top;
    if (!seg) rt_raise_msg(&t_RuntimeError, "maximum recursion depth exceeded");
    pv keep = (pv)seg;
    gc_root_push(&keep);
    char *old_top = stack_top;
    size_t limit = stack_limit;
    pjmp j;
    if (TRY(j)) {
        stack_top = seg + size;
        stack_limit = size - SEGMENT_RESERVE;
        int moved = hal_stack_call(seg + size, fn, ctx);
        TRY_END(j);
        stack_top = old_top;
        stack_limit = limit;
        gc_root_pop(1);
        gc_free(seg);
        if (!moved) {
            stack_fixed = true;
            fn(ctx);
        }
        return;
    }
    /* raised inside the segment: the longjmp brought us back here */
    stack_top = old_top;
    stack_limit = limit;
    gc_root_restore(j.roots);
    gc_free(seg);
    rt_raise(j.exc);
}

/* Bytes of C stack in use below the board's top, and the limit (0: unknown). */
size_t rt_stack_used(size_t *limit) {
    char here;
    *limit = stack_limit;
    return stack_top ? (size_t)(stack_top - &here) : 0;
}

void rt_poll(void) {
    pith_board_tick(hal_ticks_ms());
    if (hal_interrupted()) rt_raise(exc_new(&t_KeyboardInterrupt, tuple_new(0)));
    if (vm_extra_roots[VM_ROOT_SCHED]) sched_run();
}

bool rt_truthy(pv v) {
    if (PV_IS_INT(v)) return PV_INT(v) != 0;
    if (v == PV_TRUE) return true;
    if (v == PV_FALSE || v == PV_NONE) return false;
    const ptype *t = PV_OBJ(v)->type;
    if (t->unary) {
        pv r = t->unary(OP_BOOL, v);
        if (r) return r == PV_TRUE;
        r = t->unary(OP_LEN, v);
        if (r) return PV_INT(r) != 0;
    }
    return true;
}

static const char *const op_names[] = {
    "__add__", "__sub__", "__mul__", "__floordiv__", "__truediv__", "__mod__", "__pow__",
    "__lshift__", "__rshift__", "__and__", "__or__", "__xor__",
    "__lt__", "__le__", "__gt__", "__ge__", "__eq__", "__ne__", "__contains__", "__contains__",
    "__is__", "__is_not__", "__neg__", "__pos__", "__invert__", "__not__", "__bool__", "__len__", "__hash__",
    "__abs__",
};

pv rt_unary(int op, pv v) {
    if (op == OP_NOT) return PV_BOOL(!rt_truthy(v));
    if (PV_IS_INT(v)) {
        intptr_t i = PV_INT(v);
        if (op == OP_NEG) return rt_int(-(int64_t)i);
        if (op == OP_POS) return v;
        if (op == OP_INVERT) return PV_FROM_INT(~i);
    }
    const ptype *t = pv_type(v);
    if (t->unary) {
        pv r = t->unary(op, v);
        if (r) return r;
    }
    rt_raise_fmt(&t_TypeError, "unsupported type for %s: '%s'", op_names[op], rt_type_name(v));
}

uint32_t rt_hash(pv v) {
    if (PV_IS_INT(v)) return (uint32_t)PV_INT(v);
    const ptype *t = pv_type(v);
    if (t->unary) {
        pv r = t->unary(OP_HASH, v);
        if (r) return (uint32_t)rt_to_int(r);
    }
    if (t == &t_list || t == &t_dict || t == &t_bytearray)
        rt_raise_fmt(&t_TypeError, "unsupported type for __hash__: '%s'", t->name->data);
    return (uint32_t)(v >> 2);
}

bool rt_equal(pv a, pv b) {
    if (a == b) return !pv_is(a, &t_float) || rt_to_float(a) == rt_to_float(a);
    if (PV_IS_INT(a) && PV_IS_INT(b)) return false;
    const ptype *ta = pv_type(a), *tb = pv_type(b);
    if (ta->binary) {
        pv r = ta->binary(OP_EQ, a, b);
        if (r) return r == PV_TRUE;
    }
    if (tb != ta && tb->binary) {
        pv r = tb->binary(OP_EQ, b, a);
        if (r) return r == PV_TRUE;
    }
    return false;
}

static pv contains(pv container, pv item) {
    const ptype *t = pv_type(container);
    if (t->binary) {
        pv r = t->binary(OP_IN, container, item);
        if (r) return r;
    }
    if (!t->iter) rt_raise_fmt(&t_TypeError, "'%s' object isn't iterable", t->name->data);
    pv it = rt_iter(container);
    gc_root_push(&it);
    pv v;
    bool found = false;
    while ((v = rt_next(it)) != PV_NULL)
        if (rt_equal(v, item)) {
            found = true;
            break;
        }
    gc_root_pop(1);
    return PV_BOOL(found);
}

pv rt_binary(int op, pv a, pv b) {
    if (PV_IS_INT(a) && PV_IS_INT(b) && op < OP_IN) {
        intptr_t x = PV_INT(a), y = PV_INT(b);
        switch (op & ~OP_INPLACE) {
        case OP_ADD: return rt_int((int64_t)x + y);
        case OP_SUB: return rt_int((int64_t)x - y);
        COMPARE_CASES(x, y)
        case OP_AND: return PV_FROM_INT(x & y);
        case OP_OR: return PV_FROM_INT(x | y);
        case OP_XOR: return PV_FROM_INT(x ^ y);
        default: break;
        }
    }
    switch (op) {
    case OP_IS: return PV_BOOL(a == b);
    case OP_IS_NOT: return PV_BOOL(a != b);
    case OP_EQ: return PV_BOOL(rt_equal(a, b));
    case OP_NE: /* a user class: its __ne__, or not its __eq__ (obj_class.c) */
        if (!PV_IS_INT(a) && class_is(PV_OBJ(a)->type)) break;
        if (!PV_IS_INT(b) && class_is(PV_OBJ(b)->type)) return pv_type(b)->binary(OP_NE, a, b);
        return PV_BOOL(!rt_equal(a, b));
    case OP_IN: return contains(b, a);
    case OP_NOT_IN: return PV_BOOL(contains(b, a) == PV_FALSE);
    default: break;
    }
    const ptype *ta = pv_type(a), *tb = pv_type(b);
    if (ta->binary) {
        pv r = ta->binary(op, a, b);
        if (r) return r;
        if (op & OP_INPLACE) {
            r = ta->binary(op & ~OP_INPLACE, a, b);
            if (r) return r;
        }
    }
    int base = op & ~OP_INPLACE;
    if (tb != ta && tb->binary) {
        pv r = tb->binary(base, a, b);
        if (r) return r;
    }
    rt_raise_type_op(op_names[base], a, b);
}

/* ---- calls ---- */
void rt_check_args(int n, int min, int max) {
    if (n < min) rt_raise_fmt(&t_TypeError, "function missing %d required positional arguments", min - n);
    if (max >= 0 && n > max) {
        if (min == max) rt_raise_fmt(&t_TypeError, "function takes %d positional arguments but %d were given", max, n);
        rt_raise_fmt(&t_TypeError, "function expected at most %d arguments, got %d", max, n);
    }
}

pv rt_kwarg(const pstr *name, int nkw, const pv *kw, pv dflt) {
    for (int i = 0; i < nkw; i++)
        if (kw[2 * i] == (pv)name) return kw[2 * i + 1];
    return dflt;
}

pv rt_call(pv f, int n, const pv *args, int nkw, const pv *kw) {
    const ptype *t = pv_type(f);
    if (t == &t_builtin) {
        const pbuiltin *b = (const pbuiltin *)f;
        if (nkw && !(b->name & BUILTIN_KW)) rt_raise_msg(&t_TypeError, "function doesn't take keyword arguments");
        rt_check_args(n, b->min, b->max);
        return b->fn(n, args, nkw, kw);
    }
    if (t == &t_function) return vm_call_function((pfun *)f, n, args, nkw, kw);
    if (t == &t_bound) {
        pbound *b = (pbound *)f;
        return rt_call_self(b->fn, b->self, n, args, nkw, kw);
    }
    if (t == &t_type) {
        const ptype *ty = (const ptype *)f;
        if (!ty->make) rt_raise_fmt(&t_TypeError, "cannot create '%s' instances", ty->name->data);
        return ty->make(ty, n, args, nkw, kw);
    }
    if (t == &t_methchk) {
        /* a built-in method taken from its type: check self */
        pbound *b = (pbound *)f;
        if (n < 1) rt_raise_msg(&t_TypeError, "function missing 1 required positional arguments");
        if (!rt_isinstance_type(pv_type(args[0]), (const ptype *)b->self))
            rt_raise_fmt(&t_TypeError, "argument should be a '%s' not a '%s'", ((const ptype *)b->self)->name->data,
                         rt_type_name(args[0]));
        pv self = args[0];
        if (class_is(pv_type(self))) {
            /* the built-in part of an instance of a subclass */
            pv s2 = PV_NULL;
            inst_lookup(self, BUILTIN_NAME((const pbuiltin *)b->fn), &s2);
            if (s2) self = s2;
        }
        return rt_call_self(b->fn, self, n - 1, args + 1, nkw, kw);
    }
    if (class_is(t)) {
        pv m = class_lookup(t, &N(__call__));
        if (m) return rt_call_self(m, f, n, args, nkw, kw);
    }
    rt_raise_fmt(&t_TypeError, "'%s' object isn't callable", t->name->data);
}

/* self and the arguments in one array, for a built-in. Out of line: the
 * array stays off the C stack of calls into Python. */
__attribute__((noinline)) static pv call_builtin_self(pv f, pv self, int n, const pv *args, int nkw, const pv *kw) {
    pv buf[6];
    pv *all = buf;
    size_t total = (size_t)n + 1 + 2 * (size_t)nkw;
    pv keep = PV_NULL;
    if (total > 6) {
        keep = tuple_new(total);
        all = ((ptuple *)keep)->items;
    }
    gc_root_push(&keep);
    all[0] = self;
    if (n) memcpy(all + 1, args, (size_t)n * sizeof(pv));
    if (nkw) memcpy(all + 1 + n, kw, 2 * (size_t)nkw * sizeof(pv));
    pv r = rt_call(f, n + 1, all, nkw, all + 1 + n);
    gc_root_pop(1);
    return r;
}

pv rt_call_self(pv f, pv self, int n, const pv *args, int nkw, const pv *kw) {
    if (pv_is(f, &t_function)) return vm_call_self((pfun *)f, self, n, args, nkw, kw);
    return call_builtin_self(f, self, n, args, nkw, kw);
}

pv rt_call0(pv f) { return rt_call(f, 0, NULL, 0, NULL); }
pv rt_call1(pv f, pv a) { return rt_call(f, 1, &a, 0, NULL); }

/* ---- attributes ---- */
static pv table_lookup(const ptable *t, const pstr *name) {
    if (!t) return PV_NULL;
    for (unsigned i = 0; i < t->n; i++)
        if (t->items[i].name == name) return t->items[i].value;
    return PV_NULL;
}

static bool is_method(pv v) {
    return pv_is(v, &t_function) || (pv_is(v, &t_builtin) && !(((const pbuiltin *)v)->name & BUILTIN_STATIC));
}

pv rt_lookup_method(pv obj, const pstr *name, pv *self) {
    const ptype *t = pv_type(obj);
    *self = PV_NULL;
    if (class_is(t)) return inst_lookup(obj, name, self);
    if (t == &t_super) return super_lookup(obj, name, self);
    if (t == &t_type && class_is((const ptype *)obj)) {
        const ptype *cls = (const ptype *)obj;
        pv v = class_lookup(cls, name);
        if (v && pv_is(v, &t_classmethod)) {
            *self = obj;
            return ((pbound *)v)->self;
        }
        return class_attr(cls, name);
    }
    if (t == &t_module) {
        pmodule *m = (pmodule *)obj;
        pv v = m->dict ? dict_get(m->dict, (pv)name) : PV_NULL;
        if (v) return v;
        v = table_lookup(m->globals, name);
        if (v) return v;
    } else if (t == &t_type) {
        /* a method looked up on the type itself: unbound */
        const ptype *ty = (const ptype *)obj;
        for (const ptype *k = ty; k; k = k->base) {
            pv v = table_lookup(k->locals, name);
            if (v) return is_method(v) && pv_is(v, &t_builtin) ? method_check_new(k, v) : v;
        }
        if (name == &N(__name__)) return (pv)ty->name;
    } else {
        for (const ptype *k = t; k; k = k->base) {
            pv v = table_lookup(k->locals, name);
            if (v) {
                if (is_method(v)) *self = obj;
                return v;
            }
        }
        if (t->attr) {
            pv v = t->attr(obj, name);
            if (v) return v;
        }
    }
    if (name == &N(__class__)) return (pv)t;
    if (t == &t_module)
        rt_raise_fmt(&t_AttributeError, "'module' object has no attribute '%s'", name->data);
    if (t == &t_type)
        rt_raise_fmt(&t_AttributeError, "type object '%s' has no attribute '%s'", ((const ptype *)obj)->name->data, name->data);
    rt_raise_fmt(&t_AttributeError, "'%s' object has no attribute '%s'", t->name->data, name->data);
}

pv rt_getattr(pv obj, const pstr *name) {
    pv self;
    pv v = rt_lookup_method(obj, name, &self);
    return self ? bound_new(self, v) : v;
}

pv rt_getattr_try(pv obj, const pstr *name) {
    pjmp j;
    if (TRY(j)) {
        pv v = rt_getattr(obj, name);
        TRY_END(j);
        return v;
    }
    gc_root_restore(j.roots);
    if (!exc_matches(j.exc, (pv)&t_AttributeError)) rt_raise(j.exc);
    return PV_NULL;
}

/* ---- containers ---- */
pv rt_subscr(pv obj, pv index, pv value) {
    const ptype *t = pv_type(obj);
    if (t->subscr) return t->subscr(obj, index, value);
    if (value == SUB_LOAD) rt_raise_fmt(&t_TypeError, "'%s' object isn't subscriptable", t->name->data);
    if (value == SUB_DELETE) rt_raise_fmt(&t_TypeError, "'%s' object doesn't support item deletion", t->name->data);
    rt_raise_fmt(&t_TypeError, "'%s' object doesn't support item assignment", t->name->data);
}

pv rt_iter(pv obj) {
    const ptype *t = pv_type(obj);
    if (t->iter) return t->iter(obj);
    if (t->next) return obj;
    rt_raise_fmt(&t_TypeError, "'%s' object isn't iterable", t->name->data);
}

/* Built-ins that drain an iterator in C (sum(range(10**9)), max, any...)
 * poll for Ctrl-C as a loop in Python does, on the VM's countdown. */
pv rt_next(pv it) {
    if (--vm_poll_count <= 0) {
        vm_poll_count = 64;
        rt_poll();
    }
    const ptype *t = pv_type(it);
    if (!t->next) rt_raise_fmt(&t_TypeError, "'%s' object isn't an iterator", t->name->data);
    return t->next(it);
}

size_t rt_len(pv v) {
    const ptype *t = pv_type(v);
    if (t->unary) {
        pv r = t->unary(OP_LEN, v);
        if (r) return (size_t)PV_INT(r);
    }
    rt_raise_fmt(&t_TypeError, "object of type '%s' has no len()", t->name->data);
}

pv *rt_unpack(pv seq, size_t *n) {
    if (pv_is(seq, &t_tuple)) {
        *n = ((ptuple *)seq)->len;
        return ((ptuple *)seq)->items;
    }
    if (pv_is(seq, &t_list)) {
        *n = ((plist *)seq)->len;
        return ((plist *)seq)->items;
    }
    rt_raise_fmt(&t_TypeError, "'%s' object isn't iterable", rt_type_name(seq));
}

size_t rt_index(pv index, size_t len, const char *what) {
    if (!PV_IS_INT(index) && !pv_is(index, &t_bool) && !pv_is(index, &t_int))
        rt_raise_fmt(&t_TypeError, "%s indices must be integers, not %s", what, rt_type_name(index));
    int64_t i = rt_to_int(index);
    if (i < 0) i += (int64_t)len;
    if (i < 0 || i >= (int64_t)len) rt_raise_fmt(&t_IndexError, "%s index out of range", what);
    return (size_t)i;
}

static intptr_t slice_part(pv v, intptr_t dflt) {
    if (v == PV_NONE) return dflt;
    if (PV_IS_INT(v)) return PV_INT(v);
    int64_t i = rt_to_int(v);
    if (i > INTPTR_MAX / 2) i = INTPTR_MAX / 2;
    if (i < -(INTPTR_MAX / 2)) i = -(INTPTR_MAX / 2);
    return (intptr_t)i;
}

bool rt_slice_indices(pv slice, size_t len, intptr_t *start, intptr_t *stop, intptr_t *step, size_t *count) {
    if (!pv_is(slice, &t_slice)) return false;
    pslice *s = (pslice *)slice;
    intptr_t st = slice_part(s->step, 1), n = (intptr_t)len;
    if (st == 0) rt_raise_msg(&t_ValueError, "slice step cannot be zero");
    intptr_t a, b;
    if (st > 0) {
        a = slice_part(s->start, 0);
        b = slice_part(s->stop, n);
        if (a < 0) a = a + n < 0 ? 0 : a + n;
        if (b < 0) b = b + n < 0 ? 0 : b + n;
        if (a > n) a = n;
        if (b > n) b = n;
        *count = b > a ? (size_t)((b - a + st - 1) / st) : 0;
    } else {
        a = slice_part(s->start, n - 1);
        b = slice_part(s->stop, -n - 1);
        if (a < 0) a = a + n < 0 ? -1 : a + n;
        if (b < 0) b = b + n < 0 ? -1 : b + n;
        if (a >= n) a = n - 1;
        if (b >= n) b = n - 1;
        *count = a > b ? (size_t)((a - b - st - 1) / -st) : 0;
    }
    *start = a;
    *stop = b;
    *step = st;
    return true;
}

/* ---- printing ---- */
#define PRINT_STEP 256 /* C stack for one level of nested containers */
#define PRINT_SEGMENT 1536
typedef struct { pout *o; pv v; bool repr; } far_print;
static void print_far(void *p) {
    far_print *a = p;
    rt_print(a->o, a->v, a->repr);
}

void rt_print(pout *o, pv v, bool repr) {
    if (PV_IS_INT(v)) {
        out_int(o, PV_INT(v));
        return;
    }
    if (rt_stack_low(PRINT_STEP)) { /* nested containers: on in a stack segment */
        far_print a = {o, v, repr};
        gc_root_push(&a.v);
        rt_stack_call(PRINT_SEGMENT, print_far, &a);
        gc_root_pop(1);
        return;
    }
    rt_check_stack();
    const ptype *t = PV_OBJ(v)->type;
    if (t->print) {
        t->print(o, v, repr);
        return;
    }
    out_str(o, "<");
    out_str(o, t->name->data);
    out_str(o, ">");
}

static pv print_to_str(pv v, bool repr) {
    vstr s;
    vstr_init(&s, 16);
    gc_root_push((pv *)&s.buf);
    rt_print(&s.out, v, repr);
    gc_root_pop(1);
    return vstr_to_str(&s, &t_str);
}

pv rt_repr(pv v) { return print_to_str(v, true); }

pv rt_str(pv v) { return pv_is(v, &t_str) ? v : print_to_str(v, false); }

const char *rt_type_name(pv v) { return pv_type(v)->name->data; }

bool rt_isinstance_type(const ptype *t, const ptype *of) {
    if (t == of || of == &t_object) return true;
    if (class_is(t)) {
        const ptuple *b = (const ptuple *)((const pclass *)t)->bases;
        for (size_t i = 0; i < b->len; i++)
            if (rt_isinstance_type((const ptype *)b->items[i], of)) return true;
        return false;
    }
    for (t = t->base; t; t = t->base)
        if (t == of) return true;
    return false;
}

/* ---- setting and deleting attributes ---- */
static void set_or_del(pv obj, const pstr *name, pv value, bool del) {
    const ptype *t = pv_type(obj);
    if (class_is(t)) {
        inst_setattr(obj, name, value, del);
        return;
    }
    if (t == &t_type && class_is((const ptype *)obj)) {
        pv d = ((const pclass *)obj)->dict;
        if (del) {
            if (!dict_del(d, (pv)name))
                rt_raise_fmt(&t_AttributeError, "type object '%s' has no attribute '%s'", ((const ptype *)obj)->name->data, name->data);
        } else {
            dict_set(d, (pv)name, value);
        }
        return;
    }
    if (t == &t_module && gc_owns((void *)obj)) {
        pmodule *m = (pmodule *)obj;
        if (del) {
            if (!m->dict || !dict_del(m->dict, (pv)name))
                rt_raise_fmt(&t_AttributeError, "'module' object has no attribute '%s'", name->data);
        } else {
            if (!m->dict) m->dict = dict_new(0);
            dict_set(m->dict, (pv)name, value);
        }
        return;
    }
    rt_raise_fmt(&t_AttributeError, "'%s' object has no attribute '%s'", t->name->data, name->data);
}

void rt_setattr(pv obj, const pstr *name, pv value) { set_or_del(obj, name, value, false); }
void rt_delattr(pv obj, const pstr *name) { set_or_del(obj, name, PV_NULL, true); }


bool rt_get_buffer(pv v, pbuf *b, bool for_write) {
    const ptype *t = pv_type(v);
    return t->buffer && t->buffer(v, b, for_write);
}

void rt_need_buffer(pv v, pbuf *b, bool for_write) {
    if (!rt_get_buffer(v, b, for_write)) rt_raise_msg(&t_TypeError, "object with buffer protocol required");
}
