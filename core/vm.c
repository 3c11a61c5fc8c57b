/* vm.c — the bytecode interpreter: frames, calls, exceptions, generators.
 *
 * Python calls do not recurse in C: a call pushes a frame on the VM's own
 * stack (chunks allocated in the arena, used strictly last-in first-out)
 * and the same loop carries on in the callee. Constructing an instance
 * whose __init__ is Python code, and a `for` loop over a generator, work
 * the same way. Only C code calling back into Python (a sort key, a
 * special method called by an operator) starts a nested loop, bounded by
 * rt_check_stack.
 *
 * A generator keeps its frame inside the generator object; resuming it
 * links that frame above the caller's, and `yield` unlinks it again.
 *
 * Exceptions are C longjmps (rt_raise). The loop catches them, records a
 * traceback line for each frame it leaves, and resumes at the innermost
 * handler record. A record is two stack slots pushed by a SETUP_
 * instruction: its kind and handler offset, and the offset of the record
 * below it. An except clause runs above the previous exception being
 * handled and the caught one, so leaving it in any way restores the
 * former. */
#include <stddef.h>
#include <string.h>

#include "bytecode.h"
#include "compiler.h"
#include "hal.h"
#include "vm.h"

typedef struct frame {
    struct frame *prev;
    pfun *fun;
    const uint8_t *ip;
    pv *sp;
    int16_t handler;    /* offset of the top handler record from the stack base, -1: none */
    uint8_t nlocals;    /* the value stack starts after the locals */
    uint8_t flags;
    pv locals[];
} frame;

enum {
    F_C_ENTRY = 1,      /* returning from it ends the current run() */
    F_GEN = 2,          /* lives in a generator object */
    F_CONSTRUCT = 4,    /* an __init__ called for a new instance: return the instance */
    F_YFROM = 4,        /* (generators) resumed by the `yield from` of the frame below */
    F_FORITER = 8,      /* a generator resumed by FOR_ITER: yield pushes to the caller */
    F_RUNNING = 16,
    F_DONE = 32,
    F_STARTED = 64,
    F_BINDING = 128,    /* arguments being bound: an error leaves no traceback line here */
};

typedef struct {
    const ptype *type;
    frame f;
} pgen;

typedef struct chunk {
    struct chunk *prev;
    pv *top, *end;
    pv data[];
} chunk;

#define STACK(f) ((f)->locals + (f)->nlocals)
#define FRAME_WORDS ((sizeof(frame) + sizeof(pv) - 1) / sizeof(pv))
#define CHUNK_WORDS_MAX 256
#define MAX_DEPTH 400
#define RESERVE 160        /* bytes a new chunk must leave free in one piece: a RuntimeError with its traceback */
#define GEN_OF(f) ((pgen *)((char *)(f) - offsetof(pgen, f)))

static frame *cur;
static chunk *chunks;
static chunk *spare;       /* a small chunk emptied: kept for reuse, so calls allocate nothing */
#define SPARE_MAX_WORDS 64
static int depth;
static pv handling;        /* the exception an except clause is handling */
static pv reraising;       /* what rt_raise(PV_NULL) re-raises */
pv vm_main_globals, vm_last_exc, vm_intern, vm_extra_roots[VM_ROOTS];

/* ---- the instruction table ---- */
#define X(n, f, s) F_##f,
const uint8_t op_format[OP_COUNT] = {PITH_OPCODES(X)};
#undef X

int op_length(const uint8_t *ip) {
    switch (op_format[*ip]) {
    case F_N: return 1;
    case F_B: return 2;
    case F_A: return (ip[1] & 0x80) ? 3 : 2;
    case F_J: case F_BB: return 3;
    case F_JB: return 4;
    case F_AB: return (ip[1] & 0x80) ? 4 : 3;
    default: return 5; /* F_JBB */
    }
}

void vm_reset(void) {
    cur = NULL;
    chunks = spare = NULL;
    depth = 0;
    handling = reraising = PV_NULL;
    vm_main_globals = vm_last_exc = vm_intern = PV_NULL;
    memset(vm_extra_roots, 0, sizeof vm_extra_roots);
}

/* The stack chunks stay without their words scanned: the frames' used
 * slots were marked, and stale ones must keep nothing alive. Called after
 * all marking, as the collector rescans every marked block when its mark
 * stack overflowed. */
void vm_mark_chunks(void) {
    gc_mark_shallow(spare);
    for (chunk *c = chunks; c; c = c->prev) gc_mark_shallow(c);
}

void vm_mark_roots(void) {
    for (frame *f = cur; f; f = f->prev) {
        if (f->flags & F_GEN) gc_mark((pv)GEN_OF(f));
        gc_mark((pv)f->fun);
        gc_mark_range(f->locals, (size_t)(f->sp - f->locals));
    }
    gc_mark(vm_main_globals);
    gc_mark(vm_intern);
    gc_mark(handling);
    gc_mark(reraising);
    gc_mark_range(vm_extra_roots, VM_ROOTS);
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
         * chunk headers; when the heap is fragmented, a chunk just the
         * frame's size will do */
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
            if (!c && n > words) {
                n = words;
                c = gc_alloc_try(sizeof(chunk) + n * sizeof(pv));
            }
            if (!c) too_deep();
            c->end = c->data + n;
        }
        c->prev = chunks;
        c->top = c->data;
        chunks = c;
        /* leave room for the RuntimeError and its traceback */
        if (!gc_has_free(RESERVE)) {
            gc_collect();
            if (!gc_has_free(RESERVE)) {
                chunks = c->prev;
                gc_free(c);
                too_deep();
            }
        }
    }
    frame *f = (frame *)chunks->top;
    chunks->top += words;
    memset(f, 0, FRAME_WORDS * sizeof(pv) + co->nlocals * sizeof(pv));
    f->fun = fn;
    f->ip = co->code;
    f->nlocals = co->nlocals;
    f->sp = f->locals + co->nlocals;
    f->handler = -1;
    depth++;
    return f;
}

/* A generator's frame is over: what its slots held may go (the generator
 * object is scanned whole, stale slots included). */
static void gen_finish(frame *f) {
    f->flags = (uint8_t)((f->flags & ~(F_RUNNING | F_FORITER | F_C_ENTRY | F_YFROM)) | F_DONE);
    f->prev = NULL;
    memset(f->locals, 0, (f->nlocals + f->fun->code->stack) * sizeof(pv));
    f->sp = STACK(f);
}

static void free_frame(frame *f) {
    depth--;
    if (f->flags & F_GEN) return;
    chunks->top = (pv *)f;
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

static pv cell_new(pv v) {
    pcell *c = gc_alloc(sizeof(pcell));
    c->type = &t_cell;
    c->value = v;
    return (pv)c;
}

/* Bind call arguments into a frame's locals. The frame must be reachable
 * (linked, or inside a rooted generator): binding allocates. */
static void bind(frame *f, pfun *fn, pv self, int n, const pv *args, int nkw, const pv *kw) {
    pcode *co = fn->code;
    int np = co->nargs, nk = co->nkwonly, given = n + (self ? 1 : 0);
    pv *L = f->locals;
    const ptuple *names = (const ptuple *)co->names;
    if (given > np && !(co->flags & CODE_VARARGS)) {
        if (np == 0 && given == 1 && self) rt_raise_msg(&t_TypeError, "function takes 0 positional arguments but 1 were given");
        rt_raise_fmt(&t_TypeError, "function takes %d positional arguments but %d were given", np, given);
    }
#define POS(i) (self ? ((i) == 0 ? self : args[(i) - 1]) : args[i])
    int ncopy = given < np ? given : np;
    for (int i = 0; i < ncopy; i++) L[i] = POS(i);
    int vslot = np + nk;
    if (co->flags & CODE_VARARGS) {
        int extra = given - ncopy;
        pv t = tuple_new((size_t)extra);
        for (int i = 0; i < extra; i++) ((ptuple *)t)->items[i] = POS(ncopy + i);
        L[vslot++] = t;
    }
#undef POS
    pv kwd = PV_NULL;
    if (co->flags & CODE_VARKW) L[vslot] = kwd = dict_new(0);
    for (int i = 0; i < nkw; i++) {
        pv name = kw[2 * i];
        int slot = -1;
        for (int k = 0; k < np + nk; k++) {
            pv pn = names->items[k];
            if (pn == name || str_eq((const pstr *)pn, (const pstr *)name)) {
                slot = k;
                break;
            }
        }
        if (slot < 0) {
            if (!kwd) rt_raise_fmt(&t_TypeError, "unexpected keyword argument '%s'", ((pstr *)name)->data);
            dict_set(kwd, name, kw[2 * i + 1]);
        } else if (L[slot]) {
            rt_raise_fmt(&t_TypeError, "function got multiple values for argument '%s'", ((pstr *)name)->data);
        } else {
            L[slot] = kw[2 * i + 1];
        }
    }
    const ptuple *d = (const ptuple *)fn->defaults;
    int nd = d ? (int)d->len - (nk ? 1 : 0) : 0, missing = 0;
    for (int k = given; k < np; k++) {
        if (L[k]) continue;
        if (k >= np - nd) L[k] = d->items[k - (np - nd)];
        else missing++;
    }
    if (missing) rt_raise_fmt(&t_TypeError, "function missing %d required positional arguments", missing);
    if (nk) {
        pv kwdefs = d ? d->items[d->len - 1] : PV_NULL;
        for (int k = np; k < np + nk; k++) {
            if (L[k]) continue;
            pv v = kwdefs && kwdefs != PV_NONE ? dict_get(kwdefs, names->items[k]) : PV_NULL;
            if (!v) rt_raise_fmt(&t_TypeError, "function missing required keyword argument '%s'", ((pstr *)names->items[k])->data);
            L[k] = v;
        }
    }
    const uint8_t *cs = co->cells;
    for (int i = 0; i < co->ncells; i++) L[cs[i]] = cell_new(L[cs[i]]);
    int base = co->nlocals - co->nfree;
    for (int i = 0; i < co->nfree; i++) L[base + i] = fn->closure[i];
}

/* A new frame for fn above the current one, with the arguments bound. A
 * binding error unwinds through it without a traceback line of its own. */
static frame *enter(pfun *fn, pv self, int n, const pv *args, int nkw, const pv *kw) {
    frame *f = alloc_frame(fn);
    f->prev = cur;
    f->flags = F_BINDING;
    cur = f;
    bind(f, fn, self, n, args, nkw, kw);
    f->flags = 0;
    return f;
}

/* The same with no frame below: a binding error leaves no frame behind. */
__attribute__((noinline)) static frame *enter_top(pfun *fn, pv self, int n, const pv *args, int nkw, const pv *kw) {
    frame *f = alloc_frame(fn);
    f->prev = cur;
    cur = f;
    pjmp j;
    if (TRY(j)) {
        bind(f, fn, self, n, args, nkw, kw);
        TRY_END(j);
    } else {
        gc_root_restore(j.roots);
        cur = f->prev;
        free_frame(f);
        rt_raise(j.exc);
    }
    return f;
}

/* Calling a generator function makes the generator, its frame bound. */
static pv gen_new(pfun *fn, pv self, int n, const pv *args, int nkw, const pv *kw, pv *slot) {
    pcode *co = fn->code;
    size_t words = FRAME_WORDS + co->nlocals + co->stack;
    pgen *g = gc_alloc(sizeof(pv) + words * sizeof(pv));
    g->type = &t_gen;
    frame *f = &g->f;
    f->fun = fn;
    f->ip = co->code;
    f->nlocals = co->nlocals;
    f->sp = f->locals + co->nlocals;
    f->handler = -1;
    f->flags = F_GEN;
    *slot = (pv)g; /* rooted where the caller's result goes */
    bind(f, fn, self, n, args, nkw, kw);
    return (pv)g;
}

/* ---- line numbers ---- */
static uint32_t line_of(const pcode *co, const uint8_t *ip) {
    uint32_t off = (uint32_t)(ip - co->code), pos = 0;
    int32_t line = co->firstline;
    const uint8_t *p = co->lines, *end = co->lines + co->nlines;
    while (p + 1 < end) {
        if (pos + p[0] > off) break;
        pos += p[0];
        line += (int8_t)p[1];
        p += 2;
    }
    return (uint32_t)line;
}

static void add_traceback(pv exc, frame *f) {
    pcode *co = f->fun->code;
    /* ip points after the opcode that raised */
    exc_add_tb(exc, co->file, line_of(co, f->ip - 1), co->name);
}

/* ---- names ---- */
static pv builtin_lookup(pv name) {
    const ptable *t = &builtins_table;
    for (unsigned i = 0; i < t->n; i++)
        if ((pv)t->items[i].name == name) return t->items[i].value;
    return PV_NULL;
}

static _Noreturn void name_error(pv name) {
    rt_raise_fmt(&t_NameError, "name '%s' isn't defined", ((pstr *)name)->data);
}

static pv load_global(frame *f, pv name) {
    pv v = dict_get(f->fun->globals, name);
    if (!v) v = builtin_lookup(name);
    if (!v) name_error(name);
    return v;
}

pv vm_globals(void) { return cur ? cur->fun->globals : vm_main_globals; }

pv vm_locals(void) {
    if (cur && (cur->fun->code->flags & CODE_NSLOT)) return cur->locals[0];
    return vm_globals();
}

/* ---- the loop ---- */
int vm_poll_count = 64; /* gc.c sets it to 1 after a collection */

#define PUSH(v) (*sp++ = (v))
#define POP() (*--sp)
#define TOP() (sp[-1])
#define ARG() (a = *ip++, (a & 0x80) ? (a = ((a & 0x7F) << 8) | *ip++) : a)
#define JREL() (ip += 2, (int16_t)(ip[-2] | ip[-1] << 8))
#define CONSTS(f) (((ptuple *)(f)->fun->code->consts)->items)
#define NAMES(f) (((ptuple *)(f)->fun->code->names)->items)

static pv import_from(pv module, pv name) {
    pv v = rt_getattr_try(module, (pstr *)name);
    if (!v) rt_raise_fmt(&t_ImportError, "cannot import name %s", ((pstr *)name)->data);
    return v;
}

/* Leave handler records of frame f for a return or a jump, down to `keep`
 * records: true when a finally block was entered ((value, kind) pushed,
 * ip at its start); except clauses left on the way restore `handling`. */
static bool leave_records(frame *f, pv **spp, const uint8_t **ipp, int keep, pv value, int kind) {
    int nh = 0;
    for (int h = f->handler; h >= 0; h = (int)PV_INT(STACK(f)[h + 1])) nh++;
    while (nh > keep) {
        pv *rec = STACK(f) + f->handler;
        int32_t info = (int32_t)PV_INT(rec[0]);
        f->handler = (int16_t)PV_INT(rec[1]);
        nh--;
        int k = info >> 16;
        if (k == REC_CLAUSE) {
            handling = rec[-2] == PV_NONE ? PV_NULL : rec[-2];
        } else if (k == REC_FINALLY) {
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

static pv run(pv exc);

/* Python called from C runs a nested loop on the C stack: VM_STEP bytes
 * cover the path from here to the next such call (run, dispatch, and C
 * code such as '%r' formatting that calls a __repr__). Short of that, the
 * call goes on in a stack segment. */
#define VM_STEP 640
#define VM_SEGMENT 1920 /* three levels of a __repr__ calling repr() */
typedef struct {
    pfun *fn;
    pv self, r;
    int n, nkw;
    const pv *args, *kw;
} far_call;

static void call_far(void *p) {
    far_call *a = p;
    a->r = vm_call_self(a->fn, a->self, a->n, a->args, a->nkw, a->kw);
}

pv vm_call_self(pfun *fn, pv self, int n, const pv *args, int nkw, const pv *kw) {
    if (rt_stack_low(VM_STEP)) {
        far_call a = {fn, self, PV_NULL, n, nkw, args, kw};
        pv keep[2] = {(pv)fn, self}; /* the segment's allocation may collect */
        gc_root_push(&keep[0]);
        gc_root_push(&keep[1]);
        rt_stack_call(VM_SEGMENT, call_far, &a);
        gc_root_pop(2);
        return a.r;
    }
    rt_check_stack();
    if (fn->code->flags & CODE_GENERATOR) {
        pv slot = PV_NULL;
        gc_root_push(&slot);
        gen_new(fn, self, n, args, nkw, kw, &slot);
        gc_root_pop(1);
        return slot;
    }
    pv keep = (pv)fn; /* until the frame holds it: entering may collect */
    gc_root_push(&keep);
    frame *f;
    if (cur) {
        /* a binding error unwinds through the new frame into the caller's
         * frame, whose run loop catches it: no TRY here, which keeps this
         * C frame small (nested calls from C cost the device's C stack) */
        f = enter(fn, self, n, args, nkw, kw);
    } else {
        f = enter_top(fn, self, n, args, nkw, kw);
    }
    gc_root_pop(1);
    f->flags |= F_C_ENTRY;
    return run(PV_NULL);
}

pv vm_call_function(pfun *fn, int n, const pv *args, int nkw, const pv *kw) {
    return vm_call_self(fn, PV_NULL, n, args, nkw, kw);
}

pv vm_run_module(pcode *code, pv globals) {
    return vm_exec(code, globals, globals);
}

pv vm_exec(pcode *code, pv globals, pv locals) {
    pv keep = (pv)code;
    gc_root_push(&keep);
    pv fn = fun_new(code, globals, PV_NULL);
    gc_root_pop(1);
    return vm_call_function((pfun *)fn, 1, &locals, 0, NULL);
}

/* An exception reached the run loop: leave frames until one has a handler
 * (true: resume there) or the frame C called us through is gone (false).
 * `prev` follows the exception being handled before this one: an except
 * clause left on the way restores its own. */
static bool unwind(pv exc) {
    frame *f = cur;
    bool reraise = exc == PV_NULL;
    pv prev = handling;
    if (reraise) exc = reraising;
    reraising = PV_NULL;
    handling = exc; /* a root while its traceback is allocated */
    for (;;) {
        if (!reraise && !(f->flags & F_BINDING)) add_traceback(exc, f);
        reraise = false;
        while (f->handler >= 0) {
            pv *rec = STACK(f) + f->handler;
            int32_t info = (int32_t)PV_INT(rec[0]);
            f->handler = (int16_t)PV_INT(rec[1]);
            int k = info >> 16;
            if (k == REC_NONE) continue;
            if (k == REC_CLAUSE) {
                /* leaving an except clause: its exception is over */
                prev = rec[-2] == PV_NONE ? PV_NULL : rec[-2];
                continue;
            }
            f->sp = rec;
            if (k == REC_EXCEPT) {
                /* the handler runs above the exception handled before this one */
                *f->sp++ = prev ? prev : PV_NONE;
                *f->sp++ = exc;
                handling = exc;
            } else {
                *f->sp++ = exc;
                *f->sp++ = PV_FROM_INT(FIN_EXC);
                handling = prev;
            }
            f->ip = f->fun->code->code + (info & 0xFFFF);
            return true;
        }
        /* a frame whose arguments were being bound was entered from C, but
         * that C code is gone with the longjmp: on to the caller's frame */
        bool last = (f->flags & (F_C_ENTRY | F_BINDING)) == F_C_ENTRY;
        cur = f->prev;
        if (f->flags & F_GEN) {
            gen_finish(f);
            /* PEP 479, as today's MicroPython: a StopIteration leaving a
             * generator's frame would look like its end to the caller */
            if (rt_isinstance_type(pv_type(exc), &t_StopIteration)) {
                pv e = exc_msg_try(&t_RuntimeError, "generator raised StopIteration");
                if (e) exc = handling = e;
            }
        }
        free_frame(f);
        if (last) {
            handling = prev;
            reraising = exc;
            return false;
        }
        f = cur;
    }
}

static pv dispatch(pjmp *j, pv exc);

/* The setjmp lives here, not in dispatch: under Emscripten every call made
 * by a function that calls setjmp goes through a JS wrapper. `exc`: raise
 * it in the current frame first (a generator's throw()). */
static pv run(pv exc) {
    volatile pv first = exc;
    for (;;) {
        pjmp j;
        if (TRY(j)) return dispatch(&j, first);
        gc_root_restore(j.roots);
        first = PV_NULL;
        if (!unwind(j.exc)) {
            /* on to the C code that called us: it sees the exception itself */
            pv e = reraising;
            reraising = PV_NULL;
            rt_raise(e);
        }
    }
}

/* ---- generators ---- */
enum { GEN_YIELDED, GEN_RETURNED };

/* Resume g with `send` (or raise `exc` in it) from C: *result gets what it
 * yielded or returned. */
static int gen_resume(pv gv, pv send, pv exc, pv *result) {
    pgen *g = (pgen *)gv;
    frame *f = &g->f;
    if (f->flags & F_RUNNING) rt_raise_msg(&t_ValueError, "generator already executing");
    if (f->flags & F_DONE) {
        if (exc) rt_raise(exc);
        *result = PV_NONE;
        return GEN_RETURNED;
    }
    if (!(f->flags & F_STARTED)) {
        if (send != PV_NONE && !exc) rt_raise_msg(&t_TypeError, "can't send non-None value to a just-started generator");
        f->flags |= F_STARTED;
    } else if (!exc) {
        *f->sp++ = send;
    }
    rt_check_stack();
    if (depth >= MAX_DEPTH) too_deep();
    depth++;
    f->prev = cur;
    f->flags |= F_RUNNING | F_C_ENTRY;
    cur = f; /* the generator is a root while its frame is running */
    /* thrown into a generator waiting in `yield from`: the exception goes
     * to the innermost generator of the chain, whose frames are linked
     * again as they were while it ran */
    while (exc && cur->ip[0] == OP_YIELD_FROM && pv_is(cur->sp[-1], &t_gen)) {
        frame *sub = &((pgen *)cur->sp[-1])->f;
        if ((sub->flags & (F_RUNNING | F_DONE)) || !(sub->flags & F_STARTED)) break;
        if (depth >= MAX_DEPTH) too_deep();
        depth++;
        sub->prev = cur;
        sub->flags |= F_RUNNING | F_YFROM;
        cur = sub;
    }
    pv r = run(exc);
    *result = r;
    return (f->flags & F_DONE) ? GEN_RETURNED : GEN_YIELDED;
}

static pv stop_iteration(pv value) {
    pv t = tuple_new(1);
    ((ptuple *)t)->items[0] = value;
    gc_root_push(&t);
    pv e = exc_new(&t_StopIteration, t);
    gc_root_pop(1);
    return e;
}

pv vm_gen_send(pv g, pv value, bool *done) {
    pv r;
    *done = gen_resume(g, value, PV_NULL, &r) == GEN_RETURNED;
    return r;
}

/* next(g): PV_NULL when it returned. */
static pv gen_next(pv g) {
    pv r;
    return gen_resume(g, PV_NONE, PV_NULL, &r) == GEN_YIELDED ? r : PV_NULL;
}

/* Resume, raising StopIteration(value) when it returns. */
static pv gen_send_or_stop(pv g, pv send, pv exc) {
    pv r;
    if (gen_resume(g, send, exc, &r) == GEN_YIELDED) return r;
    if (r == PV_NONE) rt_raise(exc_new(&t_StopIteration, tuple_new(0)));
    gc_root_push(&r);
    pv e = stop_iteration(r);
    rt_raise(e);
}

static pv gen_send_fn(int n, const pv *args, int nkw, const pv *kw) {
    if (!pv_is(args[0], &t_gen)) rt_raise_fmt(&t_TypeError, "argument should be a 'generator' not a '%s'", rt_type_name(args[0]));
    return gen_send_or_stop(args[0], args[1], PV_NULL);
}

/* What `raise X` raises: X, or an instance when X is a class. */
static pv make_exc(pv t, pv value) {
    if (pv_type(t) == &t_type) t = value && value != PV_NONE ? rt_call1(t, value) : rt_call0(t);
    if (!rt_isinstance_type(pv_type(t), &t_BaseException)) rt_raise_msg(&t_TypeError, "exceptions must derive from BaseException");
    return t;
}

static pv gen_throw_fn(int n, const pv *args, int nkw, const pv *kw) {
    if (!pv_is(args[0], &t_gen)) rt_raise_fmt(&t_TypeError, "argument should be a 'generator' not a '%s'", rt_type_name(args[0]));
    pv e = make_exc(args[1], n > 2 ? args[2] : PV_NULL);
    return gen_send_or_stop(args[0], PV_NONE, e);
}

static pv gen_close_fn(int n, const pv *args, int nkw, const pv *kw) {
    pv gv = args[0];
    if (!pv_is(gv, &t_gen)) rt_raise_fmt(&t_TypeError, "argument should be a 'generator' not a '%s'", rt_type_name(gv));
    frame *f = &((pgen *)gv)->f;
    if ((f->flags & F_DONE) || !(f->flags & F_STARTED)) {
        f->flags |= F_DONE;
        return PV_NONE;
    }
    /* PEP 380: a generator in `yield from` closes the generator it
     * delegates to first, then gets GeneratorExit itself (or what that
     * close raised), even when the inner one returned */
    pv exc = PV_NULL;
    pjmp j;
    if (f->ip[0] == OP_YIELD_FROM && pv_is(f->sp[-1], &t_gen)) {
        pv inner = f->sp[-1];
        if (TRY(j)) {
            gen_close_fn(1, &inner, 0, NULL);
            TRY_END(j);
        } else {
            gc_root_restore(j.roots);
            exc = j.exc;
        }
    }
    if (TRY(j)) {
        pv r;
        int how = gen_resume(gv, PV_NONE, exc ? exc : exc_new(&t_GeneratorExit, tuple_new(0)), &r);
        TRY_END(j);
        if (how == GEN_YIELDED) rt_raise_msg(&t_RuntimeError, "generator ignored GeneratorExit");
        return PV_NONE;
    }
    gc_root_restore(j.roots);
    if (exc_matches(j.exc, (pv)&t_GeneratorExit) || exc_matches(j.exc, (pv)&t_StopIteration)) return PV_NONE;
    rt_raise(j.exc);
}

static BUILTIN(gen_send, send, 2, 2, false);
static BUILTIN(gen_throw, throw, 2, 3, false);
static BUILTIN(gen_close, close, 1, 1, false);
TABLE(gen_locals, MEMBER(send, &gen_send), MEMBER(throw, &gen_throw), MEMBER(close, &gen_close));

static void gen_print(pout *o, pv self, bool repr) {
    out_str(o, "<generator object '");
    out_str(o, ((pgen *)self)->f.fun->code->name->data);
    out_str(o, "'>");
}

const ptype t_gen = {TYPE_HEAD(generator), .print = gen_print, .next = gen_next, .locals = &gen_locals};

/* ---- calls ---- */

/* A call the loop can make without recursing in C: a Python function, a
 * bound method of one, or a class whose __init__ is one. Returns CALL_FRAME
 * with *nf the new frame, CALL_DONE when the result is in *slot (a new
 * generator), or CALL_OTHER (the caller uses rt_call). */
enum { CALL_OTHER, CALL_FRAME, CALL_DONE };
static int call_inline(pv fn, pv self, int n, const pv *args, int nkw, const pv *kw, pv *slot, frame **nf) {
    const ptype *t = pv_type(fn);
    if (t == &t_bound && !self) {
        pbound *b = (pbound *)fn;
        if (!pv_is(b->fn, &t_function)) return CALL_OTHER;
        self = b->self;
        fn = b->fn;
        t = &t_function;
    }
    if (t == &t_function) {
        pfun *pf = (pfun *)fn;
        if (pf->code->flags & CODE_GENERATOR) {
            gen_new(pf, self, n, args, nkw, kw, slot);
            return CALL_DONE;
        }
        *nf = enter(pf, self, n, args, nkw, kw);
        return CALL_FRAME;
    }
    if (t == &t_type && !self && class_is((const ptype *)fn)) {
        pv init = class_init_of((const ptype *)fn);
        if (!init) return CALL_OTHER;
        *slot = class_alloc((const ptype *)fn);
        *nf = enter((pfun *)init, *slot, n, args, nkw, kw);
        (*nf)->flags |= F_CONSTRUCT;
        return CALL_FRAME;
    }
    return CALL_OTHER;
}

/* ---- the dispatch loop ---- */
__attribute__((noinline)) static pv dispatch(pjmp *j, pv exc) {
    frame *f;
    pv *sp;
    const uint8_t *ip;
    unsigned a;
    pv yv; /* a value being yielded */

    f = cur;
    sp = f->sp;
    ip = f->ip;
    if (exc) {
        f->ip = ip + 1; /* the traceback names the yield it was thrown into */
        if (f->ip > f->fun->code->code + f->fun->code->ncode) f->ip = ip;
        rt_raise(exc);
    }

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
            a = *ip++;
            if (!f->locals[a]) rt_raise_msg(&t_NameError, "local variable referenced before assignment");
            PUSH(f->locals[a]);
            break;
        case OP_STORE_FAST: a = *ip++; f->locals[a] = POP(); break;
        case OP_DELETE_FAST:
            a = *ip++;
            if (!f->locals[a]) rt_raise_msg(&t_NameError, "local variable referenced before assignment");
            f->locals[a] = PV_NULL;
            break;
        case OP_LOAD_DEREF: {
            a = *ip++;
            pv v = ((pcell *)f->locals[a])->value;
            if (!v) rt_raise_msg(&t_NameError, "local variable referenced before assignment");
            PUSH(v);
            break;
        }
        case OP_STORE_DEREF: a = *ip++; ((pcell *)f->locals[a])->value = POP(); break;
        case OP_DELETE_DEREF: {
            a = *ip++;
            pcell *c = (pcell *)f->locals[a];
            if (!c->value) rt_raise_msg(&t_NameError, "local variable referenced before assignment");
            c->value = PV_NULL;
            break;
        }
        case OP_LOAD_CLOSURE: a = *ip++; PUSH(f->locals[a]); break;
        case OP_LOAD_GLOBAL: {
            a = *ip++;
            pv v = load_global(f, NAMES(f)[a]);
            PUSH(v);
            break;
        }
        case OP_STORE_GLOBAL:
            a = *ip++;
            dict_set(f->fun->globals, NAMES(f)[a], TOP());
            sp--;
            break;
        case OP_DELETE_GLOBAL:
            a = *ip++;
            if (!dict_del(f->fun->globals, NAMES(f)[a])) name_error(NAMES(f)[a]);
            break;
        case OP_LOAD_NAME: {
            a = *ip++;
            pv name = NAMES(f)[a];
            pv v = dict_get(f->locals[0], name);
            if (!v) v = load_global(f, name);
            PUSH(v);
            break;
        }
        case OP_STORE_NAME:
            a = *ip++;
            dict_set(f->locals[0], NAMES(f)[a], TOP());
            sp--;
            break;
        case OP_DELETE_NAME:
            a = *ip++;
            if (!dict_del(f->locals[0], NAMES(f)[a])) name_error(NAMES(f)[a]);
            break;
        case OP_LOAD_ATTR: ARG(); TOP() = rt_getattr(TOP(), (pstr *)CONSTS(f)[a]); break;
        case OP_STORE_ATTR:
            ARG();
            rt_setattr(sp[-1], (pstr *)CONSTS(f)[a], sp[-2]);
            sp -= 2;
            break;
        case OP_DELETE_ATTR:
            ARG();
            rt_delattr(sp[-1], (pstr *)CONSTS(f)[a]);
            sp--;
            break;
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
        case OP_CALL_EX: {
            int o = ip[-1];
            int npos, nkw;
            pv *fnslot, fn, self = PV_NULL, *args, *kw;
            if (o == OP_CALL_EX) {
                int method = *ip++;
                fnslot = sp - 2 - (method ? 2 : 1);
                fn = fnslot[0];
                if (method) {
                    if (fn) self = fnslot[1];
                    else fn = fnslot[1];
                }
                /* the dict becomes (name, value) pairs in a tuple, in its slot */
                pdict *dd = (pdict *)sp[-1];
                pv t = tuple_new(2 * (size_t)dd->used);
                nkw = 0;
                for (size_t i = 0; i < dd->filled; i++) {
                    pentry *e = &dd->entries[i];
                    if (!e->key) continue;
                    if (!pv_is(e->key, &t_str)) rt_raise_msg(&t_TypeError, "keywords must be strings");
                    ((ptuple *)t)->items[2 * nkw] = e->key;
                    ((ptuple *)t)->items[2 * nkw + 1] = e->value;
                    nkw++;
                }
                sp[-1] = t;
                kw = ((ptuple *)t)->items;
                npos = (int)((plist *)sp[-2])->len;
                args = ((plist *)sp[-2])->items;
            } else {
                npos = *ip++;
                nkw = *ip++;
                kw = sp - 2 * nkw;
                if (o == OP_CALL_METHOD) {
                    fnslot = kw - npos - 2;
                    if (fnslot[0]) {
                        /* meth self args...: self is the first argument */
                        fn = fnslot[0];
                        args = fnslot + 1;
                        npos++;
                    } else {
                        fn = fnslot[1];
                        args = fnslot + 2;
                    }
                } else {
                    fnslot = kw - npos - 1;
                    fn = fnslot[0];
                    args = fnslot + 1;
                }
            }
            if (--vm_poll_count == 0) {
                vm_poll_count = 64;
                rt_poll();
            }
            /* the result goes to fnslot; until then the arguments stay */
            f->ip = ip;
            frame *nf;
            int how = call_inline(fn, self, npos, args, nkw, kw, fnslot, &nf);
            if (how == CALL_FRAME) {
                f->sp = fnslot;
                cur = f = nf;
                sp = f->sp;
                ip = f->ip;
                break;
            }
            pv r = how == CALL_DONE ? *fnslot : self ? rt_call_self(fn, self, npos, args, nkw, kw)
                                                     : rt_call(fn, npos, args, nkw, kw);
            sp = fnslot;
            PUSH(r);
            break;
        }
        case OP_ARGS_COLLECT: {
            int npos = *ip++, nkw = *ip++;
            pv *base = sp - npos - 2 * nkw;
            pv l = list_new((size_t)npos);
            memcpy(((plist *)l)->items, base, (size_t)npos * sizeof(pv));
            /* not in base[0] yet: with no positionals that slot is above sp,
             * or holds the first keyword's name */
            gc_root_push(&l);
            pv d = dict_new((size_t)nkw);
            gc_root_push(&d);
            for (int i = 0; i < nkw; i++) dict_set(d, base[npos + 2 * i], base[npos + 2 * i + 1]);
            gc_root_pop(2);
            base[0] = l;
            base[1] = d;
            sp = base + 2;
            break;
        }
        case OP_LOAD_SUBSCR: {
            pv idx = POP(), obj = TOP();
            if (PV_IS_INT(idx) && PV_IS_OBJ(obj)) {
                /* b[i] of a bytearray or a list, i a small int in range */
                intptr_t i = PV_INT(idx);
                if (PV_OBJ(obj)->type == &t_bytearray) {
                    parray *ar = (parray *)obj;
                    if (i < 0) i += (intptr_t)ar->len;
                    if (i >= 0 && i < (intptr_t)ar->len) {
                        TOP() = PV_FROM_INT(ar->data[i]);
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
                parray *ar = (parray *)obj;
                intptr_t i = PV_INT(idx), x = PV_INT(v);
                if (i < 0) i += (intptr_t)ar->len;
                if (i >= 0 && i < (intptr_t)ar->len && x >= 0 && x < 256) {
                    ar->data[i] = (uint8_t)x;
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
                intptr_t p = PV_INT(x), q = PV_INT(y), v = 0;
                switch (o & ~OP_INPLACE) {
                case OP_ADD: v = p + q; r = SMALL_FITS(v) ? PV_FROM_INT(v) : PV_NULL; break;
                case OP_SUB: v = p - q; r = SMALL_FITS(v) ? PV_FROM_INT(v) : PV_NULL; break;
                case OP_AND: r = PV_FROM_INT(p & q); break;
                case OP_LT: r = PV_BOOL(p < q); break;
                case OP_LE: r = PV_BOOL(p <= q); break;
                case OP_GT: r = PV_BOOL(p > q); break;
                case OP_GE: r = PV_BOOL(p >= q); break;
                case OP_EQ: r = PV_BOOL(p == q); break;
                case OP_NE: r = PV_BOOL(p != q); break;
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
            int rel = JREL();
            int o = *ip++;
            pv r = rt_binary(o, sp[-2], sp[-1]);
            if (rt_truthy(r)) {
                sp[-2] = sp[-1];
                sp--;
            } else {
                sp--;
                sp[-1] = PV_FALSE;
                ip += rel - 1; /* relative to the byte after the jump's operand */
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
        case OP_BUILD_SET: {
            ARG();
            pv s = set_new(&t_set);
            *sp = s; /* above the items: rooted while they are added */
            f->sp = sp + 1;
            for (unsigned i = 0; i < a; i++) set_add(s, sp[-(int)a + (int)i]);
            sp -= a;
            PUSH(s);
            break;
        }
        case OP_BUILD_DICT: {
            ARG();
            pv d = dict_new(a);
            *sp = d;
            f->sp = sp + 1;
            for (unsigned i = 0; i < a; i++) dict_set(d, sp[-2 * (int)a + 2 * (int)i], sp[-2 * (int)a + 2 * (int)i + 1]);
            sp -= 2 * a;
            PUSH(d);
            break;
        }
        case OP_BUILD_STRING: {
            ARG();
            vstr s;
            size_t n = 0;
            for (unsigned i = 0; i < a; i++) n += ((pstr *)sp[-(int)a + (int)i])->len;
            vstr_init(&s, n + 1);
            for (unsigned i = 0; i < a; i++) vstr_add(&s, ((pstr *)sp[-(int)a + (int)i])->data, ((pstr *)sp[-(int)a + (int)i])->len);
            pv keep = (pv)s.buf;
            gc_root_push(&keep);
            pv r = vstr_to_str(&s, &t_str);
            gc_root_pop(1);
            sp -= a;
            PUSH(r);
            break;
        }
        case OP_FORMAT_VALUE: {
            int fl = *ip++;
            pv spec = (fl & 4) ? POP() : PV_NULL;
            pv v = TOP();
            int conv = fl & 3;
            if (conv == 2 || conv == 3) v = rt_repr(v);
            else if (conv == 1) v = rt_str(v);
            TOP() = v;
            TOP() = spec && ((pstr *)spec)->len ? rt_format(v, spec) : rt_str(v);
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
        case OP_SET_ADD: {
            ARG();
            pv v = POP();
            set_add(sp[-(int)a], v);
            break;
        }
        case OP_DICT_STORE: {
            ARG();
            pv v = POP();
            pv k = POP();
            dict_set(sp[-(int)a], k, v);
            break;
        }
        case OP_LIST_EXTEND: {
            ARG();
            pv l = sp[-(int)a - 1];
            pv it = rt_iter(TOP());
            TOP() = it;
            pv v;
            while ((v = rt_next(it)) != PV_NULL) list_append(l, v);
            sp--;
            break;
        }
        case OP_SET_UPDATE: {
            ARG();
            pv s = sp[-(int)a - 1];
            pv it = rt_iter(TOP());
            TOP() = it;
            pv v;
            while ((v = rt_next(it)) != PV_NULL) set_add(s, v);
            sp--;
            break;
        }
        case OP_DICT_UPDATE: {
            ARG();
            pv d = sp[-(int)a - 1], src = TOP();
            if (pv_is(src, &t_dict)) {
                pdict *sd = (pdict *)src;
                for (size_t i = 0; i < sd->filled; i++)
                    if (sd->entries[i].key) dict_set(d, sd->entries[i].key, sd->entries[i].value);
            } else {
                pv self;
                pv keys = rt_lookup_method(src, &N(keys), &self);
                keys = self ? rt_call(keys, 1, &self, 0, NULL) : rt_call0(keys);
                TOP() = keys;
                pv it = rt_iter(keys);
                TOP() = it;
                *sp = src; /* keep the mapping too: one slot above the stack */
                f->sp = sp + 1;
                pv k = PV_NULL;
                gc_root_push(&k);
                while ((k = rt_next(it)) != PV_NULL) {
                    pv v = rt_subscr(src, k, SUB_LOAD);
                    dict_set(d, k, v);
                }
                gc_root_pop(1);
            }
            sp--;
            break;
        }
        case OP_LIST_TO_TUPLE: {
            plist *l = (plist *)TOP();
            pv t = tuple_new(l->len);
            memcpy(((ptuple *)t)->items, l->items, l->len * sizeof(pv));
            TOP() = t;
            break;
        }
        case OP_UNPACK:
        case OP_UNPACK_EX: {
            unsigned before, after = 0;
            bool ex = ip[-1] == OP_UNPACK_EX;
            if (ex) {
                before = *ip++;
                after = *ip++;
            } else {
                ARG();
                before = a;
            }
            size_t n;
            pv seq = TOP();
            pv *items;
            if (pv_is(seq, &t_tuple) || pv_is(seq, &t_list)) {
                items = rt_unpack(seq, &n);
            } else {
                /* any iterable: collect into a list first */
                pv l = list_new(0);
                *sp = l;
                f->sp = sp + 1;
                pv it = rt_iter(seq);
                sp[-1] = it;
                pv v;
                while ((v = rt_next(it)) != PV_NULL) {
                    list_append(l, v);
                    if (!ex && ((plist *)l)->len > before)
                        rt_raise_fmt(&t_ValueError, "too many values to unpack (expected %d)", (int)before);
                }
                sp[-1] = l;
                items = rt_unpack(l, &n);
            }
            if (!ex) {
                if (n != before) {
                    if (n < before) rt_raise_fmt(&t_ValueError, "need more than %d values to unpack", (int)n);
                    rt_raise_fmt(&t_ValueError, "too many values to unpack (expected %d)", (int)before);
                }
                sp--;
                for (size_t i = before; i > 0; i--) PUSH(items[i - 1]);
            } else {
                if (n < before + after) rt_raise_fmt(&t_ValueError, "need more than %d values to unpack", (int)n);
                size_t mid = n - before - after;
                pv rest = list_new(mid);
                items = rt_unpack(TOP(), &n); /* may have moved: list items */
                memcpy(((plist *)rest)->items, items + before, mid * sizeof(pv));
                pv src = TOP();
                sp--;
                /* stack: last item deepest, first item on top */
                for (size_t i = 0; i < after; i++) PUSH(rt_unpack(src, &n)[n - 1 - i]);
                PUSH(rest);
                for (size_t i = before; i > 0; i--) PUSH(rt_unpack(src, &n)[i - 1]);
            }
            break;
        }
        case OP_POP_TOP: sp--; break;
        case OP_DUP_TOP: sp[0] = sp[-1]; sp++; break;
        case OP_DUP_TOP_TWO: sp[0] = sp[-2]; sp[1] = sp[-1]; sp += 2; break;
        case OP_ROT_TWO: { pv t = sp[-1]; sp[-1] = sp[-2]; sp[-2] = t; break; }
        case OP_ROT_THREE: { pv t = sp[-1]; sp[-1] = sp[-2]; sp[-2] = sp[-3]; sp[-3] = t; break; }
        case OP_JUMP: {
            int rel = JREL();
            if (rel < 0 && --vm_poll_count == 0) {
                vm_poll_count = 64;
                f->ip = ip;
                rt_poll();
            }
            ip += rel;
            break;
        }
        case OP_POP_JUMP_IF_FALSE: {
            int rel = JREL();
            pv v = POP();
            if (v == PV_FALSE || (v != PV_TRUE && !rt_truthy(v))) ip += rel;
            break;
        }
        case OP_POP_JUMP_IF_TRUE: {
            int rel = JREL();
            pv v = POP();
            if (v == PV_TRUE || (v != PV_FALSE && rt_truthy(v))) ip += rel;
            break;
        }
        case OP_JUMP_IF_FALSE_OR_POP: {
            int rel = JREL();
            if (!rt_truthy(TOP())) ip += rel;
            else sp--;
            break;
        }
        case OP_JUMP_IF_TRUE_OR_POP: {
            int rel = JREL();
            if (rt_truthy(TOP())) ip += rel;
            else sp--;
            break;
        }
        case OP_GET_ITER: TOP() = rt_iter(TOP()); break;
        case OP_FOR_ITER: {
            int rel = JREL();
            pv it = TOP();
            if (pv_is(it, &t_gen)) {
                frame *g = &((pgen *)it)->f;
                if (!(g->flags & (F_RUNNING | F_DONE))) {
                    /* resume the generator in this loop */
                    if (depth >= MAX_DEPTH) too_deep();
                    depth++;
                    if (g->flags & F_STARTED) *g->sp++ = PV_NONE;
                    g->flags |= F_STARTED | F_RUNNING | F_FORITER;
                    f->ip = ip;
                    f->sp = sp;
                    g->prev = f;
                    cur = f = g;
                    sp = f->sp;
                    ip = f->ip;
                    break;
                }
            }
            pv v = rt_next(it);
            if (v) {
                PUSH(v);
            } else {
                sp--;
                ip += rel;
            }
            break;
        }
        case OP_RANGE_SETUP: {
            int n = *ip++;
            pv *base = sp - n - 1;
            if (base[0] == (pv)&t_range) {
                intptr_t v[3] = {0, 0, 1};
                for (int i = 0; i < n; i++) {
                    pv x = base[1 + i];
                    if (!PV_IS_INT(x)) {
                        if (!pv_is(x, &t_int) && !pv_is(x, &t_bool))
                            rt_raise_fmt(&t_TypeError, "can't convert %s to int", rt_type_name(x));
                        int64_t w = rt_to_int(x);
                        if (!SMALL_FITS(w)) rt_raise_msg(&t_OverflowError, "range argument too large");
                        x = PV_FROM_INT(w);
                    }
                    v[n == 1 ? 1 : i] = PV_INT(x);
                }
                if (v[2] == 0) rt_raise_msg(&t_ValueError, "zero step");
                base[0] = PV_FROM_INT(v[0]);
                base[1] = PV_FROM_INT(v[1]);
                base[2] = PV_FROM_INT(v[2]);
            } else {
                /* not the built-in range: call it and iterate the result */
                pv r = rt_call(base[0], n, base + 1, 0, NULL);
                base[1] = r;
                base[0] = rt_iter(r);
                base[1] = PV_NONE;
                base[2] = PV_NONE;
            }
            sp = base + 3;
            break;
        }
        case OP_FOR_RANGE: {
            int rel = JREL();
            pv step = sp[-1];
            if (!PV_IS_INT(step)) {
                pv v = rt_next(sp[-3]);
                if (v) {
                    PUSH(v);
                } else {
                    sp -= 3;
                    ip += rel;
                }
                break;
            }
            intptr_t c = PV_INT(sp[-3]), stop = PV_INT(sp[-2]), st = PV_INT(step);
            if (st > 0 ? c < stop : c > stop) {
                intptr_t nx = c + st;
                sp[-3] = SMALL_FITS(nx) ? PV_FROM_INT(nx) : PV_FROM_INT(stop);
                PUSH(PV_FROM_INT(c));
                if (--vm_poll_count == 0) {
                    vm_poll_count = 64;
                    rt_poll();
                }
            } else {
                sp -= 3;
                ip += rel;
            }
            break;
        }
        case OP_SETUP_EXCEPT:
        case OP_SETUP_FINALLY:
        case OP_SETUP_NONE: {
            int o = ip[-1];
            int kind = o == OP_SETUP_EXCEPT ? REC_EXCEPT : o == OP_SETUP_FINALLY ? REC_FINALLY : REC_NONE;
            int rel = JREL();
            uint32_t target = (uint32_t)(ip + rel - f->fun->code->code);
            PUSH(PV_FROM_INT((int32_t)(target | (uint32_t)kind << 16)));
            PUSH(PV_FROM_INT(f->handler));
            f->handler = (int16_t)(sp - 2 - STACK(f));
            break;
        }
        case OP_SETUP_CLAUSE:
            PUSH(PV_FROM_INT(REC_CLAUSE << 16));
            PUSH(PV_FROM_INT(f->handler));
            f->handler = (int16_t)(sp - 2 - STACK(f));
            break;
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
            /* prev exc record(2) */
            f->handler = (int16_t)PV_INT(sp[-1]);
            handling = sp[-4] == PV_NONE ? PV_NULL : sp[-4];
            sp -= 4;
            break;
        case OP_RERAISE:
            /* no clause matched: on with the exception, no new traceback line */
            reraising = sp[-1];
            handling = sp[-2] == PV_NONE ? PV_NULL : sp[-2];
            sp -= 2;
            f->sp = sp;
            rt_raise(PV_NULL);
        case OP_END_FINALLY: {
            int kind = (int)PV_INT(sp[-1]);
            pv v = sp[-2];
            sp -= 2;
            if (kind == FIN_EXC) {
                f->sp = sp;
                reraising = v;
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
            unwind_jump: {
                int rel = JREL();
                target = (unsigned)(ip + rel - f->fun->code->code);
                keep = *ip++;
                d = *ip++;
            }
            unwind_jump_with:;
                pv *nsp = sp;
                const uint8_t *nip = ip;
                if (leave_records(f, &nsp, &nip, (int)keep,
                                  PV_FROM_INT((int32_t)(target | keep << 16 | d << 22)), FIN_JUMP)) {
                    sp = nsp;
                    ip = nip;
                    break;
                }
                sp = STACK(f) + d;
                ip = f->fun->code->code + target;
            }
            break;
        }
        case OP_UNWIND_JUMP:
            goto unwind_jump;
        case OP_SETUP_WITH: {
            int rel = JREL();
            uint32_t target = (uint32_t)(ip + rel - f->fun->code->code);
            pv ctx = TOP();
            pv self;
            pv exitm = rt_lookup_method(ctx, &N(__exit__), &self);
            *sp = ctx;
            f->sp = sp + 1;
            if (self) exitm = bound_new(self, exitm);
            TOP() = exitm;
            *sp = ctx;
            f->sp = sp + 1;
            /* __enter__ runs before the block's handler exists: if it
             * raises, __exit__ is not called */
            pv enter_m = rt_lookup_method(ctx, &N(__enter__), &self);
            pv r = self ? rt_call(enter_m, 1, &self, 0, NULL) : rt_call0(enter_m);
            PUSH(PV_FROM_INT((int32_t)(target | REC_FINALLY << 16)));
            PUSH(PV_FROM_INT(f->handler));
            f->handler = (int16_t)(sp - 2 - STACK(f));
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
                reraising = handling;
                rt_raise(PV_NULL);
            }
            if (n == 2) sp--; /* the cause: not kept */
            pv e = make_exc(TOP(), PV_NULL);
            rt_raise(e);
        }
        case OP_RETURN: {
        do_return:;
            pv v = POP();
            if (f->handler >= 0) {
                pv *nsp = sp;
                const uint8_t *nip = ip;
                f->sp = sp;
                if (leave_records(f, &nsp, &nip, 0, v, FIN_RETURN)) {
                    sp = nsp;
                    ip = nip;
                    break;
                }
            }
            frame *caller = f->prev;
            int fl = f->flags;
            if (fl & F_GEN) {
                gen_finish(f);
                *f->sp = v; /* kept alive, uncounted, while C code wraps it in StopIteration */
            }
            if ((fl & (F_CONSTRUCT | F_GEN)) == F_CONSTRUCT) {
                if (v != PV_NONE) rt_raise_fmt(&t_TypeError, "__init__() should return None, not '%s'", rt_type_name(v));
                v = *caller->sp; /* the new instance, where the result goes */
            }
            free_frame(f);
            cur = caller;
            if (fl & F_C_ENTRY) {
                TRY_END(*j);
                return v;
            }
            f = caller;
            sp = f->sp;
            ip = f->ip;
            if (fl & F_FORITER) {
                /* the loop's generator is exhausted: leave the loop */
                int rel = (int16_t)(ip[-2] | ip[-1] << 8);
                sp--;
                ip += rel;
                break;
            }
            if ((fl & (F_GEN | F_YFROM)) == (F_GEN | F_YFROM)) {
                /* `yield from` it is done: its value replaces the iterator */
                sp[-1] = v;
                ip++;
                break;
            }
            PUSH(v);
            break;
        }
        case OP_YIELD_VALUE:
            yv = POP();
            f->ip = ip;
            f->sp = sp;
            goto do_yield;
        case OP_YIELD_FROM: {
            /* iter sent -> result; while the iterator yields, so do we */
            pv sent = sp[-1], it = sp[-2];
            if (pv_is(it, &t_gen) && !(((pgen *)it)->f.flags & (F_RUNNING | F_DONE))) {
                /* a generator: resume it above this frame, in this loop */
                frame *g = &((pgen *)it)->f;
                if (!(g->flags & F_STARTED) && sent != PV_NONE)
                    rt_raise_msg(&t_TypeError, "can't send non-None value to a just-started generator");
                if (depth >= MAX_DEPTH) too_deep();
                depth++;
                if (g->flags & F_STARTED) *g->sp++ = sent;
                g->flags |= F_STARTED | F_RUNNING | F_YFROM;
                f->ip = ip - 1; /* resumed, this frame runs YIELD_FROM again */
                f->sp = sp - 1;
                g->prev = f;
                cur = f = g;
                sp = f->sp;
                ip = f->ip;
                break;
            }
            pv r;
            bool done;
            if (sent != PV_NONE) {
                pv self;
                pv m = rt_lookup_method(it, &N(send), &self);
                pv args[2] = {self, sent};
                r = self ? rt_call(m, 2, args, 0, NULL) : rt_call1(m, sent);
                done = false;
            } else {
                r = rt_next(it);
                done = r == PV_NULL;
                if (done) r = PV_NONE;
            }
            if (done) {
                sp -= 2;
                PUSH(r);
                break;
            }
            /* yield r; on resume run this instruction again with the sent value */
            yv = r;
            f->ip = ip - 1;
            f->sp = sp - 1;
            goto do_yield;
        }
        case OP_MAKE_FUNCTION: {
            ARG();
            int fl = *ip++;
            pcode *co = (pcode *)CONSTS(f)[a];
            pv defaults = (fl & MF_DEFAULTS) ? TOP() : PV_NULL;
            pv fn = fun_new(co, f->fun->globals, defaults);
            const uint8_t *src = co->cells ? co->cells + co->ncells : NULL;
            for (int i = 0; i < co->nfree; i++) ((pfun *)fn)->closure[i] = f->locals[src[i]];
            if (fl & MF_DEFAULTS) TOP() = fn;
            else PUSH(fn);
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
            pv m = TOP();
            if (pv_is(m, &t_module)) {
                pv ns = vm_locals();
                pmodule *mod = (pmodule *)m;
                const ptable *t = mod->globals;
                for (unsigned i = 0; t && i < t->n; i++)
                    if (t->items[i].name->data[0] != '_') dict_set(ns, (pv)t->items[i].name, t->items[i].value);
                if (mod->dict) {
                    pdict *d = (pdict *)mod->dict;
                    for (size_t i = 0; i < d->filled; i++) {
                        pv k = d->entries[i].key;
                        if (k && pv_is(k, &t_str) && ((pstr *)k)->data[0] != '_') dict_set(ns, k, d->entries[i].value);
                    }
                }
            }
            sp--;
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
        continue;
    do_yield:
        /* frame f yields yv (its ip and sp saved): to the frame or the C
         * code that resumed it; a frame that delegated to it with `yield
         * from` yields the value in turn */
        for (;;) {
            frame *caller = f->prev;
            int fl = f->flags;
            f->flags = (uint8_t)(fl & ~(F_RUNNING | F_FORITER | F_C_ENTRY | F_YFROM));
            f->prev = NULL;
            depth--;
            cur = caller;
            if (fl & F_YFROM) {
                f = caller;
                continue;
            }
            if (fl & F_C_ENTRY) {
                TRY_END(*j);
                return yv;
            }
            f = caller;
            sp = f->sp;
            ip = f->ip;
            PUSH(yv);
            break;
        }
    }
}
