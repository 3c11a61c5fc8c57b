/* vm.c — the bytecode interpreter.
 *
 * Python calls do not recurse in C: a call pushes a frame on the VM's own
 * stack (chunks allocated in the arena, used strictly last-in first-out)
 * and the same loop carries on in the callee. Only C code calling back
 * into Python (a sort key, a builtin calling a function) starts a nested
 * loop, and that is bounded by rt_check_stack.
 *
 * Exceptions are C longjmps (rt_raise). The loop catches them, records a
 * traceback line for each frame it leaves, and resumes at the innermost
 * handler record. A record is two stack slots pushed by SETUP_EXCEPT /
 * SETUP_FINALLY: the handler's code offset with its kind, and the offset of
 * the record below it. */
#include <string.h>

#include "bytecode.h"
#include "hal.h"
#include "vm.h"

typedef struct frame {
    struct frame *prev;
    pfun *fun;
    const uint8_t *ip;
    pv *sp;
    uint8_t nlocals;    /* the value stack starts after the locals */
    int16_t handler;    /* offset of the top handler record from the stack, -1: none */
    uint8_t c_entry;    /* returning from it ends the current run() */
    uint8_t pad;
    pv locals[];
} frame;

typedef struct chunk {
    struct chunk *prev;
    pv *top, *end;
    pv data[];
} chunk;

#define STACK(f) ((f)->locals + (f)->nlocals)
#define FRAME_WORDS ((sizeof(frame) + sizeof(pv) - 1) / sizeof(pv))
#define CHUNK_WORDS_MAX 256
#define MAX_DEPTH 200

static frame *cur;
static chunk *chunks;
static chunk *spare;       /* a small chunk emptied: kept for reuse, so calls allocate nothing */
#define SPARE_MAX_WORDS 64
static int depth;
static pv handling;        /* the exception an except clause is handling */
pv vm_main_globals, vm_last_exc, vm_intern, vm_extra_roots[4];

void vm_reset(void) {
    cur = NULL;
    chunks = spare = NULL;
    depth = 0;
    handling = PV_NULL;
    vm_main_globals = vm_last_exc = vm_intern = PV_NULL;
    memset(vm_extra_roots, 0, sizeof vm_extra_roots);
}

void vm_mark_roots(void) {
    gc_mark_shallow(spare);
    for (chunk *c = chunks; c; c = c->prev) gc_mark_shallow(c);
    for (frame *f = cur; f; f = f->prev) {
        gc_mark((pv)f->fun);
        gc_mark_range(f->locals, (size_t)(f->sp - f->locals));
    }
    gc_mark(vm_main_globals);
    gc_mark(vm_intern);
    gc_mark(handling);
    gc_mark_range(vm_extra_roots, 4);
    gc_mark(vm_last_exc);
    if (vm_last_exc && !gc_owns((void *)vm_last_exc)) {
        /* the static MemoryError: its traceback names live in the heap */
        pexc *e = (pexc *)vm_last_exc;
        for (int i = 0; e->tb && i < e->tb_len; i++) {
            gc_mark((pv)e->tb[i].file);
            gc_mark((pv)e->tb[i].fn);
        }
        gc_mark(e->args);
    }
}

/* ---- frames ---- */
static _Noreturn void too_deep(void) { rt_raise_msg(&t_RuntimeError, "maximum recursion depth exceeded"); }

static frame *alloc_frame(pfun *fn) {
    pcode *co = fn->code;
    size_t words = FRAME_WORDS + co->nlocals + co->stack;
    if (depth >= MAX_DEPTH) too_deep();
    if (!chunks || chunks->top + words > chunks->end) {
        /* the module's frame gets a chunk of its own size, keeping the
         * idle heap free; later chunks double, so deep recursion pays few
         * chunk headers and little waste at chunk ends */
        size_t n = words;
        if (chunks) {
            size_t prev = (size_t)(chunks->end - chunks->data) * 2;
            if (prev < 32) prev = 32;
            if (prev > CHUNK_WORDS_MAX) prev = CHUNK_WORDS_MAX;
            if (n < prev) n = prev;
        }
        chunk *c = spare;
        if (c && (size_t)(c->end - c->data) >= n) {
            spare = NULL;
        } else {
            c = gc_alloc_try(sizeof(chunk) + n * sizeof(pv));
            if (!c) too_deep();
            c->end = c->data + n;
        }
        c->prev = chunks;
        c->top = c->data;
        chunks = c;
    }
    frame *f = (frame *)chunks->top;
    chunks->top += words;
    memset(f, 0, words * sizeof(pv));
    f->fun = fn;
    f->ip = co->code;
    f->nlocals = co->nlocals;
    f->sp = f->locals + co->nlocals;
    f->handler = -1;
    depth++;
    return f;
}

static void free_frame(frame *f) {
    chunks->top = (pv *)f;
    depth--;
    if (chunks->top == chunks->data && chunks->prev) {
        chunk *c = chunks;
        chunks = c->prev;
        if (!spare && c->end - c->data <= SPARE_MAX_WORDS) {
            spare = c;
        } else {
            gc_free(c);
        }
    }
}

/* Bind call arguments into a new frame's locals. */
static frame *enter(pfun *fn, int n, const pv *args, int nkw, const pv *kw) {
    pcode *co = fn->code;
    int nargs = co->nargs;
    if (n > nargs && !(co->flags & CODE_VARARGS))
        rt_raise_fmt(&t_TypeError, "function takes %d positional arguments but %d were given", nargs, n);
    pv rest = PV_NULL;
    if (co->flags & CODE_VARARGS) {
        int extra = n > nargs ? n - nargs : 0;
        rest = tuple_new((size_t)extra);
        memcpy(((ptuple *)rest)->items, args + nargs, (size_t)extra * sizeof(pv));
    }
    frame *f = alloc_frame(fn);
    int np = n < nargs ? n : nargs;
    if (np) memcpy(f->locals, args, (size_t)np * sizeof(pv));
    if (co->flags & CODE_VARARGS) f->locals[nargs] = rest;
    const ptuple *names = (const ptuple *)((ptuple *)co->consts)->items[((ptuple *)co->consts)->len - 1];
    for (int i = 0; i < nkw; i++) {
        pv name = kw[2 * i];
        int slot = -1;
        for (int k = 0; k < nargs; k++)
            if (names->items[k] == name || str_eq((pstr *)names->items[k], (pstr *)name)) slot = k;
        if (slot < 0) {
            free_frame(f);
            rt_raise_fmt(&t_TypeError, "unexpected keyword argument '%s'", ((pstr *)name)->data);
        }
        if (f->locals[slot]) {
            free_frame(f);
            rt_raise_fmt(&t_TypeError, "function got multiple values for argument '%s'", ((pstr *)name)->data);
        }
        f->locals[slot] = kw[2 * i + 1];
    }
    int firstdef = nargs - co->ndefaults;
    int missing = 0;
    for (int k = 0; k < nargs; k++) {
        if (f->locals[k]) continue;
        if (k >= firstdef && fn->defaults)
            f->locals[k] = ((ptuple *)fn->defaults)->items[k - firstdef];
        else
            missing++;
    }
    if (missing) {
        free_frame(f);
        rt_raise_fmt(&t_TypeError, "function missing %d required positional arguments", missing);
    }
    return f;
}

/* ---- line numbers ---- */
static uint32_t line_of(const pcode *co, const uint8_t *ip) {
    uint32_t off = (uint32_t)(ip - co->code), pos = 0, line = co->firstline;
    const uint8_t *p = co->lines, *end = co->lines + co->nlines;
    while (p + 1 < end) {
        if (p[0] == 0 && p[1] == 0) {
            /* absolute entry: (0,0) (dc,0)... (lo,hi) */
            p += 2;
            uint32_t dc = 0;
            while (p + 1 < end && p[0] == 255 && p[1] == 0) {
                dc += 255;
                p += 2;
            }
            dc += p[0];
            p += 2;
            if (pos + dc > off) break;
            pos += dc;
            line = (uint32_t)(p[0] | p[1] << 8);
            p += 2;
            continue;
        }
        if (pos + p[0] > off) break;
        pos += p[0];
        line += p[1];
        p += 2;
    }
    return line;
}

static void add_traceback(pv exc, frame *f) {
    pcode *co = f->fun->code;
    /* ip points after the opcode that raised */
    exc_add_tb(exc, co->file, line_of(co, f->ip - 1), co->name);
}

/* ---- the loop ---- */
int vm_poll_count = 64; /* gc.c sets it to 1 after a collection */

#define PUSH(v) (*sp++ = (v))
#define POP() (*--sp)
#define TOP() (sp[-1])
#define ARG() (a = *ip++, (a & 0x80) ? (a = ((a & 0x7F) << 8) | *ip++) : a)
#define JARG() (ip += 2, (unsigned)(ip[-2] | ip[-1] << 8))
#define CONSTS(f) (((ptuple *)(f)->fun->code->consts)->items)

static pv import_from(pv module, pv name) {
    pv v = rt_getattr_try(module, (pstr *)name);
    if (!v) rt_raise_fmt(&t_ImportError, "cannot import name %s", ((pstr *)name)->data);
    return v;
}

static pv load_global(frame *f, pv name) {
    pv v = dict_get(f->fun->globals, name);
    if (v) return v;
    const ptable *t = &builtins_table;
    for (unsigned i = 0; i < t->n; i++)
        if ((pv)t->items[i].name == name) return t->items[i].value;
    if (!gc_owns((void *)name)) {
        /* names are interned: a flash name not in the table is undefined */
    }
    rt_raise_fmt(&t_NameError, "name '%s' isn't defined", ((pstr *)name)->data);
}

/* Unwind handler records of frame f for a return or a jump; returns true
 * when a finally block was entered (its (value, kind) pushed). */
static bool enter_finally(frame *f, pv **spp, const uint8_t **ipp, pv value, int kind) {
    while (f->handler >= 0) {
        pv *rec = STACK(f) + f->handler;
        int32_t info = (int32_t)PV_INT(rec[0]);
        f->handler = (int16_t)PV_INT(rec[1]);
        if (info >> 16) {
            pv *sp = rec;
            *sp++ = value;
            *sp++ = PV_FROM_INT(kind);
            *spp = sp;
            *ipp = f->fun->code->code + (info & 0xFFFF);
            return true;
        }
    }
    return false;
}

static pv run(void);

pv vm_call_function(pfun *fn, int n, const pv *args, int nkw, const pv *kw) {
    rt_check_stack();
    pv keep = (pv)fn; /* until the frame holds it: entering may collect */
    gc_root_push(&keep);
    frame *f = enter(fn, n, args, nkw, kw);
    gc_root_pop(1);
    f->prev = cur;
    f->c_entry = 1;
    cur = f;
    return run();
}

pv vm_run_module(pcode *code, pv globals) {
    pv keep = (pv)code;
    gc_root_push(&keep);
    pv fn = fun_new(code, globals, PV_NULL);
    gc_root_pop(1);
    return vm_call_function((pfun *)fn, 0, NULL, 0, NULL);
}

/* An exception reached the run loop: leave frames until one has a handler
 * (true: resume there) or the frame C called us through is gone (false). */
static bool unwind(pv exc) {
    frame *f = cur;
    bool reraise = exc == PV_NULL;
    if (reraise) exc = handling;
    handling = exc; /* a root while its traceback is allocated */
    for (;;) {
        if (!reraise) add_traceback(exc, f);
        reraise = false;
        if (f->handler >= 0) {
            pv *rec = STACK(f) + f->handler;
            int32_t info = (int32_t)PV_INT(rec[0]);
            f->handler = (int16_t)PV_INT(rec[1]);
            f->sp = rec;
            *f->sp++ = exc;
            if (info >> 16) *f->sp++ = PV_FROM_INT(FIN_EXC);
            f->ip = f->fun->code->code + (info & 0xFFFF);
            handling = exc;
            return true;
        }
        bool last = f->c_entry;
        cur = f->prev;
        free_frame(f);
        if (last) {
            handling = exc;
            return false;
        }
        f = cur;
    }
}

static pv dispatch(pjmp *j);

/* The setjmp lives here, not in dispatch: under Emscripten every call made
 * by a function that calls setjmp goes through a JS wrapper. */
static pv run(void) {
    for (;;) {
        pjmp j;
        if (TRY(j)) return dispatch(&j);
        gc_root_restore(j.roots);
        if (!unwind(j.exc)) rt_raise(handling);
    }
}

__attribute__((noinline)) static pv dispatch(pjmp *j) {
    frame *f;
    pv *sp;
    const uint8_t *ip;
    unsigned a;

    f = cur;
    sp = f->sp;
    ip = f->ip;

    for (;;) {
        f->ip = ip + 1; /* past the opcode, like a caller's saved ip: for line numbers */
        f->sp = sp;
        gc_young_n = 0;
        switch (*ip++) {
        case OP_NOP: break;
        case OP_LOAD_CONST: {
            ARG();
            pv v = CONSTS(f)[a];
            PUSH(v);
            break;
        }
        case OP_LOAD_SMALL: PUSH(PV_FROM_INT((int8_t)*ip++)); break;
        case OP_LOAD_NONE: PUSH(PV_NONE); break;
        case OP_LOAD_TRUE: PUSH(PV_TRUE); break;
        case OP_LOAD_FALSE: PUSH(PV_FALSE); break;
        case OP_LOAD_FAST:
            ARG();
            if (!f->locals[a]) rt_raise_msg(&t_NameError, "local variable referenced before assignment");
            PUSH(f->locals[a]);
            break;
        case OP_STORE_FAST: ARG(); f->locals[a] = POP(); break;
        case OP_DELETE_FAST:
            ARG();
            if (!f->locals[a]) rt_raise_msg(&t_NameError, "local variable referenced before assignment");
            f->locals[a] = PV_NULL;
            break;
        case OP_LOAD_NAME: {
            ARG();
            pv v = load_global(f, CONSTS(f)[a]);
            PUSH(v);
            break;
        }
        case OP_STORE_NAME:
            ARG();
            dict_set(f->fun->globals, CONSTS(f)[a], TOP());
            sp--;
            break;
        case OP_DELETE_NAME:
            ARG();
            if (!dict_del(f->fun->globals, CONSTS(f)[a]))
                rt_raise_fmt(&t_NameError, "name '%s' isn't defined", ((pstr *)CONSTS(f)[a])->data);
            break;
        case OP_LOAD_ATTR: ARG(); TOP() = rt_getattr(TOP(), (pstr *)CONSTS(f)[a]); break;
        case OP_STORE_ATTR:
            ARG();
            rt_raise_fmt(&t_AttributeError, "'%s' object has no attribute '%s'", rt_type_name(sp[-1]),
                         ((pstr *)CONSTS(f)[a])->data);
        case OP_LOAD_METHOD: {
            ARG();
            pv self;
            pv m = rt_lookup_method(TOP(), (pstr *)CONSTS(f)[a], &self);
            sp[-1] = self ? m : PV_NULL;
            PUSH(self ? self : m);
            break;
        }
        case OP_CALL_METHOD:
        case OP_CALL:
        case OP_CALL_VAR:
        case OP_CALL_METHOD_VAR: {
            int o = ip[-1];
            int npos = *ip++, nkw = *ip++;
            pv *fnslot, fn, *args;
            int star = o == OP_CALL_VAR || o == OP_CALL_METHOD_VAR;
            pv *kw = sp - 2 * nkw;
            if (o == OP_CALL_METHOD || o == OP_CALL_METHOD_VAR) {
                fnslot = kw - npos - star - 2;
                if (fnslot[0]) {
                    fn = fnslot[0];
                    args = fnslot + 1;
                    npos++;
                } else {
                    fn = fnslot[1];
                    args = fnslot + 2;
                }
            } else {
                fnslot = kw - npos - star - 1;
                fn = fnslot[0];
                args = fnslot + 1;
            }
            if (star) {
                /* splice positional args and the sequence into one tuple */
                size_t nseq;
                pv seqv = kw[-1];
                if (!pv_is(seqv, &t_tuple) && !pv_is(seqv, &t_list)) kw[-1] = seqv = rt_call1((pv)&t_tuple, seqv);
                pv *items = rt_unpack(seqv, &nseq);
                pv t = tuple_new((size_t)npos + nseq);
                items = rt_unpack(seqv, &nseq);
                memcpy(((ptuple *)t)->items, args, (size_t)npos * sizeof(pv));
                memcpy(((ptuple *)t)->items + npos, items, nseq * sizeof(pv));
                kw[-1] = t;  /* keep it alive on the stack */
                args = ((ptuple *)t)->items;
                npos += (int)nseq;
            }
            if (--vm_poll_count == 0) {
                vm_poll_count = 64;
                rt_poll();
            }
            if (pv_is(fn, &t_function)) {
                frame *nf = enter((pfun *)fn, npos, args, nkw, kw);
                f->sp = fnslot;
                f->ip = ip;
                nf->prev = f;
                cur = f = nf;
                sp = f->sp;
                ip = f->ip;
                break;
            }
            pv r = rt_call(fn, npos, args, nkw, kw);
            sp = fnslot;
            PUSH(r);
            break;
        }
        case OP_LOAD_SUBSCR: {
            pv idx = POP(), obj = TOP();
            if (PV_IS_INT(idx) && PV_IS_OBJ(obj)) {
                /* b[i] of a bytearray or a list, i a small int in range */
                intptr_t i = PV_INT(idx);
                if (PV_OBJ(obj)->type == &t_bytearray) {
                    parray *a = (parray *)obj;
                    if (i < 0) i += (intptr_t)a->len;
                    if (i >= 0 && i < (intptr_t)a->len) {
                        TOP() = PV_FROM_INT(a->data[i]);
                        break;
                    }
                } else if (PV_OBJ(obj)->type == &t_list) {
                    plist *l = (plist *)obj;
                    if (i < 0) i += (intptr_t)l->len;
                    if (i >= 0 && i < (intptr_t)l->len) {
                        TOP() = l->items[i];
                        break;
                    }
                }
            }
            TOP() = rt_subscr(obj, idx, SUB_LOAD);
            break;
        }
        case OP_STORE_SUBSCR: {
            pv obj = sp[-2], idx = sp[-1], v = sp[-3];
            if (PV_IS_INT(idx & v) && pv_is(obj, &t_bytearray)) {
                /* b[i] = x of a bytearray: the guide's loop, in place */
                parray *a = (parray *)obj;
                intptr_t i = PV_INT(idx), x = PV_INT(v);
                if (i < 0) i += (intptr_t)a->len;
                if (i >= 0 && i < (intptr_t)a->len && x >= 0 && x < 256) {
                    a->data[i] = (uint8_t)x;
                    sp -= 3;
                    break;
                }
            }
            rt_subscr(obj, idx, v);
            sp -= 3;
            break;
        }
        case OP_DELETE_SUBSCR:
            rt_subscr(sp[-2], sp[-1], SUB_DELETE);
            sp -= 2;
            break;
        case OP_BINARY: {
            int o = *ip++;
            pv x = sp[-2], y = sp[-1], r = PV_NULL;
            if (PV_IS_INT(x & y)) {
                /* small ints: the common arithmetic and comparisons in place */
                intptr_t a = PV_INT(x), b = PV_INT(y), v = 0;
                switch (o & ~OP_INPLACE) {
                case OP_ADD: v = a + b; r = SMALL_FITS(v) ? PV_FROM_INT(v) : PV_NULL; break;
                case OP_SUB: v = a - b; r = SMALL_FITS(v) ? PV_FROM_INT(v) : PV_NULL; break;
                case OP_AND: r = PV_FROM_INT(a & b); break;
                case OP_LT: r = PV_BOOL(a < b); break;
                case OP_LE: r = PV_BOOL(a <= b); break;
                case OP_GT: r = PV_BOOL(a > b); break;
                case OP_GE: r = PV_BOOL(a >= b); break;
                case OP_EQ: r = PV_BOOL(a == b); break;
                case OP_NE: r = PV_BOOL(a != b); break;
                default: break;
                }
            }
            if (!r) r = rt_binary(o, x, y);
            sp--;
            TOP() = r;
            break;
        }
        case OP_UNARY: {
            int o = *ip++;
            TOP() = rt_unary(o, TOP());
            break;
        }
        case OP_COMPARE_CHAIN: {
            unsigned target = JARG();
            int o = *ip++;
            pv r = rt_binary(o, sp[-2], sp[-1]);
            if (rt_truthy(r)) {
                sp[-2] = sp[-1];
                sp--;
            } else {
                sp--;
                sp[-1] = PV_FALSE;
                ip = f->fun->code->code + target;
                /* skip the rest of the chain: its final BINARY op leaves one value,
                 * and we already have it; the target is after that op */
            }
            break;
        }
        case OP_BUILD_TUPLE: {
            ARG();
            pv t = tuple_new(a);
            sp -= a;
            memcpy(((ptuple *)t)->items, sp, a * sizeof(pv));
            PUSH(t);
            break;
        }
        case OP_BUILD_LIST: {
            ARG();
            pv l = list_new(a);
            sp -= a;
            memcpy(((plist *)l)->items, sp, a * sizeof(pv));
            PUSH(l);
            break;
        }
        case OP_BUILD_DICT: {
            ARG();
            pv d = dict_new(a);
            for (unsigned i = 0; i < a; i++) dict_set(d, sp[-2 * (int)a + 2 * (int)i], sp[-2 * (int)a + 2 * (int)i + 1]);
            sp -= 2 * a;
            PUSH(d);
            break;
        }
        case OP_BUILD_SLICE: {
            int n = *ip++;
            if (*ip == OP_LOAD_SUBSCR || *ip == OP_STORE_SUBSCR || *ip == OP_DELETE_SUBSCR) {
                /* x[a:b] used at once: the slice lives on the C stack, so
                 * slicing allocates nothing but its result */
                pslice s = {&t_slice, sp[-n], sp[1 - n], n == 3 ? sp[-1] : PV_NONE};
                pv *obj = sp - n - 1;
                int o = *ip++;
                if (o == OP_LOAD_SUBSCR) {
                    pv r = rt_subscr(*obj, (pv)&s, SUB_LOAD);
                    sp = obj;
                    PUSH(r);
                } else if (o == OP_STORE_SUBSCR) {
                    rt_subscr(*obj, (pv)&s, obj[-1]);
                    sp = obj - 1;
                } else {
                    rt_subscr(*obj, (pv)&s, SUB_DELETE);
                    sp = obj;
                }
                break;
            }
            pv step = n == 3 ? POP() : PV_NONE;
            pv stop = POP();
            TOP() = slice_new(TOP(), stop, step);
            break;
        }
        case OP_LIST_APPEND: {
            ARG();
            pv v = POP();
            list_append(sp[-(int)a], v);
            break;
        }
        case OP_DICT_STORE: {
            ARG();
            pv v = POP();
            pv k = POP();
            dict_set(sp[-(int)a], k, v);
            break;
        }
        case OP_UNPACK: {
            ARG();
            size_t n;
            pv seq = TOP();
            pv *items;
            if (pv_is(seq, &t_tuple) || pv_is(seq, &t_list)) {
                items = rt_unpack(seq, &n);
                if (n != a) {
                    if (n < a) rt_raise_fmt(&t_ValueError, "need more than %d values to unpack", (int)n);
                    rt_raise_fmt(&t_ValueError, "too many values to unpack (expected %d)", (int)a);
                }
                sp--;
                for (size_t i = a; i > 0; i--) PUSH(items[i - 1]);
            } else {
                /* any iterable: collect into a list first */
                pv l = list_new(0);
                sp[-1] = l;
                pv it = rt_iter(seq);
                PUSH(it);
                pv v;
                while ((v = rt_next(it)) != PV_NULL) {
                    list_append(l, v);
                    if (((plist *)l)->len > a) rt_raise_fmt(&t_ValueError, "too many values to unpack (expected %d)", (int)a);
                }
                sp--;
                if (((plist *)l)->len < a) rt_raise_fmt(&t_ValueError, "need more than %d values to unpack", (int)((plist *)l)->len);
                sp--;
                for (size_t i = a; i > 0; i--) PUSH(((plist *)l)->items[i - 1]);
            }
            break;
        }
        case OP_POP_TOP: sp--; break;
        case OP_DUP_TOP: sp[0] = sp[-1]; sp++; break;
        case OP_DUP_TOP_TWO: sp[0] = sp[-2]; sp[1] = sp[-1]; sp += 2; break;
        case OP_ROT_TWO: { pv t = sp[-1]; sp[-1] = sp[-2]; sp[-2] = t; break; }
        case OP_ROT_THREE: { pv t = sp[-1]; sp[-1] = sp[-2]; sp[-2] = sp[-3]; sp[-3] = t; break; }
        case OP_JUMP: {
            unsigned t = JARG();
            const uint8_t *to = f->fun->code->code + t;
            if (to < ip && --vm_poll_count == 0) {
                vm_poll_count = 64;
                f->ip = ip;
                rt_poll();
            }
            ip = to;
            break;
        }
        case OP_POP_JUMP_IF_FALSE: {
            unsigned t = JARG();
            pv v = POP();
            if (v == PV_FALSE || (v != PV_TRUE && !rt_truthy(v))) ip = f->fun->code->code + t;
            break;
        }
        case OP_POP_JUMP_IF_TRUE: {
            unsigned t = JARG();
            pv v = POP();
            if (v == PV_TRUE || (v != PV_FALSE && rt_truthy(v))) ip = f->fun->code->code + t;
            break;
        }
        case OP_JUMP_IF_FALSE_OR_POP: {
            unsigned t = JARG();
            if (!rt_truthy(TOP())) ip = f->fun->code->code + t;
            else sp--;
            break;
        }
        case OP_JUMP_IF_TRUE_OR_POP: {
            unsigned t = JARG();
            if (rt_truthy(TOP())) ip = f->fun->code->code + t;
            else sp--;
            break;
        }
        case OP_GET_ITER: TOP() = rt_iter(TOP()); break;
        case OP_FOR_ITER: {
            unsigned t = JARG();
            pv v = rt_next(TOP());
            if (v) {
                PUSH(v);
            } else {
                sp--;
                ip = f->fun->code->code + t;
            }
            break;
        }
        case OP_RANGE_SETUP: {
            for (int i = 1; i <= 3; i++)
                if (!PV_IS_INT(sp[-i])) {
                    if (pv_is(sp[-i], &t_int) || pv_is(sp[-i], &t_bool)) {
                        int64_t v = rt_to_int(sp[-i]);
                        if (!SMALL_FITS(v)) rt_raise_msg(&t_OverflowError, "range argument too large");
                        sp[-i] = PV_FROM_INT(v);
                    } else {
                        rt_raise_fmt(&t_TypeError, "can't convert %s to int", rt_type_name(sp[-i]));
                    }
                }
            if (PV_INT(sp[-1]) == 0) rt_raise_msg(&t_ValueError, "zero step");
            break;
        }
        case OP_FOR_RANGE: {
            unsigned t = JARG();
            intptr_t c = PV_INT(sp[-3]), stop = PV_INT(sp[-2]), step = PV_INT(sp[-1]);
            if (step > 0 ? c < stop : c > stop) {
                intptr_t nx = c + step;
                sp[-3] = SMALL_FITS(nx) ? PV_FROM_INT(nx) : PV_FROM_INT(stop);
                PUSH(PV_FROM_INT(c));
                if (--vm_poll_count == 0) {
                    vm_poll_count = 64;
                    rt_poll();
                }
            } else {
                sp -= 3;
                ip = f->fun->code->code + t;
            }
            break;
        }
        case OP_SETUP_EXCEPT:
        case OP_SETUP_FINALLY: {
            int kind = ip[-1] == OP_SETUP_FINALLY;
            unsigned t = JARG();
            PUSH(PV_FROM_INT((int32_t)t | kind << 16));
            PUSH(PV_FROM_INT(f->handler));
            f->handler = (int16_t)(sp - 2 - STACK(f));
            break;
        }
        case OP_POP_BLOCK:
            f->handler = (int16_t)PV_INT(sp[-1]);
            sp -= 2;
            break;
        case OP_EXC_MATCH: {
            pv cls = POP();
            bool m = exc_matches(TOP(), cls);
            PUSH(PV_BOOL(m));
            break;
        }
        case OP_POP_EXCEPT:
            sp--;
            handling = PV_NULL;
            break;
        case OP_END_FINALLY: {
            int kind = (int)PV_INT(sp[-1]);
            pv v = sp[-2];
            sp -= 2;
            if (kind == FIN_EXC) {
                f->sp = sp;
                handling = v;
                rt_raise(PV_NULL); /* re-raise: no new traceback line */
            }
            if (kind == FIN_RETURN) {
                PUSH(v);
                goto do_return;
            }
            if (kind == FIN_JUMP) {
                int32_t info = (int32_t)PV_INT(v);
                unsigned target = (unsigned)info & 0xFFFF, keep = ((unsigned)info >> 16) & 0x3F,
                         d = ((unsigned)info >> 22) & 0xFF;
                goto unwind_jump_with;
            unwind_jump:
                target = JARG();
                keep = *ip++;
                d = *ip++;
            unwind_jump_with:;
                int nh = 0;
                for (int h = f->handler; h >= 0; h = (int)PV_INT(STACK(f)[h + 1])) nh++;
                while (nh > (int)keep) {
                    pv *rec = STACK(f) + f->handler;
                    int32_t hinfo = (int32_t)PV_INT(rec[0]);
                    f->handler = (int16_t)PV_INT(rec[1]);
                    nh--;
                    if (hinfo >> 16) {
                        sp = rec;
                        PUSH(PV_FROM_INT((int32_t)(target | keep << 16 | d << 22)));
                        PUSH(PV_FROM_INT(FIN_JUMP));
                        ip = f->fun->code->code + (hinfo & 0xFFFF);
                        goto next_op;
                    }
                }
                sp = STACK(f) + d;
                ip = f->fun->code->code + target;
            }
            break;
        }
        case OP_UNWIND_JUMP:
            goto unwind_jump;
        case OP_WITH_ENTER: {
            unsigned t = JARG();
            pv ctx = TOP();
            pv self;
            pv exit = rt_lookup_method(ctx, &N(__exit__), &self);
            if (self) exit = bound_new(self, exit);
            TOP() = exit;
            PUSH(PV_FROM_INT((int32_t)t | 1 << 16));
            PUSH(PV_FROM_INT(f->handler));
            f->handler = (int16_t)(sp - 2 - STACK(f));
            pv enter_m = rt_lookup_method(ctx, &N(__enter__), &self);
            pv r = self ? rt_call(enter_m, 1, &self, 0, NULL) : rt_call0(enter_m);
            PUSH(r);
            break;
        }
        case OP_WITH_EXIT: {
            int kind = (int)PV_INT(sp[-1]);
            pv args[3] = {PV_NONE, PV_NONE, PV_NONE};
            if (kind == FIN_EXC) {
                args[0] = PV_FROM_PTR(pv_type(sp[-2]));
                args[1] = sp[-2];
            }
            pv r = rt_call(sp[-3], 3, args, 0, NULL);
            if (kind == FIN_EXC && rt_truthy(r)) {
                sp[-2] = PV_NONE;
                sp[-1] = PV_FROM_INT(FIN_NORMAL);
                handling = PV_NULL;
            }
            break;
        }
        case OP_RAISE: {
            int n = *ip++;
            if (n == 0) {
                if (!handling) rt_raise_msg(&t_RuntimeError, "no active exception to reraise");
                rt_raise(PV_NULL);
            }
            pv e = POP();
            if (n == 2) {
                handling = e;
                rt_raise(PV_NULL);
            }
            if (pv_is(e, &t_type)) e = rt_call0(e);
            if (!rt_isinstance_type(pv_type(e), &t_BaseException))
                rt_raise_msg(&t_TypeError, "exceptions must derive from BaseException");
            rt_raise(e);
        }
        case OP_RETURN: {
        do_return:;
            pv v = POP();
            if (f->handler >= 0 && enter_finally(f, &sp, &ip, v, FIN_RETURN)) break;
            frame *caller = f->prev;
            bool done = f->c_entry;
            free_frame(f);
            cur = caller;
            if (done) {
                TRY_END(*j);
                return v;
            }
            f = caller;
            sp = f->sp;
            ip = f->ip;
            PUSH(v);
            break;
        }
        case OP_MAKE_FUNCTION: {
            ARG();
            int has_defaults = *ip++;
            pv code = CONSTS(f)[a];
            if (has_defaults) {
                TOP() = fun_new((pcode *)code, f->fun->globals, TOP());
            } else {
                PUSH(fun_new((pcode *)code, f->fun->globals, PV_NULL));
            }
            break;
        }
        case OP_IMPORT: {
            ARG();
            pv v = mod_import((pstr *)CONSTS(f)[a]);
            PUSH(v);
            break;
        }
        case OP_IMPORT_FROM: {
            ARG();
            pv v = import_from(TOP(), CONSTS(f)[a]);
            PUSH(v);
            break;
        }
        case OP_IMPORT_STAR: {
            pv m = POP();
            if (!pv_is(m, &t_module)) break;
            const ptable *t = ((pmodule *)m)->globals;
            for (unsigned i = 0; i < t->n; i++)
                if (t->items[i].name->data[0] != '_') dict_set(f->fun->globals, (pv)t->items[i].name, t->items[i].value);
            break;
        }
        case OP_PRINT_EXPR: {
            pv v = TOP();
            if (v != PV_NONE) {
                rt_print(&rt_stdout, v, true);
                out_char(&rt_stdout, '\n');
                dict_set(vm_main_globals, (pv)&N(_), v);
            }
            sp--;
            break;
        }
        default:
            rt_raise_msg(&t_RuntimeError, "bad opcode");
        }
    next_op:;
    }
}
