/* builtins.c — the built-in functions and the table names resolve to when
 * a module's globals do not have them. */
#include <string.h>

#include "hal.h"
#include "import.h"
#include "obj.h"
#include "vm.h"

/* the language builtins live with the object model (obj_class.c) */
extern const pbuiltin bi_setattr, bi_delattr, bi_dir, bi_exec, bi_eval, bi_globals, bi_locals;

void list_sort_kw(pv list, int nkw, const pv *kw);
/* the numeric built-ins live with the numbers (obj_int.c) */
extern const pbuiltin hex, oct, bin, bi_abs, divmod, bi_pow, bi_round;
extern const pbuiltin bi_format; /* str_format.c */

/* Raise t with args (a tuple; PV_NULL for none), rooted while the
 * exception object is made. */
_Noreturn void builtin_raise(const ptype *t, pv args) {
    if (!args) args = tuple_new(0);
    gc_root_push(&args);
    rt_raise(exc_new(t, args));
}

void *builtin_self(pv self, const ptype *t) {
    if (!rt_isinstance_type(pv_type(self), t))
        rt_raise_fmt(&t_TypeError, "argument should be a '%s' not a '%s'", t->name->data, rt_type_name(self));
    return (void *)self;
}

/* print(file=f) and sys.print_exception(e, f) write each piece with
 * f.write(str), as CPython does; None and sys.stdout go straight to the
 * terminal. */
static void file_write(pout *o, const char *s, size_t n) {
    pv str = str_new(&t_str, s, n);
    gc_root_push(&str); /* an argument is the caller's to keep */
    rt_call1(((pfileout *)o)->write, str);
    gc_root_pop(1);
}

pout *fileout_open(pfileout *fo, pv file) {
    if (file == PV_NONE || file == (pv)&sys_stdout_obj) return &rt_stdout;
    fo->out.write = file_write;
    fo->write = rt_getattr(file, &N(write));
    gc_root_push(&fo->write);
    return &fo->out;
}

void fileout_close(pout *o) {
    if (o != &rt_stdout) gc_root_pop(1);
}

static void check_str(pv v) {
    if (v != PV_NONE && !pv_is(v, &t_str))
        rt_raise_fmt(&t_TypeError, "can't convert '%s' object to str implicitly", rt_type_name(v));
}

static pv print_fn(int n, const pv *args, int nkw, const pv *kw) {
    pv sep = rt_kwarg(&N(sep), nkw, kw, PV_NONE), end = rt_kwarg(&N(end), nkw, kw, PV_NONE);
    check_str(sep);
    check_str(end);
    pfileout fo;
    pout *o = fileout_open(&fo, rt_kwarg(&N(file), nkw, kw, PV_NONE));
    for (int i = 0; i < n; i++) {
        if (i) {
            if (sep == PV_NONE) out_char(o, ' ');
            else rt_print(o, sep, false);
        }
        rt_print(o, args[i], false);
    }
    if (end == PV_NONE) out_char(o, '\n');
    else rt_print(o, end, false);
    fileout_close(o);
    return PV_NONE;
}
BUILTIN(print, print, 0, -1, true);

/* The type's answer as it is: a range may hold more items than a small int. */
static pv len_fn(int n, const pv *args, int nkw, const pv *kw) {
    const ptype *t = pv_type(args[0]);
    pv r = t->unary ? t->unary(OP_LEN, args[0]) : PV_NULL;
    return r ? r : PV_FROM_INT(rt_len(args[0]));
}
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

/* min and max: over an iterable or over the arguments, with key= and
 * default=. The values in play live in one rooted tuple: the iterator, the
 * best item and its key, the current item and its key. */
enum { MM_IT, MM_BEST, MM_BESTKEY, MM_V, MM_K, MM_SLOTS };

static pv minmax(int n, const pv *args, int nkw, const pv *kw, int op) {
    pv key = rt_kwarg(&N(key), nkw, kw, PV_NONE);
    pv dflt = rt_kwarg(&N(default), nkw, kw, PV_NULL);
    if (n == 0) rt_raise_msg(&t_TypeError, "function missing 1 required positional arguments");
    pv hold = tuple_new(MM_SLOTS);
    gc_root_push(&hold);
    pv *h = ((ptuple *)hold)->items;
    if (n == 1) h[MM_IT] = rt_iter(args[0]);
    for (int i = 0;; i++) {
        if (n == 1) {
            h[MM_V] = rt_next(h[MM_IT]);
            if (!h[MM_V]) break;
        } else {
            if (i == n) break;
            h[MM_V] = args[i];
        }
        h[MM_K] = key == PV_NONE ? h[MM_V] : rt_call1(key, h[MM_V]);
        if (!h[MM_BEST] || rt_truthy(rt_binary(op, h[MM_K], h[MM_BESTKEY]))) {
            h[MM_BEST] = h[MM_V];
            h[MM_BESTKEY] = h[MM_K];
        }
    }
    gc_root_pop(1);
    if (!h[MM_BEST]) {
        if (dflt) return dflt;
        rt_raise_msg(&t_ValueError, "arg is an empty sequence");
    }
    return h[MM_BEST];
}
static pv min_fn(int n, const pv *a, int nkw, const pv *kw) { return minmax(n, a, nkw, kw, OP_LT); }
static pv max_fn(int n, const pv *a, int nkw, const pv *kw) { return minmax(n, a, nkw, kw, OP_GT); }
BUILTIN(min, min, 1, -1, true);
BUILTIN(max, max, 1, -1, true);

static pv sum_fn(int n, const pv *args, int nkw, const pv *kw) {
    pv hold = tuple_new(3); /* iterator, total, item */
    gc_root_push(&hold);
    pv *h = ((ptuple *)hold)->items;
    h[1] = n > 1 ? args[1] : PV_FROM_INT(0);
    h[0] = rt_iter(args[0]);
    while ((h[2] = rt_next(h[0])) != PV_NULL) h[1] = rt_binary(OP_ADD, h[1], h[2]);
    gc_root_pop(1);
    return h[1];
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

/* enumerate, zip, map, filter, reversed and iter(f, sentinel): small lazy
 * iterator objects, one type each so that they print as MicroPython's do. */
typedef struct {
    const ptype *type;
    pv a, b;       /* iterators, a function, a sequence or a sentinel */
    int64_t i;
} pwrap;

static pv enumerate_next(pv self) {
    pwrap *w = (pwrap *)self;
    pv t = tuple_new(2);
    gc_root_push(&t);
    pv v = rt_next(w->a);
    if (v) {
        ((ptuple *)t)->items[1] = v;
        ((ptuple *)t)->items[0] = rt_int(w->i++);
    }
    gc_root_pop(1);
    return v ? t : PV_NULL;
}

/* The next item of each iterator in a tuple, as a tuple; NULL when one ends. */
static pv next_of_each(pv iters) {
    ptuple *its = (ptuple *)iters;
    pv t = tuple_new(its->len);
    gc_root_push(&t);
    for (size_t k = 0; k < its->len; k++) {
        pv v = rt_next(its->items[k]);
        if (!v) {
            t = PV_NULL;
            break;
        }
        ((ptuple *)t)->items[k] = v;
    }
    gc_root_pop(1);
    return t;
}

static pv zip_next(pv self) {
    pwrap *w = (pwrap *)self;
    return ((ptuple *)w->b)->len ? next_of_each(w->b) : PV_NULL;
}

static pv map_next(pv self) {
    pwrap *w = (pwrap *)self;
    pv args = next_of_each(w->b);
    if (!args) return PV_NULL;
    gc_root_push(&args);
    pv r = rt_call(w->a, (int)((ptuple *)args)->len, ((ptuple *)args)->items, 0, NULL);
    gc_root_pop(1);
    return r;
}

static pv filter_next(pv self) {
    pwrap *w = (pwrap *)self;
    pv v = PV_NULL;
    gc_root_push(&v);
    while ((v = rt_next(w->b)) != PV_NULL)
        if (w->a == PV_NONE ? rt_truthy(v) : rt_truthy(rt_call1(w->a, v))) break;
    gc_root_pop(1);
    return v;
}

static pv reversed_next(pv self) {
    pwrap *w = (pwrap *)self; /* a: the sequence; i counts down */
    if (w->i <= 0) return PV_NULL;
    w->i--;
    return rt_subscr(w->a, rt_int(w->i), SUB_LOAD);
}

static pv callable_next(pv self) {
    pwrap *w = (pwrap *)self; /* a: the function, b: the sentinel; i: 1 once ended */
    if (w->i) return PV_NULL;
    pv v = rt_call0(w->a);
    if (!rt_equal(v, w->b)) return v;
    w->i = 1;
    return PV_NULL;
}

static const ptype t_enumerate = {TYPE_HEAD(enumerate), .next = enumerate_next};
static const ptype t_zip = {TYPE_HEAD(zip), .next = zip_next};
static const ptype t_map = {TYPE_HEAD(map), .next = map_next};
static const ptype t_filter = {TYPE_HEAD(filter), .next = filter_next};
static const ptype t_reversed = {TYPE_HEAD(reversed), .next = reversed_next};
static const ptype t_callable_iter = {TYPE_HEAD(callable_iterator), .next = callable_next};

static pv wrap_new(const ptype *t, pv a, pv b, int64_t i) {
    gc_root_push(&a);
    gc_root_push(&b);
    pwrap *w = gc_alloc(sizeof(pwrap));
    gc_root_pop(2);
    w->type = t;
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

/* enumerate(iterable, start=0): both may be given by keyword */
static pv enumerate_fn(int n, const pv *args, int nkw, const pv *kw) {
    pv it = n > 0 ? args[0] : rt_kwarg(&N(iterable), nkw, kw, PV_NULL);
    if (!it) rt_check_args(n, 1, 2);
    pv start = n > 1 ? args[1] : rt_kwarg(&N(start), nkw, kw, PV_FROM_INT(0));
    int64_t i = rt_to_int(start);
    return wrap_new(&t_enumerate, rt_iter(it), PV_NULL, i);
}
BUILTIN(enumerate, enumerate, 0, 2, true);
static pv zip_fn(int n, const pv *args, int nkw, const pv *kw) { return wrap_new(&t_zip, PV_NULL, iters_of(n, args), 0); }
BUILTIN(zip, zip, 0, -1, false);
static pv map_fn(int n, const pv *args, int nkw, const pv *kw) { return wrap_new(&t_map, args[0], iters_of(n - 1, args + 1), 0); }
BUILTIN(map, map, 2, -1, false);
static pv filter_fn(int n, const pv *args, int nkw, const pv *kw) { return wrap_new(&t_filter, args[0], rt_iter(args[1]), 0); }
BUILTIN(filter, filter, 2, 2, false);
/* An object of a type other than the built-in sequences may bring its own
 * __reversed__; the built-in ones are walked back by index. */
static pv reversed_fn(int n, const pv *args, int nkw, const pv *kw) {
    static const ptype *const seqs[] = {&t_list, &t_tuple, &t_str, &t_bytes, &t_bytearray, &t_range, &t_array};
    const ptype *t = pv_type(args[0]);
    size_t i = 0;
    while (i < sizeof seqs / sizeof seqs[0] && seqs[i] != t) i++;
    if (i == sizeof seqs / sizeof seqs[0]) {
        pv r = rt_getattr_try(args[0], &N(__reversed__));
        if (r) {
            gc_root_push(&r);
            r = rt_call0(r);
            gc_root_pop(1);
            return r;
        }
    }
    return wrap_new(&t_reversed, args[0], PV_NULL, (int64_t)rt_len(args[0]));
}
BUILTIN(reversed, reversed, 1, 1, false);

static pv iter_fn(int n, const pv *args, int nkw, const pv *kw) {
    if (n == 2) return wrap_new(&t_callable_iter, args[0], args[1], 0);
    return rt_iter(args[0]);
}
BUILTIN(iter, iter, 1, 2, false);

static pv next_fn(int n, const pv *args, int nkw, const pv *kw) {
    if (pv_is(args[0], &t_gen)) {
        /* a generator's return value rides on the StopIteration */
        bool done;
        pv r = vm_gen_send(args[0], PV_NONE, &done);
        if (!done) return r;
        if (n > 1) return args[1];
        pv t = PV_NULL;
        if (r != PV_NONE) {
            gc_root_push(&r);
            t = tuple_new(1);
            ((ptuple *)t)->items[0] = r;
            gc_root_pop(1);
        }
        builtin_raise(&t_StopIteration, t);
    }
    pv v = rt_next(args[0]);
    if (v) return v;
    if (n > 1) return args[1];
    builtin_raise(&t_StopIteration, PV_NULL);
}
BUILTIN(next, next, 1, 2, false);

static pv sorted_fn(int n, const pv *args, int nkw, const pv *kw) {
    if (n > 1) rt_raise_msg(&t_TypeError, "must use keyword argument for key function");
    pv l = rt_call1((pv)&t_list, args[0]);
    gc_root_push(&l);
    list_sort_kw(l, nkw, kw);
    gc_root_pop(1);
    return l;
}
BUILTIN(sorted, sorted, 1, 2, true);

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

/* One byte from the terminal for input() and sys.stdin, with Ctrl-C
 * delivered as the byte 3 instead of being latched; -1 at the end of input. */
int stdin_char(void) {
    hal_set_interrupt_char(-1);
    int c = hal_getchar();
    if (hal_interrupted()) c = 3;
    hal_set_interrupt_char(3);
    return c;
}

/* input(): a line from the terminal, echoed; Ctrl-C raises KeyboardInterrupt */
static pv input_fn(int n, const pv *args, int nkw, const pv *kw) {
    if (n) rt_print(&rt_stdout, args[0], false);
    vstr line;
    vstr_init(&line, 16);
    gc_root_push((pv *)&line.buf);
    for (;;) {
        int c = stdin_char();
        if (c == 3) {
            out_char(&rt_stdout, '\n');
            builtin_raise(&t_KeyboardInterrupt, PV_NULL);
        }
        if (c < 0 || c == 4) {
            if (line.len == 0) rt_raise_msg(&t_OSError, "EOF");
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
    out_char(&rt_stdout, '\n');
    gc_root_pop(1);
    return vstr_to_str(&line, &t_str);
}
BUILTIN(input, input, 0, 1, false);

/* NotImplemented: a constant for binary methods of user classes to return */
static void notimplemented_print(pout *o, pv self, bool repr) { out_str(o, "NotImplemented"); }
static const ptype t_notimplemented = {TYPE_HEAD(NotImplementedType), .print = notimplemented_print};
const pobj o_notimplemented = {&t_notimplemented};

static pv help_fn(int n, const pv *args, int nkw, const pv *kw) {
    if (n && pv_is(args[0], &t_str) && str_eq((const pstr *)args[0], &N(modules))) {
        import_help_modules();
        return PV_NONE;
    }
    out_str(&rt_stdout, "pith: Python for the BBC micro:bit, MicroPython-compatible.\n"
                        "Try:  from microbit import *   then   display.scroll('Hello')\n"
                        "Keys: Ctrl-C stop, Ctrl-D soft reboot, Ctrl-E paste mode, Ctrl-A raw REPL.\n");
    return PV_NONE;
}
BUILTIN(help, help, 0, 1, false);

#define TYPE_MEMBER(n) {&names_table[NAME_##n], PV_FROM_PTR(&t_##n)}
extern const pbuiltin builtin_open; /* mod_os.c */
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
      MEMBER(set, &t_set), MEMBER(frozenset, &t_frozenset), MEMBER(Ellipsis, &o_ellipsis),
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
      MEMBER(open, &builtin_open),
      {&N(__name__), PV_FROM_PTR(&N(__main__))});
