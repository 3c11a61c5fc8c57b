/* exc.c — exception types, raising (a longjmp to the nearest TRY), tracebacks.
 *
 * MemoryError must work with an exhausted heap, so it is a static object
 * with a static traceback; every other exception lives in the heap. */
#include <stdarg.h>
#include <string.h>

#include "obj.h"
#include "vm.h"

pjmp *rt_jmp;

static void exc_print(pout *o, pv self, bool repr);
static pv exc_attr(pv self, const pstr *name);

#define EXC_TYPE(n, parent) \
    const ptype t_##n = {TYPE_HEAD(n), .base = parent, .make = exc_make, .print = exc_print, .attr = exc_attr}

EXC_TYPE(BaseException, NULL);
EXC_TYPE(SystemExit, &t_BaseException);
EXC_TYPE(KeyboardInterrupt, &t_BaseException);
EXC_TYPE(GeneratorExit, &t_BaseException);
EXC_TYPE(Exception, &t_BaseException);
EXC_TYPE(StopIteration, &t_Exception);
EXC_TYPE(ArithmeticError, &t_Exception);
EXC_TYPE(ZeroDivisionError, &t_ArithmeticError);
EXC_TYPE(OverflowError, &t_ArithmeticError);
EXC_TYPE(AssertionError, &t_Exception);
EXC_TYPE(AttributeError, &t_Exception);
EXC_TYPE(BufferError, &t_Exception);
EXC_TYPE(ImportError, &t_Exception);
EXC_TYPE(LookupError, &t_Exception);
EXC_TYPE(IndexError, &t_LookupError);
EXC_TYPE(KeyError, &t_LookupError);
EXC_TYPE(MemoryError, &t_Exception);
EXC_TYPE(NameError, &t_Exception);
EXC_TYPE(OSError, &t_Exception);
EXC_TYPE(RuntimeError, &t_Exception);
EXC_TYPE(NotImplementedError, &t_RuntimeError);
EXC_TYPE(SyntaxError, &t_Exception);
EXC_TYPE(TypeError, &t_Exception);
EXC_TYPE(ValueError, &t_Exception);
EXC_TYPE(UnicodeError, &t_ValueError);

/* The out-of-memory exception: no heap needed to raise or print it. */
static ptbentry mem_tb[TB_MAX];
static pexc mem_exc = {&t_MemoryError, PV_NULL, PV_NULL, mem_tb, 0, 0, false};
static size_t mem_bytes;

pv exc_new(const ptype *t, pv args) {
    gc_root_push(&args); /* often a fresh tuple nothing else holds */
    pexc *e = gc_alloc_try(sizeof(pexc));
    if (!e) rt_memory_error(sizeof(pexc));
    gc_root_pop(1);
    e->type = t;
    e->args = args;
    return (pv)e;
}

/* Raise t(arg), keeping arg rooted while its tuple is allocated. */
_Noreturn void rt_raise_arg(const ptype *t, pv arg) {
    gc_root_push(&arg);
    pv tup = tuple_new(1);
    ((ptuple *)tup)->items[0] = arg;
    gc_root_pop(1);
    rt_raise(exc_new(t, tup));
}

/* t(message): the tuple first, so the string is stored the moment it exists. */
static pv str_exc(const ptype *t, const char *s, size_t n) {
    pv tup = tuple_new(1);
    gc_root_push(&tup);
    ((ptuple *)tup)->items[0] = str_new(&t_str, s, n);
    gc_root_pop(1);
    return exc_new(t, tup);
}

static _Noreturn void raise_str(const ptype *t, const char *s, size_t n) { rt_raise(str_exc(t, s, n)); }

pv exc_msg_try(const ptype *t, const char *msg) {
    pjmp j;
    if (TRY(j)) {
        pv e = str_exc(t, msg, strlen(msg));
        TRY_END(j);
        return e;
    }
    gc_root_restore(j.roots);
    return PV_NULL;
}

pv exc_make(const ptype *t, int n, const pv *args, int nkw, const pv *kw) {
    if (nkw) rt_raise_msg(&t_TypeError, "function doesn't take keyword arguments");
    pv tup = tuple_new((size_t)n);
    if (n) memcpy(((ptuple *)tup)->items, args, (size_t)n * sizeof(pv));
    return exc_new(t, tup);
}

static void exc_print(pout *o, pv self, bool repr) {
    pexc *e = (pexc *)self;
    if (repr) out_str(o, e->type->name->data);
    if (self == (pv)&mem_exc) {
        if (repr) out_char(o, '(');
        if (repr) out_char(o, '\'');
        out_str(o, "memory allocation failed, allocating ");
        out_int(o, (int64_t)mem_bytes);
        out_str(o, " bytes");
        if (repr) out_str(o, "')");
        return;
    }
    ptuple *a = (ptuple *)e->args;
    if (!repr) {
        if (!a || a->len == 0) return;
        if (a->len == 1) {
            rt_print(o, a->items[0], false);
            return;
        }
    }
    if (!a || a->len == 0) {
        out_str(o, "()");
        return;
    }
    rt_print(o, e->args, true);
}

static pv exc_attr(pv self, const pstr *name) {
    pexc *e = (pexc *)self;
    if (name == &N(args)) {
        if (self == (pv)&mem_exc || !e->args) return tuple_new(0);
        return e->args;
    }
    if (name == &N(value) && e->type == &t_StopIteration) {
        ptuple *a = (ptuple *)e->args;
        return a && a->len ? a->items[0] : PV_NONE;
    }
    return PV_NULL;
}

void exc_add_tb(pv exc, const pstr *file, uint32_t line, const pstr *fn) {
    pexc *e = (pexc *)exc;
    if (!e->tb && !e->tb_lost) {
        /* without it the exception still prints, without File lines; the
         * outer frames must not record lines that hide the inner ones */
        e->tb = gc_alloc_try(TB_MAX * sizeof(ptbentry));
        e->tb_lost = !e->tb;
    }
    if (!e->tb) return;
    if (e->tb_len == TB_MAX) {
        /* keep the innermost frames and the outermost one */
        memmove(&e->tb[TB_MAX / 2], &e->tb[TB_MAX / 2 + 1], (TB_MAX / 2 - 1) * sizeof(ptbentry));
        e->tb_len--;
        if (e->tb_dropped < 255) e->tb_dropped++;
    }
    ptbentry *t = &e->tb[e->tb_len++];
    t->file = file;
    t->line = line;
    t->fn = fn;
}

void exc_print_tb(pout *o, pv exc) {
    pexc *e = (pexc *)exc;
    if (!rt_isinstance_type(pv_type(exc), &t_BaseException)) return;
    if (e->tb_len) out_str(o, "Traceback (most recent call last):\n");
    for (int i = e->tb_len - 1; i >= 0; i--) {
        ptbentry *t = &e->tb[i];
        out_str(o, "  File \"");
        out_n(o, t->file->data, t->file->len);
        out_str(o, "\", line ");
        out_int(o, t->line);
        if (t->fn) {
            out_str(o, ", in ");
            out_n(o, t->fn->data, t->fn->len);
        }
        out_char(o, '\n');
        if (i == TB_MAX / 2 && e->tb_dropped) {
            out_str(o, "  [");
            out_int(o, e->tb_dropped);
            out_str(o, " more frames]\n");
        }
    }
    out_str(o, e->type->name->data);
    out_str(o, ": ");
    exc_print(o, exc, false);
    out_char(o, '\n');
}

bool exc_matches(pv exc, pv cls) {
    if (pv_is(cls, &t_tuple)) {
        ptuple *t = (ptuple *)cls;
        for (size_t i = 0; i < t->len; i++)
            if (exc_matches(exc, t->items[i])) return true;
        return false;
    }
    if (!pv_is(cls, &t_type) || !rt_isinstance_type((const ptype *)cls, &t_BaseException))
        rt_raise_msg(&t_TypeError, "catching classes that do not inherit from BaseException is not allowed");
    return rt_isinstance_type(pv_type(exc), (const ptype *)cls);
}

_Noreturn void rt_raise(pv exc) {
    pjmp *j = rt_jmp;
    PITH_ASSERT(j != NULL); /* every raise has a TRY to land in */
    rt_jmp = j->prev;
    j->exc = exc;
    pith_longjmp(j->buf, 1);
}

_Noreturn void rt_memory_error(size_t bytes) {
    mem_bytes = bytes;
    mem_exc.tb_len = 0;
    mem_exc.tb_dropped = 0;
    rt_raise((pv)&mem_exc);
}

_Noreturn void rt_raise_msg(const ptype *t, const char *msg) { raise_str(t, msg, strlen(msg)); }

/* A tiny formatter for messages: %d (int), %u (unsigned), %s (C string), %c. */
_Noreturn void rt_raise_fmt(const ptype *t, const char *fmt, ...) {
    char buf[96];
    size_t n = 0;
    va_list ap;
    va_start(ap, fmt);
    for (const char *p = fmt; *p && n < sizeof buf - 24; p++) {
        if (*p != '%') {
            buf[n++] = *p;
            continue;
        }
        p++;
        if (*p == 'd' || *p == 'u') {
            long v = *p == 'd' ? (long)va_arg(ap, int) : (long)va_arg(ap, unsigned);
            char tmp[24];
            int k = 0;
            unsigned long u = v < 0 ? (unsigned long)-v : (unsigned long)v;
            do tmp[k++] = (char)('0' + u % 10); while ((u /= 10) != 0);
            if (v < 0) buf[n++] = '-';
            while (k) buf[n++] = tmp[--k];
        } else if (*p == 's') {
            const char *s = va_arg(ap, const char *);
            while (*s && n < sizeof buf - 24) buf[n++] = *s++;
        } else if (*p == 'c') {
            buf[n++] = (char)va_arg(ap, int);
        } else {
            buf[n++] = '%';
            if (!*p) break;
        }
    }
    va_end(ap);
    raise_str(t, buf, n);
}

_Noreturn void rt_raise_type_op(const char *op, pv a, pv b) {
    rt_raise_fmt(&t_TypeError, "unsupported types for %s: '%s', '%s'", op, rt_type_name(a), rt_type_name(b));
}
