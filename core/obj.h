/* obj.h — the value representation and the object model every core file shares.
 *
 * A Python value is one machine word (`pv`):
 *   ...xxx1  a small int, the value shifted left by one (31-bit range on every
 *            board, so arithmetic overflows at the same place everywhere);
 *   ...xx00  a pointer to an object whose first word is its type.
 * Objects live either in the heap arena (gc.c) or in flash as `const` data
 * (None, True, built-in functions, interned names, type objects). The
 * collector only touches pointers into the arena, so flash objects need no
 * care. PV_NULL (0) is never a Python value: it means "absent". */
#ifndef PITH_OBJ_H
#define PITH_OBJ_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "check.h"

typedef uintptr_t pv;
typedef struct ptype ptype;

typedef struct {
    const ptype *type;
} pobj;

#define PV_NULL ((pv)0)
#define PV_IS_INT(v) (((v) & 1) != 0)
#define PV_IS_OBJ(v) (((v) & 3) == 0 && (v) != 0)
#define PV_INT(v) ((intptr_t)(v) >> 1)
#define PV_FROM_INT(i) ((pv)(((uintptr_t)(intptr_t)(i) << 1) | 1))
#define PV_OBJ(v) ((pobj *)(v))
#define PV_FROM_PTR(p) ((pv)(p))
#define SMALL_MIN (-(1L << 30))
#define SMALL_MAX ((1L << 30) - 1)
#define SMALL_FITS(i) ((i) >= SMALL_MIN && (i) <= SMALL_MAX)

/* ---- output streams: the print path writes to hal_stdout or a builder ---- */
typedef struct pout pout;
struct pout {
    void (*write)(pout *out, const char *s, size_t n);
};
extern pout rt_stdout;
void out_str(pout *o, const char *s);
void out_n(pout *o, const char *s, size_t n);
void out_char(pout *o, char c);
void out_int(pout *o, int64_t v);
void out_hex(pout *o, uint64_t v, int upper);

/* A growable byte buffer in the heap (used by str building, repr, join...). */
typedef struct {
    pout out;
    char *buf;
    size_t len, cap;
} vstr;
void vstr_init(vstr *v, size_t cap);
void vstr_add(vstr *v, const char *s, size_t n);
pv vstr_to_str(vstr *v, const ptype *type); /* str or bytes; frees the buffer */

/* ---- types ---- */
enum { OP_ADD, OP_SUB, OP_MUL, OP_FLOORDIV, OP_TRUEDIV, OP_MOD, OP_POW,
       OP_LSHIFT, OP_RSHIFT, OP_AND, OP_OR, OP_XOR,
       OP_LT, OP_LE, OP_GT, OP_GE, OP_EQ, OP_NE, OP_IN, OP_NOT_IN, OP_IS, OP_IS_NOT,
       OP_NEG, OP_POS, OP_INVERT, OP_NOT, OP_BOOL, OP_LEN, OP_HASH, OP_ABS,
       OP_INPLACE = 64 /* added to a binary op for +=, -=, ... */ };

/* A buffer view: what the buffer protocol hands out. */
typedef struct {
    uint8_t *data;
    size_t len;      /* bytes */
    char typecode;   /* 'B' for bytes-like */
    bool writable;
} pbuf;

typedef struct {
    const struct pstr *name;
    pv value;
} pmember;

typedef struct {
    uint16_t n;
    const pmember *items;
} ptable;

/* Subscript actions. */
#define SUB_LOAD PV_NULL
#define SUB_DELETE ((pv)4) /* never a real object address */

/* Types are objects too (their type is t_type), always defined with
 * designated initializers: `const ptype t_x = {TYPE_HEAD(x), .print = ...}`. */
struct ptype {
    const ptype *type;                 /* &t_type */
    const struct pstr *name;
    const ptype *base;                 /* exceptions: the parent class */
    pv (*make)(const ptype *t, int n, const pv *args, int nkw, const pv *kw);
    void (*print)(pout *o, pv self, bool repr);
    pv (*unary)(int op, pv self);      /* PV_NULL: unsupported */
    pv (*binary)(int op, pv lhs, pv rhs); /* PV_NULL: unsupported */
    pv (*subscr)(pv self, pv index, pv value); /* value: SUB_LOAD, SUB_DELETE or a store */
    pv (*iter)(pv self);               /* an iterator object */
    pv (*next)(pv self);               /* PV_NULL when exhausted */
    bool (*buffer)(pv self, pbuf *b, bool for_write);
    pv (*attr)(pv self, const struct pstr *name); /* dynamic attributes; PV_NULL: none */
    const ptable *locals;              /* methods and class attributes */
};

/* ---- objects ---- */
typedef struct pstr {
    const ptype *type;  /* str or bytes */
    uint32_t len;       /* bytes */
    const char *data;   /* NUL-terminated (names are printed with %s) */
} pstr;

typedef struct { const ptype *type; float v; } pfloat;
typedef struct { const ptype *type; size_t len, cap; pv *items; } plist;
typedef struct { const ptype *type; size_t len; pv items[]; } ptuple;
typedef struct { pv key, value; } pentry;
typedef struct {
    const ptype *type;
    uint16_t used, filled, cap;  /* live entries, entries array length, capacity */
    pentry *entries;            /* insertion order; key PV_NULL = deleted */
    uint16_t *index;            /* open addressing over entries (cap*2 slots) or NULL when small */
} pdict;
typedef struct {
    const ptype *type;
    uint8_t *data;
    uint32_t len, cap;  /* items (an arena never holds 2**32) */
    uint16_t exports;   /* live memoryviews; resizing is refused while nonzero */
    char typecode;      /* bytearray: 'B'; array.array: its typecode */
} parray;               /* bytearray and array.array: 32 bytes on a 64-bit host */
typedef struct {
    const ptype *type;
    pv obj;             /* the exporter; keeps it alive */
    uint32_t start;     /* byte offset of the first item in obj's current buffer */
    uint32_t len;       /* items */
    int32_t stride;     /* bytes between items (may be negative) */
    char typecode;
    bool readonly, released;
} pmview;
typedef struct { const ptype *type; pv start, stop, step; } pslice;
typedef struct { const ptype *type; uint16_t used, alloc; pv *table; } pset; /* set, frozenset */
typedef struct { const ptype *type; int32_t start, stop, step; } prange;

/* A compiled function body. Frame slots: positional parameters, keyword-only
 * parameters, *args, **kwargs, then the other locals; the free variables
 * (cells received from the enclosing function) are the last nfree slots.
 * `cells` lists the slots that hold a fresh cell at entry (ncells bytes),
 * then, for each free variable, the slot of the enclosing frame it is
 * captured from when the function object is made (nfree bytes). */
typedef struct pcode {
    const ptype *type;
    const uint8_t *code;       /* bytecode (heap) */
    const uint8_t *lines;      /* line table: pairs (bytecode delta, signed line delta) */
    pv consts;                 /* tuple */
    pv names;                  /* tuple: the name of each scope entry; parameters first */
    const uint8_t *cells;      /* see above; NULL when ncells + nfree == 0 */
    const pstr *name, *file;
    uint16_t ncode, nlines;
    uint16_t firstline;
    uint8_t nargs, nkwonly, nlocals, stack, flags, ncells, nfree;
} pcode;
#define CODE_VARARGS 1
#define CODE_VARKW 2
#define CODE_GENERATOR 4
#define CODE_NSLOT 8       /* a module or class body: slot 0 is the namespace dict */
#define CODE_LAMBDA 16

typedef struct {
    const ptype *type;
    pcode *code;
    pv globals;   /* dict */
    pv defaults;  /* tuple of positional defaults, then the keyword-only
                     defaults dict when the code has keyword-only parameters;
                     or PV_NULL */
    pv closure[]; /* code->nfree cells */
} pfun;

typedef struct { const ptype *type; pv value; } pcell;  /* PV_NULL: empty */

/* A user class: a type object in the heap whose slots dispatch to the
 * special methods found in `dict` (and in the bases, depth first). */
typedef struct {
    ptype t;
    pv dict;         /* the class namespace */
    pv bases;        /* tuple of classes */
    const ptype *native; /* the built-in type instances carry inside (list, dict, ...), or NULL */
    uint8_t ninst;   /* attribute slots a new instance gets (learned from earlier ones) */
    uint8_t flags;
} pclass;
#define CLASS_EXC 1      /* instances are exceptions (pexc) */

/* An instance of a user class: attribute pairs (name, value) in place.
 * A pair whose name is ATTR_MORE holds a dict with the attributes that
 * did not fit; one whose name is ATTR_NATIVE holds the built-in object an
 * instance of a subclass of list, dict... wraps. */
typedef struct {
    const ptype *type;   /* the pclass */
    uint16_t n, cap;     /* pairs used, pairs allocated */
    pv attrs[];
} pinst;
#define ATTR_MORE ((pv)4)
#define ATTR_NATIVE ((pv)8)

typedef pv (*pfn)(int n, const pv *args, int nkw, const pv *kw);
typedef struct {
    const ptype *type;
    pfn fn;
    uint16_t name;     /* index in names_table; bit 15: accepts keyword arguments */
    int8_t min, max;   /* positional argument counts; max -1: any */
} pbuiltin;            /* 12 bytes: there are 150 of them in flash */
#define BUILTIN_KW 0x8000
#define BUILTIN_STATIC 0x4000  /* reached through its type, it takes no self (dict.fromkeys) */
#define BUILTIN_NAME(b) (&names_table[(b)->name & ~(BUILTIN_KW | BUILTIN_STATIC)])
typedef struct { const ptype *type; pv self, fn; } pbound;
/* A module: built-in ones keep their members in a flash table; a module
 * from a file (or one whose attributes were set) keeps them in `dict`,
 * which is searched first. */
typedef struct { const ptype *type; const pstr *name; const ptable *globals; pv dict; } pmodule;

typedef struct { const pstr *file, *fn; uint32_t line; } ptbentry;
#define TB_MAX 12
typedef struct {
    const ptype *type;
    pv args;              /* tuple */
    pv dict;              /* attributes of user exception instances, or PV_NULL */
    ptbentry *tb;         /* heap array of TB_MAX entries, or NULL */
    uint8_t tb_len;
    uint8_t tb_dropped;   /* entries beyond TB_MAX (middle frames) */
    bool tb_lost;         /* no memory for the traceback: no lines rather than some */
} pexc;

/* ---- the built-in types ---- */
extern const ptype t_none, t_bool, t_int, t_float, t_str, t_bytes, t_bytearray,
    t_array, t_list, t_tuple, t_dict, t_range, t_slice, t_memoryview, t_function,
    t_builtin, t_bound, t_module, t_code, t_type, t_iter, t_ellipsis, t_cell, t_gen,
    t_object, t_property, t_staticmethod, t_classmethod, t_super, t_set, t_frozenset, t_methchk,
    t_ordereddict;
extern const ptype t_BaseException, t_Exception, t_SystemExit, t_KeyboardInterrupt,
    t_StopIteration, t_ArithmeticError, t_ZeroDivisionError, t_OverflowError,
    t_AssertionError, t_AttributeError, t_BufferError, t_ImportError, t_LookupError,
    t_IndexError, t_KeyError, t_MemoryError, t_NameError, t_OSError,
    t_RuntimeError, t_NotImplementedError, t_SyntaxError, t_TypeError,
    t_ValueError, t_UnicodeError, t_GeneratorExit;

extern const pobj o_none, o_true, o_false, o_ellipsis, o_notimplemented;
#define PV_NONE PV_FROM_PTR(&o_none)
#define PV_TRUE PV_FROM_PTR(&o_true)
#define PV_FALSE PV_FROM_PTR(&o_false)
#define PV_BOOL(b) ((b) ? PV_TRUE : PV_FALSE)

/* The six comparisons of two C numbers, as the cases of a switch on op. */
#define COMPARE_CASES(x, y) \
    case OP_LT: return PV_BOOL((x) < (y)); \
    case OP_LE: return PV_BOOL((x) <= (y)); \
    case OP_GT: return PV_BOOL((x) > (y)); \
    case OP_GE: return PV_BOOL((x) >= (y)); \
    case OP_EQ: return PV_BOOL((x) == (y)); \
    case OP_NE: return PV_BOOL((x) != (y));

/* An object's type; the checking builds first assert the object is live. */
#ifdef PITH_CHECKS
const ptype *gc_checked_type(pv v);
#define PV_OBJ_TYPE(v) gc_checked_type(v)
#else
#define PV_OBJ_TYPE(v) (PV_OBJ(v)->type)
#endif
static inline const ptype *pv_type(pv v) {
    return PV_IS_INT(v) ? &t_int : PV_OBJ_TYPE(v);
}
static inline bool pv_is(pv v, const ptype *t) {
    return !PV_IS_INT(v) && PV_OBJ_TYPE(v) == t;
}

#define TYPE_HEAD(pyname) .type = &t_type, .name = &names_table[NAME_##pyname]

/* Builtin-function declarations, for flash tables. */
#define BUILTIN(cname, pyname, mn, mx, kwok) \
    const pbuiltin cname = {&t_builtin, cname##_fn, NAME_##pyname | ((kwok) ? BUILTIN_KW : 0), mn, mx}
#define STATIC_BUILTIN(cname, pyname, mn, mx) \
    const pbuiltin cname = {&t_builtin, cname##_fn, NAME_##pyname | BUILTIN_STATIC | BUILTIN_KW, mn, mx}
#define MEMBER(pyname, v) {&names_table[NAME_##pyname], PV_FROM_PTR(v)}
#define TABLE(cname, ...) \
    static const pmember cname##_items[] = {__VA_ARGS__}; \
    const ptable cname = {sizeof(cname##_items) / sizeof(pmember), cname##_items}

#include "names.h"

/* ---- gc.c: the arena ---- */
void gc_init(void *arena, size_t size);
void *gc_alloc(size_t bytes);            /* raises MemoryError */
void *gc_alloc_try(size_t bytes);        /* NULL when out of memory (after a collection) */
bool gc_has_free(size_t bytes);          /* a free run that big exists now */
void *gc_realloc(void *p, size_t bytes); /* raises MemoryError */
void *gc_alloc_leaf(size_t bytes);       /* raw bytes (no pointers in them): never scanned */
void gc_free(void *p);
void gc_each(const ptype *type, void (*fn)(void *obj, void *ctx), void *ctx); /* live objects of a type */
void gc_collect(void);
void gc_info(size_t *used, size_t *free_bytes, size_t *largest);
bool gc_owns(const void *p);
void gc_root_push(pv *slot);   /* a C local the collector must see */
void gc_root_pop(int n);
extern pv gc_young[8];         /* the last allocations are always roots */
extern uint8_t gc_young_n;
extern bool gc_top;           /* allocate from the top of the arena (scratch) */
#ifdef PITH_CHECKS
void gc_check(void);           /* asserts the block table is consistent and free blocks untouched */
extern unsigned long gc_allocs;   /* allocations so far (the host's --fail-alloc counts them) */
extern unsigned long gc_fail_at;  /* that allocation fails as if the heap were full; 0: none */
#endif
extern bool gc_auto;          /* collect when full; false after gc.disable() */
extern uint8_t gc_locked;     /* micropython.heap_lock() depth: allocation fails */
extern uint32_t gc_threshold; /* gc.threshold(): collect after this many bytes */
#define GC_NO_THRESHOLD UINT32_MAX

/* ---- runtime.c: operations on any value ---- */
pv rt_int(int64_t v);
int64_t rt_to_int(pv v);              /* int or bool; TypeError otherwise */
pv rt_uint64(uint64_t u);              /* an int from an unsigned 64-bit value */
uint64_t rt_to_u64_wrap(pv v);         /* an int's low 64 bits, two's complement (struct 'q'/'Q') */
int32_t rt_to_small(pv v);            /* ... and must fit 32 bits */
float rt_to_float(pv v);
pv rt_float(float f);
bool rt_truthy(pv v);
pv rt_unary(int op, pv v);
pv rt_binary(int op, pv a, pv b);
bool rt_equal(pv a, pv b);
uint32_t rt_hash(pv v);
pv rt_call(pv f, int n, const pv *args, int nkw, const pv *kw);
pv rt_call0(pv f);
pv rt_call1(pv f, pv a);
pv rt_call_self(pv f, pv self, int n, const pv *args, int nkw, const pv *kw); /* self first */
void rt_setattr(pv obj, const pstr *name, pv value);  /* AttributeError when refused */
void rt_delattr(pv obj, const pstr *name);
pv rt_format(pv value, pv spec);      /* format(value, spec) */
pv rt_getattr(pv obj, const pstr *name);      /* raises AttributeError */
pv rt_getattr_try(pv obj, const pstr *name);  /* PV_NULL when missing */
pv rt_lookup_method(pv obj, const pstr *name, pv *self); /* for LOAD_METHOD */
pv rt_subscr(pv obj, pv index, pv value);
pv rt_iter(pv obj);
pv rt_next(pv iter);                  /* PV_NULL when exhausted */
size_t rt_len(pv v);
void rt_print(pout *o, pv v, bool repr);
pv rt_repr(pv v);
pv rt_str(pv v);
pv rt_format(pv value, pv spec);      /* format(value, spec): spec a str (str_format.c) */
const char *rt_type_name(pv v);
bool rt_isinstance_type(const ptype *t, const ptype *of);
bool rt_get_buffer(pv v, pbuf *b, bool for_write);
void rt_need_buffer(pv v, pbuf *b, bool for_write); /* raises TypeError */
size_t rt_index(pv index, size_t len, const char *what); /* IndexError "<what> index out of range" */
bool rt_slice_indices(pv slice, size_t len, intptr_t *start, intptr_t *stop, intptr_t *step, size_t *count);
void rt_check_stack(void);            /* RuntimeError when the C stack is nearly gone */
bool rt_stack_low(size_t need);      /* less than `need` bytes of C stack left, and the board can extend it */
void rt_stack_call(size_t size, void (*fn)(void *), void *ctx); /* fn(ctx) on a fresh stack segment of `size` bytes from the heap */
void rt_poll(void);                   /* KeyboardInterrupt when Ctrl-C arrived; runs scheduled callbacks */
size_t rt_stack_used(size_t *limit);  /* C stack bytes in use; *limit: the guard's limit (0: none) */
void sched_run(void);                 /* micropython.schedule's pending callbacks (mod_micropython.c) */
void rt_check_args(int n, int min, int max);
pv rt_kwarg(const pstr *name, int nkw, const pv *kw, pv dflt);
pv *rt_unpack(pv seq, size_t *n);     /* items of a list/tuple, or TypeError */

/* ---- exceptions (exc.c) ---- */
_Noreturn void rt_raise(pv exc);
_Noreturn void rt_raise_msg(const ptype *t, const char *msg);
_Noreturn void rt_raise_arg(const ptype *t, pv arg);   /* t(arg), arg rooted meanwhile */
pv exc_msg_try(const ptype *t, const char *msg); /* t(msg), or PV_NULL when the heap is full: never raises */
_Noreturn void rt_raise_fmt(const ptype *t, const char *fmt, ...);
_Noreturn void rt_raise_type_op(const char *op, pv a, pv b);
_Noreturn void rt_memory_error(size_t bytes);
pv exc_new(const ptype *t, pv args);
pv exc_make(const ptype *t, int n, const pv *args, int nkw, const pv *kw);
void exc_add_tb(pv exc, const pstr *file, uint32_t line, const pstr *fn);
void exc_print_tb(pout *o, pv exc);
bool exc_matches(pv exc, pv cls);     /* cls: a type or a tuple of types */

/* The board may bring a smaller setjmp (PITH_SMALL_JMP: the micro:bit's
 * saves 10 words where newlib's jmp_buf is 23). */
#ifdef PITH_SMALL_JMP
typedef uint32_t pith_jmp_buf[10];
__attribute__((returns_twice)) int pith_setjmp(pith_jmp_buf buf);
_Noreturn void pith_longjmp(pith_jmp_buf buf, int value);
#else
#include <setjmp.h>
typedef jmp_buf pith_jmp_buf;
#define pith_setjmp setjmp
#define pith_longjmp longjmp
#endif
typedef struct pjmp {
    struct pjmp *prev;
    pith_jmp_buf buf;
    pv exc;
    int roots;   /* gc root depth at entry, restored on raise */
} pjmp;
extern pjmp *rt_jmp;
#define TRY(j) ((j).prev = rt_jmp, (j).roots = gc_root_depth(), rt_jmp = &(j), pith_setjmp((j).buf) == 0)
#define TRY_END(j) (rt_jmp = (j).prev)
int gc_root_depth(void);
void gc_root_restore(int depth);

/* ---- constructors and helpers of the object files ---- */
pv str_new(const ptype *t, const char *s, size_t n);
pv str_from_c(const char *s);
pv str_intern(const char *s, size_t n);  /* an interned name: same pointer for same text */
const pstr *str_intern_static(const char *s, size_t n); /* a flash name, or NULL */
uint32_t str_hash_bytes(const char *s, size_t n);
bool str_eq(const pstr *a, const pstr *b);
size_t utf8_len(const char *s, size_t n);
size_t utf8_encode(uint32_t cp, char out[4]); /* bytes written */
pv bytes_repr_prefix(void);
pv list_new(size_t n);
void list_append(pv list, pv item);
pv tuple_new(size_t n);
pv dict_new(size_t cap);
pv dict_get(pv dict, pv key);               /* PV_NULL when absent */
void dict_set(pv dict, pv key, pv value);
bool dict_del(pv dict, pv key);
pv array_new(const ptype *t, char typecode, size_t n);  /* bytearray/array of n zeroed items */
void array_resize(parray *a, size_t items);           /* BufferError when exported */
size_t typecode_size(char tc);
pv typecode_load(char tc, const uint8_t *p);
void typecode_store(char tc, uint8_t *p, pv v);
pv mview_new(pv obj);
pv range_new(int32_t start, int32_t stop, int32_t step);
pv slice_new(pv start, pv stop, pv step);
pv seq_iter_new(pv seq);   /* generic index-based iterator */
pv set_new(const ptype *t);           /* an empty set or frozenset (t_set, t_frozenset) */
void set_add(pv set, pv item);
void *builtin_self(pv self, const ptype *t); /* self of a method, checked: TypeError otherwise */
_Noreturn void builtin_raise(const ptype *t, pv args); /* args: a tuple, PV_NULL for none */
pv *seq_items(pv v, size_t *n);       /* items of a list, tuple or namedtuple; NULL otherwise */
int stdin_char(void);                 /* a terminal byte, Ctrl-C as 3; -1 at the end */
/* An output stream onto a Python file object (print(file=f)): its write
 * method is looked up once and rooted until fileout_close. */
typedef struct { pout out; pv write; } pfileout;
pout *fileout_open(pfileout *fo, pv file); /* rt_stdout for None and sys.stdout */
void fileout_close(pout *o);
extern const pobj sys_stdin_obj, sys_stdout_obj, sys_stderr_obj;
pv sys_module(void);                  /* the sys module (heap: argv, path, modules) */
pv sys_modules(void);                 /* sys.modules: modules imported from files */
pv float_from_str(const char *s, size_t n, bool *ok);
int64_t float_trunc(float f);                 /* toward zero, saturating; no soft doubles */
float float_from_int(int64_t v);              /* rounded to nearest, without soft doubles */
float float_from_f64(const uint8_t p[8]);     /* an IEEE double's bytes, rounded to a float */
void float_to_f64(float f, uint8_t p[8]);
void float_print(pout *o, float f, char fmt, int prec);
pv int_from_str(const char *s, size_t n, int base, bool *ok);
void int_print_base(pout *o, pv v, int base, bool upper); /* any int or bool: sign and digits, no prefix */
pv bound_new(pv self, pv fn);
pv method_check_new(const ptype *owner, pv fn); /* a built-in method taken from its type: checks self */
pv set_new(const ptype *t);           /* an empty set or frozenset */
void set_add(pv set, pv item);

/* ---- classes (obj_class.c) ---- */
bool class_is(const ptype *t);        /* a user class (a pclass) */
pv class_lookup(const ptype *t, const pstr *name); /* in t and its bases, depth first; PV_NULL */
pv class_alloc(const ptype *cls);     /* a new instance, before __init__ */
pv class_init_of(const ptype *cls);   /* __init__ when it is a Python function and no __new__ is, else PV_NULL */
pv inst_lookup(pv obj, const pstr *name, pv *self); /* attribute of an instance, for rt_lookup_method */
pv class_attr(const ptype *cls, const pstr *name);  /* attribute of a class object */
pv super_lookup(pv sup, const pstr *name, pv *self);
pv class_from_type_call(int n, const pv *args);    /* type(name, bases, dict) */
bool inst_setattr(pv obj, const pstr *name, pv value, bool del);
extern const pbuiltin bi_build_class;
pv fun_new(pcode *code, pv globals, pv defaults); /* closure cells are set by the caller */

/* ---- modules ---- */
#define MODULE(cname, pyname, table) const pmodule cname = {&t_module, &names_table[NAME_##pyname], &table, PV_NULL}
pv mod_import(const pstr *name);   /* ImportError when unknown */
extern const ptable builtins_table;
extern uint32_t rand_state[4];
void rand_seed(uint32_t seed);

/* ---- printing helpers ---- */
void print_bytes(pout *o, const uint8_t *p, size_t n, char quote_pref);

#endif
