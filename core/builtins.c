/* builtins.c — the built-in functions and the table names resolve to when
 * a module's globals do not have them. */
#include <string.h>

#include "hal.h"
#include "obj.h"

/* the language builtins live with the object model (obj_class.c) */
extern const pbuiltin bi_setattr, bi_delattr, bi_dir, bi_exec, bi_eval, bi_globals, bi_locals;

void list_sort(pv list, pv key, bool reverse);
/* the numeric built-ins live with the numbers (obj_int.c) */
extern const pbuiltin hex, oct, bin, bi_abs, divmod, bi_pow, bi_round;
extern const pbuiltin bi_format; /* str_format.c */

static pv print_fn(int n, const pv *args, int nkw, const pv *kw) {
    pv sep = rt_kwarg(&N(sep), nkw, kw, PV_NONE), end = rt_kwarg(&N(end), nkw, kw, PV_NONE);
    for (int i = 0; i < n; i++) {
        if (i) {
            if (sep == PV_NONE) out_char(&rt_stdout, ' ');
            else rt_print(&rt_stdout, sep, false);
        }
        rt_print(&rt_stdout, args[i], false);
    }
    if (end == PV_NONE) out_char(&rt_stdout, '\n');
    else rt_print(&rt_stdout, end, false);
    return PV_NONE;
}
BUILTIN(print, print, 0, -1, true);

static pv len_fn(int n, const pv *args, int nkw, const pv *kw) { return PV_FROM_INT(rt_len(args[0])); }
BUILTIN(len, len, 1, 1, false);

static pv chr_fn(int n, const pv *args, int nkw, const pv *kw) {
    int64_t c = rt_to_int(args[0]);
    if (c < 0 || c > 0x10FFFF) rt_raise_msg(&t_ValueError, "chr() arg not in range(0x110000)");
    char b[4];
    size_t k = utf8_encode((uint32_t)c, b);
    return str_new(&t_str, b, k);
}
BUILTIN(chr, chr, 1, 1, false);

static pv ord_fn(int n, const pv *args, int nkw, const pv *kw) {
    pv s = args[0];
    if (pv_is(s, &t_str)) {
        pstr *p = (pstr *)s;
        const uint8_t *d = (const uint8_t *)p->data;
        if (p->len == 0 || utf8_len(p->data, p->len) != 1)
            rt_raise_fmt(&t_TypeError, "ord() expected a character, but string of length %d found", (int)utf8_len(p->data, p->len));
        if (d[0] < 0x80) return PV_FROM_INT(d[0]);
        int extra = d[0] >= 0xF0 ? 3 : d[0] >= 0xE0 ? 2 : 1;
        uint32_t c = d[0] & (0x3F >> extra);
        for (int i = 1; i <= extra; i++) c = (c << 6) | (d[i] & 0x3F);
        return PV_FROM_INT(c);
    }
    pbuf b;
    if (!pv_is(s, &t_memoryview) && rt_get_buffer(s, &b, false)) {
        if (b.len != 1) rt_raise_fmt(&t_TypeError, "ord() expected a character, but string of length %d found", (int)b.len);
        return PV_FROM_INT(b.data[0]);
    }
    rt_raise_fmt(&t_TypeError, "ord() expected a string of length 1, but %s found", rt_type_name(s));
}
BUILTIN(ord, ord, 1, 1, false);

static pv repr_fn(int n, const pv *args, int nkw, const pv *kw) { return rt_repr(args[0]); }
BUILTIN(repr, repr, 1, 1, false);

static bool is_instance_of(pv x, pv cls) {
    if (pv_is(cls, &t_tuple)) {
        ptuple *t = (ptuple *)cls;
        for (size_t i = 0; i < t->len; i++)
            if (is_instance_of(x, t->items[i])) return true;
        return false;
    }
    if (!pv_is(cls, &t_type)) rt_raise_msg(&t_TypeError, "isinstance() arg 2 must be a class or a tuple of classes");
    return rt_isinstance_type(pv_type(x), (const ptype *)cls);
}
static pv isinstance_fn(int n, const pv *args, int nkw, const pv *kw) { return PV_BOOL(is_instance_of(args[0], args[1])); }
BUILTIN(isinstance, isinstance, 2, 2, false);

static pv issubclass_fn(int n, const pv *args, int nkw, const pv *kw) {
    if (!pv_is(args[0], &t_type)) rt_raise_msg(&t_TypeError, "issubclass() arg 1 must be a class");
    if (!pv_is(args[1], &t_type)) rt_raise_msg(&t_TypeError, "issubclass() arg 2 must be a class");
    return PV_BOOL(rt_isinstance_type((const ptype *)args[0], (const ptype *)args[1]));
}
BUILTIN(issubclass, issubclass, 2, 2, false);

/* min and max: over an iterable or over the arguments, with key= and default= */
static pv minmax(int n, const pv *args, int nkw, const pv *kw, int op) {
    pv key = rt_kwarg(&N(key), nkw, kw, PV_NONE);
    pv dflt = PV_NULL;
    for (int i = 0; i < nkw; i++)
        if (kw[2 * i] != (pv)&N(key)) dflt = kw[2 * i + 1];
    pv best = PV_NULL, bestkey = PV_NULL, it = PV_NULL;
    gc_root_push(&best);
    gc_root_push(&bestkey);
    gc_root_push(&it);
    if (n == 0) rt_raise_msg(&t_TypeError, "function missing 1 required positional arguments");
    it = n == 1 ? rt_iter(args[0]) : PV_NULL;
    for (int i = 0;; i++) {
        pv v;
        if (it) {
            v = rt_next(it);
            if (!v) break;
        } else {
            if (i == n) break;
            v = args[i];
        }
        pv k = key == PV_NONE ? v : rt_call1(key, v);
        if (!best || rt_truthy(rt_binary(op, k, bestkey))) {
            best = v;
            bestkey = k;
        }
    }
    gc_root_pop(3);
    if (!best) {
        if (dflt) return dflt;
        rt_raise_msg(&t_ValueError, "arg is an empty sequence");
    }
    return best;
}
static pv min_fn(int n, const pv *a, int nkw, const pv *kw) { return minmax(n, a, nkw, kw, OP_LT); }
static pv max_fn(int n, const pv *a, int nkw, const pv *kw) { return minmax(n, a, nkw, kw, OP_GT); }
BUILTIN(min, min, 1, -1, true);
BUILTIN(max, max, 1, -1, true);

static pv sum_fn(int n, const pv *args, int nkw, const pv *kw) {
    pv acc = n > 1 ? args[1] : PV_FROM_INT(0);
    pv it = rt_iter(args[0]);
    gc_root_push(&it);
    gc_root_push(&acc);
    pv v = PV_NULL;
    gc_root_push(&v); /* fresh from the iterator (map's function, say) */
    while ((v = rt_next(it)) != PV_NULL) acc = rt_binary(OP_ADD, acc, v);
    gc_root_pop(3);
    return acc;
}
BUILTIN(sum, sum, 1, 2, false);

static pv allany(pv iterable, bool want) {
    pv it = rt_iter(iterable);
    gc_root_push(&it);
    pv v;
    bool result = !want;
    while ((v = rt_next(it)) != PV_NULL)
        if (rt_truthy(v) == want) {
            result = want;
            break;
        }
    gc_root_pop(1);
    return PV_BOOL(result);
}
static pv all_fn(int n, const pv *a, int nkw, const pv *kw) { return allany(a[0], false); }
static pv any_fn(int n, const pv *a, int nkw, const pv *kw) { return allany(a[0], true); }
BUILTIN(all, all, 1, 1, false);
BUILTIN(any, any, 1, 1, false);

/* enumerate, zip, map, filter, reversed: small iterator objects */
typedef struct {
    const ptype *type;
    pv a, b;       /* iterators or function */
    int64_t i;
    int kind;
} pwrap;

static pv wrap_next(pv self) {
    pwrap *w = (pwrap *)self;
    switch (w->kind) {
    case 0: { /* enumerate */
        pv v = rt_next(w->a);
        if (!v) return PV_NULL;
        gc_root_push(&v);
        pv t = tuple_new(2);
        ((ptuple *)t)->items[1] = v;
        gc_root_pop(1);
        gc_root_push(&t);
        ((ptuple *)t)->items[0] = rt_int(w->i++);
        gc_root_pop(1);
        return t;
    }
    case 1: { /* zip: b is a tuple of iterators */
        ptuple *its = (ptuple *)w->b;
        pv t = tuple_new(its->len);
        gc_root_push(&t);
        for (size_t k = 0; k < its->len; k++) {
            pv v = rt_next(its->items[k]);
            if (!v) {
                gc_root_pop(1);
                return PV_NULL;
            }
            ((ptuple *)t)->items[k] = v;
        }
        gc_root_pop(1);
        return its->len ? t : PV_NULL;
    }
    case 2: { /* map: a function, b a tuple of iterators */
        ptuple *its = (ptuple *)w->b;
        pv args = tuple_new(its->len);
        gc_root_push(&args);
        for (size_t k = 0; k < its->len; k++) {
            pv v = rt_next(its->items[k]);
            if (!v) {
                gc_root_pop(1);
                return PV_NULL;
            }
            ((ptuple *)args)->items[k] = v;
        }
        pv r = rt_call(w->a, (int)its->len, ((ptuple *)args)->items, 0, NULL);
        gc_root_pop(1);
        return r;
    }
    case 3: { /* filter */
        for (;;) {
            pv v = rt_next(((ptuple *)w->b)->items[0]);
            if (!v) return PV_NULL;
            gc_root_push(&v);
            bool keep = w->a == PV_NONE ? rt_truthy(v) : rt_truthy(rt_call1(w->a, v));
            gc_root_pop(1);
            if (keep) return v;
        }
    }
    default: { /* reversed: a is the sequence, i counts down */
        if (w->i <= 0) return PV_NULL;
        w->i--;
        return rt_subscr(w->a, rt_int(w->i), SUB_LOAD);
    }
    }
}

static const ptype t_wrap = {TYPE_HEAD(iterator), .next = wrap_next};

static pv wrap_new(int kind, pv a, pv b, int64_t i) {
    gc_root_push(&a); /* often fresh iterators */
    gc_root_push(&b);
    pwrap *w = gc_alloc(sizeof(pwrap));
    gc_root_pop(2);
    w->type = &t_wrap;
    w->kind = kind;
    w->a = a;
    w->b = b;
    w->i = i;
    return (pv)w;
}

static pv iters_of(int n, const pv *args) {
    pv t = tuple_new((size_t)n);
    gc_root_push(&t);
    for (int i = 0; i < n; i++) ((ptuple *)t)->items[i] = rt_iter(args[i]);
    gc_root_pop(1);
    return t;
}

static pv enumerate_fn(int n, const pv *args, int nkw, const pv *kw) {
    pv start = n > 1 ? args[1] : rt_kwarg(&N(start), nkw, kw, PV_FROM_INT(0));
    return wrap_new(0, rt_iter(args[0]), PV_NULL, rt_to_int(start));
}
BUILTIN(enumerate, enumerate, 1, 2, true);
static pv zip_fn(int n, const pv *args, int nkw, const pv *kw) { return wrap_new(1, PV_NULL, iters_of(n, args), 0); }
BUILTIN(zip, zip, 0, -1, false);
static pv map_fn(int n, const pv *args, int nkw, const pv *kw) { return wrap_new(2, args[0], iters_of(n - 1, args + 1), 0); }
BUILTIN(map, map, 2, -1, false);
static pv filter_fn(int n, const pv *args, int nkw, const pv *kw) { return wrap_new(3, args[0], iters_of(1, args + 1), 0); }
BUILTIN(filter, filter, 2, 2, false);
static pv reversed_fn(int n, const pv *args, int nkw, const pv *kw) {
    return wrap_new(4, args[0], PV_NULL, (int64_t)rt_len(args[0]));
}
BUILTIN(reversed, reversed, 1, 1, false);

static pv iter_fn(int n, const pv *args, int nkw, const pv *kw) { return rt_iter(args[0]); }
BUILTIN(iter, iter, 1, 1, false);

static pv next_fn(int n, const pv *args, int nkw, const pv *kw) {
    pv v = rt_next(args[0]);
    if (v) return v;
    if (n > 1) return args[1];
    rt_raise(exc_new(&t_StopIteration, tuple_new(0)));
}
BUILTIN(next, next, 1, 2, false);

static pv sorted_fn(int n, const pv *args, int nkw, const pv *kw) {
    pv l = rt_call1((pv)&t_list, args[0]);
    gc_root_push(&l);
    list_sort(l, rt_kwarg(&N(key), nkw, kw, PV_NONE), rt_truthy(rt_kwarg(&N(reverse), nkw, kw, PV_FALSE)));
    gc_root_pop(1);
    return l;
}
BUILTIN(sorted, sorted, 1, 1, true);

static pv hash_fn(int n, const pv *args, int nkw, const pv *kw) { return rt_int(rt_hash(args[0]) & 0x3FFFFFFF); }
BUILTIN(hash, hash, 1, 1, false);

static pv id_fn(int n, const pv *args, int nkw, const pv *kw) { return rt_int((int64_t)(args[0] >> 1) & 0x3FFFFFFF); }
BUILTIN(id, id, 1, 1, false);

static pv callable_fn(int n, const pv *args, int nkw, const pv *kw) {
    const ptype *t = pv_type(args[0]);
    if (class_is(t)) return PV_BOOL(class_lookup(t, &N(__call__)) != PV_NULL);
    return PV_BOOL(t == &t_function || t == &t_builtin || t == &t_bound || t == &t_type || t == &t_methchk);
}
BUILTIN(callable, callable, 1, 1, false);

static pv getattr_fn(int n, const pv *args, int nkw, const pv *kw) {
    if (!pv_is(args[1], &t_str)) rt_raise_msg(&t_TypeError, "attribute name must be a string");
    pstr *s = (pstr *)args[1];
    const pstr *name = (const pstr *)str_intern(s->data, s->len);
    if (n > 2) {
        pv v = rt_getattr_try(args[0], name);
        return v ? v : args[2];
    }
    return rt_getattr(args[0], name);
}
BUILTIN(getattr, getattr, 2, 3, false);

static pv hasattr_fn(int n, const pv *args, int nkw, const pv *kw) {
    if (!pv_is(args[1], &t_str)) rt_raise_msg(&t_TypeError, "attribute name must be a string");
    pstr *s = (pstr *)args[1];
    return PV_BOOL(rt_getattr_try(args[0], (const pstr *)str_intern(s->data, s->len)) != PV_NULL);
}
BUILTIN(hasattr, hasattr, 2, 2, false);

/* input(): a line from the terminal, echoed; Ctrl-C raises KeyboardInterrupt */
static pv input_fn(int n, const pv *args, int nkw, const pv *kw) {
    if (n) rt_print(&rt_stdout, args[0], false);
    vstr line;
    vstr_init(&line, 16);
    gc_root_push((pv *)&line.buf);
    hal_set_interrupt_char(-1);
    for (;;) {
        int c = hal_getchar();
        if (c == 3 || hal_interrupted()) {
            hal_set_interrupt_char(3);
            out_char(&rt_stdout, '\n');
            rt_raise(exc_new(&t_KeyboardInterrupt, tuple_new(0)));
        }
        if (c < 0 || c == 4) {
            if (line.len == 0) {
                hal_set_interrupt_char(3);
                rt_raise_msg(&t_OSError, "EOF");
            }
            break;
        }
        if (c == '\r' || c == '\n') break;
        if (c == 8 || c == 127) {
            if (line.len) {
                /* drop a whole UTF-8 character */
                do line.len--; while (line.len && ((uint8_t)line.buf[line.len] & 0xC0) == 0x80);
                out_str(&rt_stdout, "\b \b");
            }
            continue;
        }
        if (c < 32 && c != '\t') continue;
        char ch = (char)c;
        vstr_add(&line, &ch, 1);
        out_char(&rt_stdout, ch);
    }
    hal_set_interrupt_char(3);
    out_char(&rt_stdout, '\n');
    gc_root_pop(1);
    return vstr_to_str(&line, &t_str);
}
BUILTIN(input, input, 0, 1, false);

static pv help_fn(int n, const pv *args, int nkw, const pv *kw) {
    out_str(&rt_stdout, "pith: Python for the BBC micro:bit, MicroPython-compatible.\n"
                        "Try:  from microbit import *   then   display.scroll('Hello')\n"
                        "Keys: Ctrl-C stop, Ctrl-D soft reboot, Ctrl-E paste mode, Ctrl-A raw REPL.\n");
    return PV_NONE;
}
BUILTIN(help, help, 0, 1, false);

#define TYPE_MEMBER(n) {&names_table[NAME_##n], PV_FROM_PTR(&t_##n)}
TABLE(builtins_table,
      MEMBER(print, &print), MEMBER(len, &len), MEMBER(range, &t_range), MEMBER(int, &t_int),
      MEMBER(str, &t_str), MEMBER(list, &t_list), MEMBER(chr, &chr), MEMBER(ord, &ord),
      MEMBER(isinstance, &isinstance), MEMBER(bytearray, &t_bytearray), MEMBER(bytes, &t_bytes),
      MEMBER(memoryview, &t_memoryview), MEMBER(tuple, &t_tuple), MEMBER(dict, &t_dict),
      MEMBER(bool, &t_bool), MEMBER(float, &t_float), MEMBER(repr, &repr), MEMBER(hex, &hex),
      MEMBER(oct, &oct), MEMBER(bin, &bin), MEMBER(type, &t_type), MEMBER(min, &min), MEMBER(max, &max),
      MEMBER(sum, &sum), MEMBER(abs, &bi_abs), MEMBER(all, &all), MEMBER(any, &any),
      MEMBER(enumerate, &enumerate), MEMBER(zip, &zip), MEMBER(map, &map), MEMBER(filter, &filter),
      MEMBER(reversed, &reversed), MEMBER(iter, &iter), MEMBER(next, &next), MEMBER(sorted, &sorted),
      MEMBER(divmod, &divmod), MEMBER(pow, &bi_pow), MEMBER(round, &bi_round), MEMBER(hash, &hash),
      MEMBER(id, &id), MEMBER(callable, &callable), MEMBER(getattr, &getattr), MEMBER(hasattr, &hasattr),
      MEMBER(input, &input), MEMBER(help, &help), MEMBER(issubclass, &issubclass), MEMBER(slice, &t_slice),
      MEMBER(format, &bi_format),
      TYPE_MEMBER(BaseException), TYPE_MEMBER(Exception), TYPE_MEMBER(SystemExit),
      TYPE_MEMBER(KeyboardInterrupt), TYPE_MEMBER(StopIteration), TYPE_MEMBER(ArithmeticError),
      TYPE_MEMBER(ZeroDivisionError), TYPE_MEMBER(OverflowError), TYPE_MEMBER(AssertionError),
      TYPE_MEMBER(AttributeError), TYPE_MEMBER(BufferError), TYPE_MEMBER(ImportError),
      TYPE_MEMBER(LookupError), TYPE_MEMBER(IndexError), TYPE_MEMBER(KeyError), TYPE_MEMBER(MemoryError),
      TYPE_MEMBER(NameError), TYPE_MEMBER(OSError), TYPE_MEMBER(RuntimeError),
      TYPE_MEMBER(NotImplementedError), TYPE_MEMBER(SyntaxError), TYPE_MEMBER(TypeError),
      TYPE_MEMBER(ValueError), TYPE_MEMBER(UnicodeError), TYPE_MEMBER(GeneratorExit),
      TYPE_MEMBER(object), TYPE_MEMBER(super), TYPE_MEMBER(property), TYPE_MEMBER(staticmethod),
      TYPE_MEMBER(classmethod), MEMBER(setattr, &bi_setattr), MEMBER(delattr, &bi_delattr), MEMBER(dir, &bi_dir),
      MEMBER(exec, &bi_exec), MEMBER(eval, &bi_eval), MEMBER(globals, &bi_globals), MEMBER(locals, &bi_locals),
      MEMBER(NotImplemented, &o_notimplemented),
      {&N(__name__), PV_FROM_PTR(&N(__main__))});
