/* compiler.c — Python source to bytecode in one pass, without a syntax tree.
 *
 * The parser is recursive descent over a token stream that never goes
 * back, and it emits code as it reads. Two ideas make that work for Python:
 *
 * Code motion. Where Python runs later what it writes first (assignment
 * targets before the value, a comprehension's element before its loops,
 * `a if c else b`), the compiler emits the first part, cuts that code out
 * into a side buffer, compiles the rest, then pastes the cut code where it
 * belongs. Jumps are relative, so code moves unchanged; each byte moves a
 * bounded number of times, and compile time stays linear.
 *
 * Deferred names. A name's scope is only known once the whole function
 * (even the whole module) has been read: `x` is local if assigned anywhere
 * in the function, a cell if a nested function uses it. So every name is
 * emitted as NAME_LOAD/STORE/DELETE of an entry in its function's scope
 * table, and when the module ends one pass over the tree of functions,
 * parents before children, decides each entry's kind and slot and
 * rewrites those instructions in place (LOAD_FAST, LOAD_DEREF,
 * LOAD_GLOBAL, LOAD_NAME).
 *
 * An expression's parser returns an `edesc` saying whether what it
 * compiled can be an assignment target (a name, attribute, subscript, or a
 * tuple/list of those) and where its code starts; tuple targets leave a
 * record per element in `tgts`, so `a, b[i] = ...` can be turned into
 * stores after the fact. */
#include <string.h>

#include "bytecode.h"
#include "compiler.h"
#include "lexer.h"
#include "obj.h"
#include "pith.h"
#include "vm.h"

/* Kept out of their callers, so a recursion through the parser carries
 * only the frames it uses (the device has 2 KiB of C stack). */
#define NOINLINE __attribute__((noinline))

/* Nesting goes on in a stack segment when the C stack runs short
 * (rt_stack_call): COMPILE_STEP bytes cover any path from one expression
 * or statement to the next, the lexer and a raise included. */
#define COMPILE_STEP 512
#define COMPILE_SEGMENT 1792 /* nesting costs ~250 bytes a level: 4 levels a segment */

#define NO_JUMP 0xFFFF
#define MAX_LOOPS 20
#define MAX_ENTRIES 255

enum { FN_MODULE, FN_FUNCTION, FN_CLASS, FN_GENEXP };
/* scope entry flags */
enum { EF_BOUND = 1, EF_PARAM = 2, EF_GLOBAL = 4, EF_NONLOCAL = 8, EF_HIDDEN = 16, EF_CAPTURED = 32,
       EF_CLASSCELL = 64, EF_PASSTHRU = 128 };
/* what an entry resolves to */
enum { K_FAST, K_CELL, K_FREE, K_GLOBAL, K_NAME };
#define RES_GLOBAL 0xFF

typedef struct {
    uint16_t cont;        /* continue target */
    uint16_t breaks;      /* chain of break jumps to patch to the loop's end */
    int16_t depth;        /* stack depth inside the loop, with the iterator */
    uint8_t slots;        /* stack slots the iterator takes (0, 1 or 3) */
    uint8_t handlers;     /* handler records open at loop entry */
} loop_t;

/* A function being compiled: a heap block (gc_top scratch), on comp.fns. */
typedef struct cfn {
    struct cfn *parent;
    pv code;        /* raw bytes */
    pv lines;       /* raw uint32 entries: code offset | line << 16 */
    pv consts;      /* list */
    pv enames;      /* list: the scope entries' names */
    pv eflags;      /* list: their EF_ flags, as small ints */
    pv comp;        /* list: entries of the comprehension variables in scope */
    pv children;    /* list of srec: the functions defined in this one */
    pv name, star, dstar; /* kept here rather than in C locals: no root per level */
    uint16_t ncode, capcode, nlines, caplines;
    int16_t depth, maxdepth;
    uint16_t nonlocal_line;
    uint8_t handlers, nloops, kind, nparams, flags;
    uint32_t line;
    loop_t loops[MAX_LOOPS];
} cfn;

/* What is kept of a compiled function until names are resolved: a raw
 * heap block, reachable from its parent's `children`. */
typedef struct {
    pcode *code;
    pv children;
    uint16_t nonlocal_line;
    uint8_t kind, n;
    uint8_t data[];   /* flags[n], bind[n] (entry of the parent, or 0xFF), res[n] */
} srec;
#define SR_FLAGS(s) ((s)->data)
#define SR_BIND(s) ((s)->data + (s)->n)
#define SR_RES(s) ((s)->data + 2 * (s)->n)

/* Target records (see the file comment). */
typedef struct {
    uint8_t kind, star;  /* R_BEGIN: star = 1 + index of the starred element, or 0 */
    uint16_t start, fin, n;
} trec;
enum { R_LEAF, R_BEGIN, R_END, R_STAR };

/* What an expression compiled to. */
enum { E_VALUE, E_NAME, E_ATTR, E_SUBSCR, E_SEQ, E_STAR };
typedef struct {
    uint8_t kind;
    uint16_t start, fin;  /* its code; fin: the final load of a name/attr/subscript */
    uint16_t rec;         /* E_SEQ, E_STAR: its first record */
} edesc;

/* The compiler's state lives in the heap (a root while compiling), not
 * on the 2 KiB C stack: its pv fields are seen by the collector. */
typedef struct {
    lexer *L;        /* the token stream (another one while an f-string field compiles) */
    cfn *fn;
    pv fns;          /* list: every function begun and not yet ended (a root) */
    pv sides;        /* list of cut code waiting to be pasted */
    pv tgts;         /* raw block of trec */
    pv lastfn;       /* the srec list of the module (for resolution) */
    pv sub;          /* the outer lexer while an f-string field's lexer runs */
    uint16_t ntgts, captgts;
    uint16_t call_start, call_at; /* the last call compiled: where its callee began, where CALL is */
    bool tgt_on;     /* target records are being kept */
    const pstr *file;
    int mode;
    uint32_t line_at;   /* nonzero: the line for the next instructions (a loop's back jump) */
} comp;

#define test(c) expr_prec(c, P_TEST)
static void testv(comp *c);
static edesc yield_test(comp *c);
static edesc test_tail(comp *c, edesc d, unsigned t0);
static edesc exprlist(comp *c, int prec);
static void block(comp *c);
static void statement(comp *c);
static edesc expr_prec(comp *c, int min);

/* Operator precedence, lowest first. */
enum { P_TEST = 1, P_OR, P_AND, P_NOT, P_CMP, P_BOR, P_BXOR, P_BAND, P_SHIFT, P_ARITH, P_TERM, P_UNARY, P_POWER };

/* ---- errors ---- */
static _Noreturn void syntax_error_at(comp *c, const char *msg, uint32_t line) {
    pv e = exc_new(&t_SyntaxError, PV_NULL);
    gc_root_push(&e);
    pv s = str_from_c(msg);
    gc_root_push(&s);
    pv args = tuple_new(1);
    ((ptuple *)args)->items[0] = s;
    ((pexc *)e)->args = args;
    exc_add_tb(e, c->file, line, NULL);
    gc_root_pop(2);
    rt_raise(e);
}

static _Noreturn void syntax_error(comp *c, const char *msg) {
    syntax_error_at(c, c->L->tok == T_ERROR && c->L->error ? c->L->error : msg, c->L->tline);
}

static void next(comp *c) {
    if (--vm_poll_count <= 0) { /* Ctrl-C stops a long compile too */
        vm_poll_count = 16;
        rt_poll();
    }
    lex_next(c->L);
    if (c->L->tok == T_ERROR) syntax_error(c, c->L->error);
}
static bool accept(comp *c, int tok) {
    if (c->L->tok != tok) return false;
    next(c);
    return true;
}
static void expect(comp *c, int tok) {
    if (!accept(c, tok)) syntax_error(c, "invalid syntax");
}

/* ---- scratch memory (the top of the arena) ---- */
static void *scratch_realloc(void *p, size_t n) {
    gc_top = true;
    p = gc_realloc(p, n);
    gc_top = false;
    return p;
}

static void scratch_append(pv list, pv item) {
    gc_top = true;
    list_append(list, item);
    gc_top = false;
}

static pv scratch_list(void) {
    gc_top = true;
    pv l = list_new(0);
    gc_top = false;
    return l;
}

#define LIST(l) ((plist *)(l))

/* Give a list the compiler made back at once: what is freed early is
 * free at the prompt too (gc.mem_free does not collect). */
static void list_free(pv l) {
    if (!l) return;
    gc_free(LIST(l)->items);
    gc_free((void *)l);
}

/* ---- emitting ---- */
static uint8_t *code_of(cfn *f) { return (uint8_t *)f->code; }
static uint16_t here(comp *c) { return c->fn->ncode; }

static void reserve(comp *c, size_t n) {
    cfn *f = c->fn;
    if ((size_t)f->ncode + n > f->capcode) {
        size_t cap = f->capcode + f->capcode / 2 + n;
        if (cap > 0xFFF0) {
            if ((size_t)f->ncode + n > 0xFFF0) syntax_error(c, "function too long");
            cap = 0xFFF0;
        }
        f->code = (pv)scratch_realloc((void *)f->code, cap);
        f->capcode = (uint16_t)cap;
    }
}

static void byte(comp *c, int b) {
    reserve(c, 1);
    code_of(c->fn)[c->fn->ncode++] = (uint8_t)b;
}

static void add_line_entry(comp *c, uint16_t off, uint32_t line) {
    cfn *f = c->fn;
    if (f->nlines == f->caplines) {
        f->caplines = (uint16_t)(f->caplines * 2 + 8);
        f->lines = (pv)scratch_realloc((void *)f->lines, f->caplines * sizeof(uint32_t));
    }
    ((uint32_t *)f->lines)[f->nlines++] = off | (line > 0xFFFF ? 0xFFFF : line) << 16;
}

static void mark_line(comp *c) {
    cfn *f = c->fn;
    uint32_t line = c->line_at ? c->line_at : c->L->tline;
    if (line == f->line) return;
    f->line = line;
    uint32_t *e = (uint32_t *)f->lines;
    if (f->nlines && (e[f->nlines - 1] & 0xFFFF) == f->ncode) f->nlines--;
    add_line_entry(c, f->ncode, line);
}

static void stack(comp *c, int delta) {
    cfn *f = c->fn;
    f->depth = (int16_t)(f->depth + delta);
    if (f->depth > f->maxdepth) {
        f->maxdepth = f->depth;
        if (f->maxdepth > 250) syntax_error(c, "expression too complex");
    }
}

static void op(comp *c, int o, int delta) {
    mark_line(c);
    byte(c, o);
    stack(c, delta);
}

static void arg(comp *c, unsigned a) {
    if (a < 128) {
        byte(c, (int)a);
    } else {
        byte(c, 0x80 | (int)(a >> 8));
        byte(c, (int)(a & 0xFF));
    }
}

static void op_a(comp *c, int o, unsigned a, int delta) {
    op(c, o, delta);
    arg(c, a);
}

static void op_b(comp *c, int o, int b, int delta) {
    op(c, o, delta);
    byte(c, b);
}

/* Jumps are relative to the byte after their two-byte operand. A jump
 * whose target is not known yet keeps, in its operand, the position of
 * the previous jump of its chain (NO_JUMP ends the chain). */
static uint16_t jump(comp *c, int o, uint16_t chain, int delta) {
    op(c, o, delta);
    uint16_t at = here(c);
    byte(c, chain & 0xFF);
    byte(c, chain >> 8);
    return at;
}

static void patch(comp *c, uint16_t at, uint16_t target) {
    int rel = (int)target - (int)(at + 2);
    code_of(c->fn)[at] = (uint8_t)(rel & 0xFF);
    code_of(c->fn)[at + 1] = (uint8_t)((rel >> 8) & 0xFF);
}

static void patch_chain(comp *c, uint16_t head, uint16_t target) {
    while (head != NO_JUMP) {
        uint8_t *p = code_of(c->fn) + head;
        uint16_t nxt = (uint16_t)(p[0] | p[1] << 8);
        patch(c, head, target);
        head = nxt;
    }
}

static void jump_back(comp *c, int o, uint16_t target, int delta) {
    uint16_t at = jump(c, o, 0, delta);
    patch(c, at, target);
}

/* ---- code motion ---- */
typedef struct {
    pv buf;             /* index in c->sides */
    uint16_t len, nlines;
    int16_t depth;      /* stack effect of the code */
    int16_t peak;       /* its highest depth, relative to its start */
} side_t;

typedef struct {
    uint16_t start;
    int16_t depth;
} mark_t;

/* Start a stretch of code that may be cut. */
static void begin_region(comp *c, mark_t *m) {
    m->start = here(c);
    m->depth = c->fn->depth;
}

/* The children made while some code was compiled: the last ones, one per
 * MAKE_FUNCTION in it. */
static size_t children_in(comp *c, const uint8_t *code, size_t n) {
    size_t k = 0;
    for (const uint8_t *p = code, *end = code + n; p < end; p += op_length(p))
        if (*p == OP_MAKE_FUNCTION) k++;
    return LIST(c->fn->children)->len - k;
}

/* Its peak stack depth, relative to its start, for when it moves. Not
 * measured: the function's highest depth so far bounds it, which costs a
 * little frame space when code moves deeper, and no C stack. */
static void end_region(comp *c, const mark_t *m, int16_t *peak) {
    if (peak) *peak = (int16_t)(c->fn->maxdepth - m->depth);
}

/* Cut the code from m->start to the end (with its line entries) into a
 * side buffer; the stack depth goes back to what it was at the mark. */
static void cut(comp *c, const mark_t *m, int16_t peak, side_t *s) {
    cfn *f = c->fn;
    uint16_t n = (uint16_t)(f->ncode - m->start);
    uint16_t first = f->nlines;
    uint32_t *e = (uint32_t *)f->lines;
    while (first > 0 && (e[first - 1] & 0xFFFF) >= m->start) first--;
    if (n && first > 0 && (first == f->nlines || (e[first] & 0xFFFF) != m->start)) {
        /* the cut code starts on the line in effect there: say so */
        add_line_entry(c, f->ncode, 0);
        e = (uint32_t *)f->lines;
        memmove(&e[first + 1], &e[first], (size_t)(f->nlines - 1 - first) * sizeof(uint32_t));
        e[first] = m->start | (e[first - 1] & 0xFFFF0000u);
    }
    s->nlines = (uint16_t)(f->nlines - first);
    gc_top = true;
    uint8_t *b = gc_alloc((size_t)n + s->nlines * sizeof(uint32_t) + 1);
    gc_top = false;
    memcpy(b, code_of(f) + m->start, n);
    s->buf = (pv)b;
    scratch_append(c->sides, s->buf);
    s->len = n;
    /* line entries go after the code, unaligned-safe */
    for (uint16_t i = 0; i < s->nlines; i++) {
        uint32_t v = e[first + i] - m->start;
        memcpy(b + n + i * 4, &v, 4);
    }
    f->nlines = first;
    f->line = first ? e[first - 1] >> 16 : 0;
    f->ncode = m->start;
    s->depth = (int16_t)(f->depth - m->depth);
    s->peak = peak;
    f->depth = m->depth;
}

/* The code, then its line entries (4 bytes each, unaligned). */
static const uint8_t *side_code(const side_t *s) { return (const uint8_t *)s->buf; }

/* Paste bytes [from, to) of a side buffer here, with their line entries. */
static void paste_part(comp *c, const side_t *s, uint16_t from, uint16_t to, bool lines) {
    cfn *f = c->fn;
    uint16_t at = here(c);
    reserve(c, (size_t)(to - from));
    memcpy(code_of(f) + at, side_code(s) + from, (size_t)(to - from));
    f->ncode = (uint16_t)(f->ncode + (to - from));
    if (!lines) return;
    const uint8_t *le = side_code(s) + s->len;
    for (uint16_t i = 0; i < s->nlines; i++) {
        uint32_t v;
        memcpy(&v, le + i * 4, 4);
        uint16_t off = v & 0xFFFF;
        if (off < from && i + 1 < s->nlines) {
            uint32_t w;
            memcpy(&w, le + (i + 1) * 4, 4);
            if ((w & 0xFFFF) <= from) continue;
        }
        if (off < from) off = from; /* the line in effect where the part starts */
        if (off >= to) continue;
        uint32_t line = v >> 16;
        uint32_t *e = (uint32_t *)f->lines;
        uint16_t pos = (uint16_t)(at + off - from);
        if (f->nlines && (e[f->nlines - 1] & 0xFFFF) == pos) f->nlines--;
        add_line_entry(c, pos, line);
        f->line = line;
    }
    /* the next instruction emitted notes its own line again */
    f->line = 0;
}

static void paste(comp *c, side_t *s) {
    paste_part(c, s, 0, s->len, true);
    cfn *f = c->fn;
    if (f->depth + s->peak > f->maxdepth) {
        f->maxdepth = (int16_t)(f->depth + s->peak);
        if (f->maxdepth > 250) syntax_error(c, "expression too complex");
    }
    f->depth = (int16_t)(f->depth + s->depth);
}

static void side_done(comp *c, side_t *s) {
    plist *l = LIST(c->sides);
    if (l->len && l->items[l->len - 1] == s->buf) l->len--;
    gc_free((void *)s->buf);
    s->buf = PV_NULL;
}

/* ---- constants ---- */
static unsigned add_const(comp *c, pv v) {
    plist *l = LIST(c->fn->consts);
    for (size_t i = 0; i < l->len; i++) {
        pv k = l->items[i];
        if (k == v) return (unsigned)i;
        if (!PV_IS_INT(k) && !PV_IS_INT(v) && pv_type(k) == pv_type(v) &&
            (pv_is(v, &t_str) || pv_is(v, &t_bytes) || pv_is(v, &t_float) || pv_is(v, &t_int)) && rt_equal(k, v))
            return (unsigned)i;
    }
    if (l->len >= 0x7FFF) syntax_error(c, "too many constants");
    scratch_append(c->fn->consts, v);
    return (unsigned)l->len - 1;
}

/* A name for LOAD_ATTR, IMPORT, keyword arguments...: looked up by pointer
 * at run time, so it must be the interned object itself, never an equal
 * string literal. */
static unsigned add_name(comp *c, pv name) {
    plist *l = LIST(c->fn->consts);
    for (size_t i = 0; i < l->len; i++)
        if (l->items[i] == name) return (unsigned)i;
    if (l->len >= 0x7FFF) syntax_error(c, "too many constants");
    scratch_append(c->fn->consts, name);
    return (unsigned)l->len - 1;
}

static void load_const(comp *c, pv v) {
    if (PV_IS_INT(v) && PV_INT(v) >= -128 && PV_INT(v) <= 127) {
        op_b(c, OP_LOAD_SMALL, (int)(PV_INT(v) & 0xFF), 1);
    } else {
        op_a(c, OP_LOAD_CONST, add_const(c, v), 1);
    }
}

/* ---- scope entries ---- */
static unsigned nentries(cfn *f) { return (unsigned)LIST(f->enames)->len; }
static int eflags(cfn *f, unsigned e) { return (int)PV_INT(LIST(f->eflags)->items[e]); }
static void set_eflag(cfn *f, unsigned e, int fl) {
    LIST(f->eflags)->items[e] = PV_FROM_INT(eflags(f, e) | fl);
}
static pv ename(cfn *f, unsigned e) { return LIST(f->enames)->items[e]; }

static unsigned new_entry(comp *c, cfn *f, pv name, int fl) {
    unsigned n = nentries(f);
    if (n >= MAX_ENTRIES) syntax_error(c, "too many names in function");
    scratch_append(f->enames, name);
    scratch_append(f->eflags, PV_FROM_INT(fl));
    return n;
}

/* The entry a name means here: a comprehension variable in scope, else
 * the function's own entry for it (made on first use). */
static unsigned entry_in(comp *c, cfn *f, pv name) {
    plist *cv = LIST(f->comp);
    for (size_t i = cv->len; i-- > 0;) {
        unsigned e = (unsigned)PV_INT(cv->items[i]);
        if (ename(f, e) == name) return e;
    }
    unsigned n = nentries(f);
    for (unsigned e = 0; e < n; e++)
        if (ename(f, e) == name && !(eflags(f, e) & (EF_HIDDEN | EF_PASSTHRU))) return e;
    return new_entry(c, f, name, 0);
}

enum { NM_LOAD, NM_STORE, NM_DELETE };

static void name_op_entry(comp *c, int kind, unsigned e) {
    if (kind != NM_LOAD) set_eflag(c->fn, e, EF_BOUND);
    static const uint8_t ops[] = {OP_NAME_LOAD, OP_NAME_STORE, OP_NAME_DELETE};
    op_b(c, ops[kind], (int)e, kind == NM_LOAD ? 1 : kind == NM_STORE ? -1 : 0);
}

static void name_op(comp *c, int kind, pv name) { name_op_entry(c, kind, entry_in(c, c->fn, name)); }

/* ---- target records ---- */
static trec *tgt(comp *c, unsigned i) { return (trec *)c->tgts + i; }

static unsigned push_rec(comp *c, int kind, uint16_t start, uint16_t fin) {
    if (c->ntgts == c->captgts) {
        unsigned cap = c->captgts * 2u + 8;
        if (cap > 0xFFF0) syntax_error(c, "too many targets");
        c->tgts = (pv)scratch_realloc((void *)c->tgts, cap * sizeof(trec));
        c->captgts = (uint16_t)cap;
    }
    trec *r = tgt(c, c->ntgts);
    r->kind = (uint8_t)kind;
    r->star = 0;
    r->start = start;
    r->fin = fin;
    r->n = 0;
    return c->ntgts++;
}

static bool is_leaf(int k) { return k == E_NAME || k == E_ATTR || k == E_SUBSCR; }

/* An element of a tuple/list that may be a target: record it. */
static void record_elt(comp *c, const edesc *d) {
    if (is_leaf(d->kind)) {
        trec *r = tgt(c, push_rec(c, R_LEAF, d->start, d->fin));
        r->n = d->kind;
    }
}

/* ---- literals ---- */
static void fstring(comp *c, pv raw, int is_raw, int *nparts);

/* One or more adjacent string literals (f-strings among them). */
NOINLINE static void string_literal(comp *c) {
    int kind = c->L->tok == T_BYTES ? T_BYTES : T_STR;
    int nparts = 0;
    pv acc = PV_NULL;   /* adjacent plain literals, joined */
    gc_root_push(&acc);
    while (c->L->tok == T_STR || c->L->tok == T_BYTES || c->L->tok == T_FSTR) {
        if ((c->L->tok == T_BYTES) != (kind == T_BYTES)) syntax_error(c, "cannot mix bytes and nonbytes literals");
        if (c->L->tok == T_FSTR) {
            if (acc) {
                load_const(c, acc);
                nparts++;
                acc = PV_NULL;
            }
            pv raw = c->L->val;
            gc_root_push(&raw);
            int is_raw = c->L->fstr_raw;
            next(c);
            fstring(c, raw, is_raw, &nparts);
            gc_root_pop(1);
            continue;
        }
        if (!acc) {
            acc = c->L->val;
        } else {
            acc = rt_binary(OP_ADD, acc, c->L->val);
        }
        next(c);
    }
    if (acc || nparts == 0) {
        load_const(c, acc ? acc : (pv)&N(empty));
        nparts++;
    }
    gc_root_pop(1);
    if (nparts > 1) op_a(c, OP_BUILD_STRING, (unsigned)nparts, 1 - nparts);
}

/* f"...": literal parts and {expression!conversion:spec} fields. Each
 * expression is compiled by a lexer of its own over its text. */
NOINLINE static void fstring(comp *c, pv raw, int is_raw, int *nparts) {
    const char *s = ((pstr *)raw)->data;
    size_t n = ((pstr *)raw)->len, i = 0;
    vstr lit;
    vstr_init(&lit, 16);
    gc_root_push((pv *)&lit.buf);
    while (i <= n) {
        /* the literal run up to a field */
        size_t j = i;
        while (j < n && s[j] != '{' && s[j] != '}') j++;
        if (j > i) lex_decode(c->L, &lit, s + i, j - i, is_raw, 0);
        if (c->L->tok == T_ERROR) syntax_error(c, c->L->error);
        if (j < n && j + 1 < n && s[j] == s[j + 1]) { /* {{ or }} */
            vstr_add(&lit, s + j, 1);
            i = j + 2;
            continue;
        }
        if (j >= n || s[j] == '}') {
            if (j < n) syntax_error(c, "f-string: single '}' is not allowed");
            if (lit.len) {
                load_const(c, str_new(&t_str, lit.buf, lit.len));
                (*nparts)++;
            }
            break;
        }
        /* a field: find its end, minding brackets and strings */
        size_t e = j + 1, conv_at = 0, spec_at = 0;
        int depth = 0;
        char quote = 0;
        for (; e < n; e++) {
            char ch = s[e];
            if (quote) {
                if (ch == quote) quote = 0;
                continue;
            }
            if (ch == '\'' || ch == '"') quote = ch;
            else if (ch == '(' || ch == '[' || ch == '{') depth++;
            else if ((ch == ')' || ch == ']') && depth) depth--;
            else if (ch == '}' && depth) depth--;
            else if (ch == '}' && !depth) break;
            else if (!depth && ch == '!' && e + 1 < n && s[e + 1] != '=' && !conv_at && !spec_at) conv_at = e;
            else if (!depth && ch == ':' && !spec_at) {
                spec_at = e;
                /* the spec runs to the matching brace */
                int d2 = 0;
                for (e = e + 1; e < n; e++) {
                    if (s[e] == '{') d2++;
                    else if (s[e] == '}' && d2) d2--;
                    else if (s[e] == '}') break;
                }
                break;
            }
        }
        if (e >= n) syntax_error(c, "f-string: expecting '}'");
        size_t expr_end = conv_at ? conv_at : spec_at ? spec_at : e;
        /* f"{x=}": the text, then the value's repr */
        size_t k = expr_end;
        while (k > j + 1 && (s[k - 1] == ' ')) k--;
        bool self_doc = k > j + 1 && s[k - 1] == '=' && !(k > j + 2 && strchr("=!<>", s[k - 2]));
        if (self_doc) vstr_add(&lit, s + j + 1, expr_end - j - 1);
        if (lit.len) {
            load_const(c, str_new(&t_str, lit.buf, lit.len));
            (*nparts)++;
            lit.len = 0;
        }
        /* compile the expression with a lexer of its own */
        lexer *saved = c->L;
        c->sub = (pv)saved; /* reachable while the field's lexer is current */
        lex_buf src = {s + j + 1, s + (self_doc ? k - 1 : expr_end)};
        gc_top = true;
        c->L = gc_alloc(sizeof(lexer));
        gc_top = false;
        lex_init_expr(c->L, lex_buf_read, &src, saved->tline);
        if (c->L->tok == T_ERROR) syntax_error(c, c->L->error);
        if (c->L->tok == T_EOF || c->L->tok == T_NEWLINE) syntax_error(c, "f-string: empty expression not allowed");
        bool on = c->tgt_on;
        c->tgt_on = false;
        exprlist(c, 0);
        c->tgt_on = on;
        if (c->L->tok != T_EOF && c->L->tok != T_NEWLINE) syntax_error(c, "f-string: invalid syntax");
        c->L = saved;
        int conv = 0;
        if (conv_at) {
            char cc = s[conv_at + 1];
            conv = cc == 's' ? 1 : cc == 'r' ? 2 : cc == 'a' ? 3 : -1;
            size_t after = conv_at + 2;
            if (conv < 0 || (after != e && after != spec_at)) syntax_error(c, "f-string: invalid conversion character");
        } else if (self_doc && !spec_at) {
            conv = 2;
        }
        if (spec_at) {
            int np = 0;
            pv spec = str_new(&t_str, s + spec_at + 1, e - spec_at - 1);
            gc_root_push(&spec);
            fstring(c, spec, is_raw, &np);
            gc_root_pop(1);
            if (np > 1) op_a(c, OP_BUILD_STRING, (unsigned)np, 1 - np);
            if (np == 0) load_const(c, (pv)&N(empty));
            op_b(c, OP_FORMAT_VALUE, conv | 4, -1);
        } else {
            op_b(c, OP_FORMAT_VALUE, conv, 0);
        }
        (*nparts)++;
        i = e + 1;
    }
    gc_root_pop(1);
}

/* ---- functions: begin and end ---- */
static cfn *begin_fn(comp *c, int kind) {
    gc_top = true;
    cfn *f = gc_alloc(sizeof(cfn));
    gc_top = false;
    f->parent = c->fn;
    f->kind = (uint8_t)kind;
    f->line = 0;
    c->fn = f;
    scratch_append(c->fns, (pv)f);
    f->code = (pv)scratch_realloc(NULL, 32);
    f->capcode = 32;
    f->lines = (pv)scratch_realloc(NULL, 8 * sizeof(uint32_t));
    f->caplines = 8;
    f->consts = scratch_list();
    f->enames = scratch_list();
    f->eflags = scratch_list();
    f->comp = scratch_list();
    f->children = scratch_list();
    return f;
}

/* Copy a scratch block into one sized for the finished code object. */
static void *persist(pv scratch, size_t n) {
    void *p = gc_alloc_leaf(n ? n : 1); /* bytecode: never scanned for pointers */
    memcpy(p, (void *)scratch, n);
    return p;
}

/* The line table: pairs (code delta 0..255, line delta -128..127). Run
 * twice, to count and then to fill a block of just the right size (a
 * block shrunk later would leave a hole among the code objects). */
static size_t line_pairs(cfn *f, uint8_t *out) {
    uint32_t *e = (uint32_t *)f->lines;
    uint32_t pos = 0, line = f->nlines ? e[0] >> 16 : 0;
    size_t n = 0;
    for (uint16_t i = 0; i < f->nlines; i++) {
        uint32_t off = e[i] & 0xFFFF;
        int32_t ln = (int32_t)(e[i] >> 16);
        uint32_t dc = off - pos;
        int32_t dl = ln - (int32_t)line;
        while (dc || dl) {
            uint32_t a = dc > 255 ? 255 : dc;
            int32_t b = dl > 127 ? 127 : dl < -128 ? -128 : dl;
            if (dc > 255) b = 0; /* move in code first, then in lines */
            if (out) {
                out[n] = (uint8_t)a;
                out[n + 1] = (uint8_t)(int8_t)b;
            }
            n += 2;
            dc -= a;
            dl -= b;
        }
        pos = off;
        line = (uint32_t)ln;
    }
    return n;
}

static const uint8_t *encode_lines(cfn *f, uint16_t *len, uint16_t *firstline) {
    size_t n = line_pairs(f, NULL);
    uint8_t *out = gc_alloc_leaf(n ? n : 1);
    line_pairs(f, out);
    *firstline = (uint16_t)(f->nlines ? ((uint32_t *)f->lines)[0] >> 16 : 0);
    *len = (uint16_t)n;
    return out;
}

/* Finish the function being compiled: its code object, and the srec that
 * records its names until they are resolved, appended to the parent's
 * children (or returned, for the module). */
static pcode *end_fn(comp *c, const pstr *name, int flags, uint32_t firstline) {
    cfn *f = c->fn;
    pcode *code = gc_alloc(sizeof(pcode));
    pv keep = (pv)code;
    gc_root_push(&keep);
    code->type = &t_code;
    /* the module's code (the biggest, compiled last) moves down with the
     * other objects that outlive compiling when there is room for a second
     * copy; else it stays where its buffer was, shrunk */
    uint8_t *kept = NULL;
    if (!f->parent) {
        kept = gc_alloc_try(f->ncode ? f->ncode : 1);
        if (kept) memcpy(kept, (void *)f->code, f->ncode);
        else kept = scratch_realloc((void *)f->code, f->ncode ? f->ncode : 1);
    }
    code->code = kept ? kept : persist(f->code, f->ncode);
    code->ncode = f->ncode;
    uint16_t first;
    code->lines = encode_lines(f, &code->nlines, &first);
    code->firstline = (uint16_t)(first ? first : firstline);
    plist *cl = LIST(f->consts);
    pv t = tuple_new(cl->len);
    memcpy(((ptuple *)t)->items, cl->items, cl->len * sizeof(pv));
    code->consts = t;
    plist *nl = LIST(f->enames);
    pv names = tuple_new(nl->len);
    memcpy(((ptuple *)names)->items, nl->items, nl->len * sizeof(pv));
    code->names = names;
    code->name = name;
    code->file = c->file;
    code->nargs = f->nparams;
    code->stack = (uint8_t)(f->maxdepth + 1);
    code->flags = (uint8_t)(flags | f->flags);
    /* the srec */
    unsigned n = nentries(f);
    /* kept until the module ends: with the code objects, at the bottom,
     * not among the scratch (where it would cut the free space up) */
    srec *r = gc_alloc(sizeof(srec) + 3 * n);
    pv rkeep = (pv)r;
    gc_root_push(&rkeep);
    r->code = code;
    r->children = LIST(f->children)->len ? f->children : PV_NULL;
    if (r->children) {
        /* out of the scratch area: it lives until the module ends */
        pv l = list_new(LIST(f->children)->len);
        memcpy(LIST(l)->items, LIST(f->children)->items, LIST(l)->len * sizeof(pv));
        r->children = l;
    }
    r->kind = f->kind;
    r->n = (uint8_t)n;
    r->nonlocal_line = f->nonlocal_line;
    for (unsigned e = 0; e < n; e++) {
        SR_FLAGS(r)[e] = (uint8_t)eflags(f, e);
        SR_BIND(r)[e] = RES_GLOBAL;
        SR_RES(r)[e] = RES_GLOBAL;
    }
    /* which entries the code uses (a keyword argument's name, say, made
     * an entry that nothing refers to) */
    uint8_t *used = SR_RES(r); /* borrowed until the bindings are made */
    memset(used, 0, n);
    for (const uint8_t *p = code->code, *end = p + code->ncode; p < end; p += op_length((const uint8_t *)p))
        if ((*p >= OP_NAME_LOAD && *p <= OP_NAME_DELETE) || *p == OP_LOAD_CLOSURE) used[p[1]] = 1;
    cfn *parent = f->parent;
    if (parent) {
        /* each name this function does not bind is looked up in the
         * enclosing function as it stands now (its comprehension variables
         * in scope); class bodies are skipped except for __class__ */
        for (unsigned e = 0; e < n; e++) {
            int fl = SR_FLAGS(r)[e];
            if ((fl & (EF_BOUND | EF_PARAM | EF_GLOBAL | EF_HIDDEN | EF_CLASSCELL)) && !(fl & EF_NONLOCAL)) continue;
            if (!used[e] && !(fl & (EF_CAPTURED | EF_NONLOCAL | EF_PASSTHRU))) continue;
            pv nm = ename(f, e);
            unsigned pe;
            if (parent->kind == FN_CLASS && nm != (pv)&N(__class__)) {
                /* a pass-through entry of the class body, bound to the class's parent in turn */
                unsigned k = nentries(parent);
                pe = MAX_ENTRIES;
                for (unsigned q = 0; q < k; q++)
                    if (ename(parent, q) == nm && (eflags(parent, q) & EF_PASSTHRU)) pe = q;
                if (pe == MAX_ENTRIES) pe = new_entry(c, parent, nm, EF_PASSTHRU);
            } else if (parent->kind == FN_CLASS) {
                pe = entry_in(c, parent, nm);
                set_eflag(parent, pe, EF_CLASSCELL | EF_BOUND);
            } else {
                pe = entry_in(c, parent, nm);
            }
            set_eflag(parent, pe, EF_CAPTURED);
            SR_BIND(r)[e] = (uint8_t)pe;
        }
        scratch_append(parent->children, rkeep);
    } else {
        c->lastfn = rkeep;
    }
    memset(used, RES_GLOBAL, n);
    /* the scratch is garbage now */
    if ((const uint8_t *)f->code != code->code) gc_free((void *)f->code);
    gc_free((void *)f->lines);
    list_free(f->consts);
    list_free(f->enames);
    list_free(f->eflags);
    list_free(f->comp);
    list_free(f->children);
    c->fn = parent;
    LIST(c->fns)->len--;
    gc_free(f);
    gc_root_pop(2);
    return code;
}

/* ---- name resolution (at the end of the module) ---- */
static int entry_kind(const srec *r, unsigned e) {
    int fl = SR_FLAGS(r)[e];
    bool ns = r->kind == FN_MODULE || r->kind == FN_CLASS;
    if (fl & EF_GLOBAL) return K_GLOBAL;
    if ((fl & (EF_BOUND | EF_PARAM | EF_HIDDEN | EF_CLASSCELL)) && !(fl & EF_NONLOCAL)) {
        if (ns && !(fl & (EF_HIDDEN | EF_PARAM | EF_CLASSCELL))) return K_NAME;
        return (fl & (EF_CAPTURED | EF_CLASSCELL)) ? K_CELL : K_FAST;
    }
    if (SR_RES(r)[e] != RES_GLOBAL) return K_FREE;
    return ns ? K_NAME : K_GLOBAL;
}

/* kind and slot: 2 * n bytes of scratch. */
static void resolve_one(comp *c, srec *r, uint8_t *kind) {
    pcode *co = r->code;
    unsigned n = r->n;
    uint8_t *slot = kind + n;
    unsigned nslots = 0, ncells = 0, nfree = 0;
    for (unsigned e = 0; e < n; e++) {
        kind[e] = (uint8_t)entry_kind(r, e);
        if ((SR_FLAGS(r)[e] & EF_NONLOCAL) && kind[e] != K_FREE)
            syntax_error_at(c, "no binding for nonlocal found", r->nonlocal_line);
    }
    /* parameters first, in order (they are the first entries), then the
     * other locals and cells, then the free variables */
    for (unsigned e = 0; e < n; e++)
        if (kind[e] == K_FAST || kind[e] == K_CELL) {
            slot[e] = (uint8_t)nslots++;
            if (kind[e] == K_CELL) ncells++;
        }
    for (unsigned e = 0; e < n; e++)
        if (kind[e] == K_FREE) {
            slot[e] = (uint8_t)nslots++;
            nfree++;
        }
    if (nslots > 255) syntax_error_at(c, "too many local variables", co->firstline);
    co->nlocals = (uint8_t)nslots;
    co->ncells = (uint8_t)ncells;
    co->nfree = (uint8_t)nfree;
    if (ncells + nfree) {
        uint8_t *cells = gc_alloc(ncells + 2 * nfree);
        unsigned k = 0;
        for (unsigned e = 0; e < n; e++)
            if (kind[e] == K_CELL) cells[k++] = slot[e];
        for (unsigned e = 0; e < n; e++)
            if (kind[e] == K_FREE) cells[k++] = SR_RES(r)[e];
        co->cells = cells;
    }
    /* rewrite the name instructions */
    uint8_t *p = (uint8_t *)co->code, *end = p + co->ncode;
    while (p < end) {
        int o = *p;
        if (o >= OP_NAME_LOAD && o <= OP_NAME_DELETE) {
            unsigned e = p[1], which = (unsigned)(o - OP_NAME_LOAD);
            switch (kind[e]) {
            case K_FAST: *p = (uint8_t)(OP_LOAD_FAST + which); p[1] = slot[e]; break;
            case K_CELL: case K_FREE: *p = (uint8_t)(OP_LOAD_DEREF + which); p[1] = slot[e]; break;
            case K_GLOBAL: *p = (uint8_t)(OP_LOAD_GLOBAL + which); break;
            default: *p = (uint8_t)(OP_LOAD_NAME + which); break;
            }
        } else if (o == OP_LOAD_CLOSURE) {
            p[1] = slot[p[1]];
        }
        p += op_length((const uint8_t *)p);
    }
    /* what the children's free names turn out to be */
    if (!r->children) return;
    plist *ch = LIST(r->children);
    for (size_t i = 0; i < ch->len; i++) {
        srec *k = (srec *)ch->items[i];
        for (unsigned e = 0; e < k->n; e++) {
            unsigned pe = SR_BIND(k)[e];
            if (pe == RES_GLOBAL) continue;
            int pk = kind[pe];
            SR_RES(k)[e] = (pk == K_CELL || pk == K_FREE) ? slot[pe] : RES_GLOBAL;
        }
    }
}

/* Parents before children: a list used as a stack. */
static void resolve_all(comp *c, pv root) {
    pv todo = scratch_list();
    gc_root_push(&todo);
    scratch_append(todo, root);
    uint8_t *scratch = scratch_realloc(NULL, 2 * MAX_ENTRIES);
    scratch_append(todo, (pv)scratch); /* kept alive below the stack */
    LIST(todo)->items[0] = (pv)scratch;
    LIST(todo)->items[1] = root;
    while (LIST(todo)->len > 1) {
        srec *r = (srec *)LIST(todo)->items[--LIST(todo)->len];
        resolve_one(c, r, scratch);
        if (r->children) {
            plist *ch = LIST(r->children);
            for (size_t i = 0; i < ch->len; i++) scratch_append(todo, ch->items[i]);
            list_free(r->children);
        }
        gc_free(r);
    }
    gc_free(scratch);
    gc_root_pop(1);
    list_free(todo);
}

/* ---- expressions ---- */

/* Arguments of a call; the callee (and for methods the self slot) is on
 * the stack. Simple calls push positional values and (name, value) pairs;
 * a call with *x or **y collects them into a list and a dict. */
static edesc genexp_from(comp *c, const mark_t *m);

typedef struct {
    uint8_t npos, nkw, ex, dstar;
} cargs;

/* *x or **y in a call: from here on, a list and a dict collect them. */
NOINLINE static void call_star(comp *c, cargs *a) {
    bool is_dstar = c->L->tok == T_DSTAR;
    if (!is_dstar && a->dstar) syntax_error(c, "iterable argument unpacking follows keyword argument unpacking");
    next(c);
    if (!a->ex) {
        op_b(c, OP_ARGS_COLLECT, a->npos, 2 - a->npos - 2 * a->nkw);
        byte(c, a->nkw);
        a->ex = 1;
    }
    testv(c);
    if (is_dstar) {
        op_a(c, OP_DICT_UPDATE, 1, -1);
        a->dstar = 1;
    } else {
        op_a(c, OP_LIST_EXTEND, 2, -1);
    }
}

/* An argument just compiled (desc d): name=value, or f(x for x in y). */
NOINLINE static void call_arg(comp *c, cargs *a, edesc d) {
    if (d.kind == E_NAME && c->L->tok == T_ASSIGN) {
        /* name=value: the name, not its value */
        next(c);
        unsigned e = code_of(c->fn)[d.fin + 1];
        c->fn->ncode = d.start;
        stack(c, -1);
        op_a(c, OP_LOAD_CONST, add_name(c, ename(c->fn, e)), 1);
        testv(c);
        if (a->ex) op_a(c, OP_DICT_STORE, 1, -2);
        else if (a->nkw++ == 255) syntax_error(c, "too many arguments");
        return;
    }
    if (c->L->tok == T_FOR) {
        if (a->npos || a->nkw || a->ex) syntax_error(c, "invalid syntax");
        mark_t m = {d.start, (int16_t)(c->fn->depth - 1)};
        genexp_from(c, &m);
        if (c->L->tok != T_RPAREN) syntax_error(c, "invalid syntax");
    }
    if (a->nkw || a->dstar) syntax_error(c, "non-keyword arg after keyword arg");
    if (a->ex) op_a(c, OP_LIST_APPEND, 2, -1);
    else if (a->npos++ == 255) syntax_error(c, "too many arguments");
}

NOINLINE static void call(comp *c, bool method) {
    cargs a = {0, 0, 0, 0};
    while (c->L->tok != T_RPAREN) {
        if (c->L->tok == T_STAR || c->L->tok == T_DSTAR) {
            call_star(c, &a);
        } else {
            edesc d = test(c);
            if (d.kind == E_NAME || a.ex || a.nkw || a.dstar || c->L->tok == T_FOR) call_arg(c, &a, d);
            else if (a.npos++ == 255) syntax_error(c, "too many arguments");
        }
        if (!accept(c, T_COMMA)) break;
    }
    expect(c, T_RPAREN);
    int base = method ? 2 : 1;
    if (a.ex) {
        op_b(c, OP_CALL_EX, method, -(2 + base) + 1);
        return;
    }
    c->call_at = here(c);
    op_b(c, method ? OP_CALL_METHOD : OP_CALL, a.npos, -(a.npos + 2 * a.nkw + base) + 1);
    byte(c, a.nkw);
}

/* A subscript: index or slice; the container is on the stack. */
NOINLINE static void subscript(comp *c) {
    int n = 0;
    bool tuple = false;
    for (;;) {
        int parts = 0;
        bool slice = false;
        for (int i = 0; i < 3; i++) {
            if (c->L->tok == T_COLON || c->L->tok == T_RBRACKET || c->L->tok == T_COMMA) {
                op(c, OP_LOAD_NONE, 1);
            } else {
                testv(c);
            }
            parts++;
            if (c->L->tok != T_COLON || i == 2) break;
            slice = true;
            next(c);
        }
        if (slice) op_b(c, OP_BUILD_SLICE, parts, 1 - parts);
        n++;
        if (!accept(c, T_COMMA)) break;
        tuple = true;
        if (c->L->tok == T_RBRACKET) break;
    }
    if (tuple) op_a(c, OP_BUILD_TUPLE, (unsigned)n, 1 - n);
    expect(c, T_RBRACKET);
}

/* ---- comprehensions and generator expressions ---- */

/* Rewrite, in code about to be pasted, the name instructions of entries
 * `from` to entries `to`; also the free names of the children made while
 * that code was compiled (children[k0..]). */
static void remap_entries(comp *c, uint8_t *code, size_t n, const uint8_t *map, unsigned nmap, size_t k0, size_t k1) {
    for (uint8_t *p = code, *end = code + n; p < end; p += op_length((const uint8_t *)p)) {
        if (*p >= OP_NAME_LOAD && *p <= OP_NAME_DELETE)
            for (unsigned i = 0; i < nmap; i++)
                if (p[1] == map[2 * i]) {
                    p[1] = map[2 * i + 1];
                    break;
                }
    }
    plist *ch = LIST(c->fn->children);
    for (size_t k = k0; k < k1 && k < ch->len; k++) {
        srec *r = (srec *)ch->items[k];
        for (unsigned e = 0; e < r->n; e++)
            for (unsigned i = 0; i < nmap; i++)
                if (SR_BIND(r)[e] == map[2 * i]) {
                    SR_BIND(r)[e] = map[2 * i + 1];
                    set_eflag(c->fn, map[2 * i + 1], EF_CAPTURED);
                    break;
                }
    }
}

typedef struct {
    side_t elt;          /* the element's code, cut */
    size_t child0, child1; /* children made while compiling it */
    int kind;            /* T_RBRACKET list, T_RBRACE set, T_COLON dict, T_RPAREN generator */
    uint16_t map_n;
    uint8_t map[32];     /* entry pairs to remap in the element (up to 16 variables) */
} compr;

/* Store the target whose code was cut into s (records from rec on) into
 * fresh entries of comprehension variables (hidden, so they don't leak). */
static void store_target(comp *c, const side_t *s, uint16_t base, unsigned rec, int mode, compr *cp);

static void comp_for(comp *c, compr *cp, int depth0);

/* After `for`: the loops and conditions of a comprehension, then the
 * element at the innermost point. depth0: stack depth of the container. */
NOINLINE static void comp_for(comp *c, compr *cp, int depth0) {
    rt_check_stack();
    /* for TARGET in ITER */
    mark_t m;
    begin_region(c, &m);
    unsigned r0 = c->ntgts;
    bool on = c->tgt_on;
    c->tgt_on = true;
    edesc d = exprlist(c, 1);
    c->tgt_on = on;
    int16_t peak;
    end_region(c, &m, &peak);
    side_t tg;
    if (d.kind == E_VALUE) syntax_error(c, "can't assign to expression");
    if (is_leaf(d.kind)) {
        r0 = c->ntgts;
        record_elt(c, &d);
    } else {
        r0 = d.rec;
    }
    cut(c, &m, peak, &tg);
    expect(c, T_IN);
    /* the first iterable of a generator expression is evaluated outside */
    cfn *inner = c->fn;
    bool outer_iter = cp->kind == T_RPAREN && !LIST(inner->comp)->len && inner->kind == FN_GENEXP &&
                      here(c) == 0;
    if (outer_iter) c->fn = inner->parent;
    expr_prec(c, 2 /* P_OR */);
    if (outer_iter) {
        op(c, OP_GET_ITER, 0);
        c->fn = inner;
        name_op_entry(c, NM_LOAD, 0); /* the iterator, its parameter */
    } else {
        op(c, OP_GET_ITER, 0);
    }
    uint16_t top = here(c);
    uint16_t exit = jump(c, OP_FOR_ITER, NO_JUMP, 1);
    store_target(c, &tg, m.start, r0, 2, cp);
    side_done(c, &tg);
    c->ntgts = (uint16_t)r0;
    uint16_t skips = NO_JUMP;
    for (;;) {
        if (accept(c, T_IF)) {
            expr_prec(c, 2);
            skips = jump(c, OP_POP_JUMP_IF_FALSE, skips, -1);
            /* a chain of skips: make each jump back to the loop top */
            continue;
        }
        if (accept(c, T_FOR)) {
            comp_for(c, cp, depth0);
            break;
        }
        /* the innermost point: the element */
        uint8_t *ecode = (uint8_t *)cp->elt.buf;
        remap_entries(c, ecode, cp->elt.len, cp->map, cp->map_n, cp->child0, cp->child1);
        cp->map_n = 0; /* once */
        paste(c, &cp->elt);
        int dist = c->fn->depth - depth0;
        switch (cp->kind) {
        case T_RBRACKET: op_a(c, OP_LIST_APPEND, (unsigned)dist, -1); break;
        case T_RBRACE: op_a(c, OP_SET_ADD, (unsigned)dist, -1); break;
        case T_COLON: op_a(c, OP_DICT_STORE, (unsigned)(dist - 1), -2); break;
        default:
            op(c, OP_YIELD_VALUE, 0);
            op(c, OP_POP_TOP, -1);
            break;
        }
        break;
    }
    /* each skip jumps back to the top of its loop */
    while (skips != NO_JUMP) {
        uint8_t *p = code_of(c->fn) + skips;
        uint16_t nxt = (uint16_t)(p[0] | p[1] << 8);
        patch(c, skips, top);
        skips = nxt;
    }
    jump_back(c, OP_JUMP, top, 0);
    patch(c, exit, here(c));
    stack(c, -1);
}

/* Store a target cut into side buffer s (its code began at `base`): paste
 * its prefix (an attribute's object, a subscript's object and index), then
 * store. mode: 0 store, 1 delete, 2 comprehension variables (fresh hidden
 * entries, so they do not leak into the function). */
static void store_leaf(comp *c, const side_t *s, uint16_t base, const trec *r, int mode, compr *cp) {
    const uint8_t *code = side_code(s);
    uint16_t start = (uint16_t)(r->start - base), fin = (uint16_t)(r->fin - base);
    cfn *f = c->fn;
    int16_t under = f->depth;
    paste_part(c, s, start, fin, true);
    int pre = r->n == E_NAME ? 0 : r->n == E_ATTR ? 1 : 2;
    stack(c, pre);
    if (under + s->peak > f->maxdepth) f->maxdepth = (int16_t)(under + s->peak);
    if (r->n == E_NAME) {
        unsigned e = code[fin + 1];
        if (mode == 2) {
            pv nm = ename(f, e);
            unsigned h = new_entry(c, f, nm, EF_HIDDEN | EF_BOUND);
            if (cp->map_n == 16) syntax_error(c, "too many comprehension variables");
            cp->map[2 * cp->map_n] = (uint8_t)e;
            cp->map[2 * cp->map_n + 1] = (uint8_t)h;
            cp->map_n++;
            scratch_append(f->comp, PV_FROM_INT(h));
            name_op_entry(c, NM_STORE, h);
        } else {
            name_op_entry(c, mode == 1 ? NM_DELETE : NM_STORE, e);
        }
    } else if (r->n == E_ATTR) {
        unsigned a = code[fin + 1];
        if (a & 0x80) a = ((a & 0x7F) << 8) | code[fin + 2];
        if (mode == 1) op_a(c, OP_DELETE_ATTR, a, -1);
        else op_a(c, OP_STORE_ATTR, a, -2);
    } else {
        if (mode == 1) op(c, OP_DELETE_SUBSCR, -2);
        else op(c, OP_STORE_SUBSCR, -3);
    }
}

/* A target from its records: a leaf, or a sequence unpacked into its
 * elements (deleted one by one for `del`). */
static void store_target(comp *c, const side_t *s, uint16_t base, unsigned rec, int mode, compr *cp) {
    rt_check_stack();
    trec r = *tgt(c, rec);
    if (r.kind == R_LEAF) {
        store_leaf(c, s, base, &r, mode, cp);
        return;
    }
    if (r.kind != R_BEGIN) syntax_error(c, "can't assign to expression");
    unsigned n = r.n, star = r.star;
    if (mode != 1) {
        if (star) {
            op_b(c, OP_UNPACK_EX, (int)(star - 1), (int)n - 1);
            byte(c, (int)(n - star));
        } else {
            op_a(c, OP_UNPACK, n, (int)n - 1);
        }
    }
    unsigned i = rec + 1;
    for (unsigned k = 0; k < n; k++) {
        if (tgt(c, i)->kind == R_STAR) {
            if (mode == 1) syntax_error(c, "can't delete starred expression");
            i++;
        }
        store_target(c, s, base, i, mode, cp);
        /* past the element's records */
        int depth = 0;
        do {
            int kd = tgt(c, i)->kind;
            if (kd == R_BEGIN) depth++;
            if (kd == R_END) depth--;
            i++;
        } while (depth > 0);
    }
}

/* Turn the element just compiled (from mark m) into a comprehension. */
NOINLINE static void comprehension(comp *c, const mark_t *m, int kind) {
    compr cp;
    memset(&cp, 0, sizeof cp);
    cp.kind = kind;
    int16_t peak;
    end_region(c, m, &peak);
    cut(c, m, peak, &cp.elt);
    cp.child1 = LIST(c->fn->children)->len;
    cp.child0 = children_in(c, side_code(&cp.elt), cp.elt.len);
    op_a(c, kind == T_RBRACKET ? OP_BUILD_LIST : kind == T_RBRACE ? OP_BUILD_SET : OP_BUILD_DICT, 0, 1);
    int depth0 = c->fn->depth;
    size_t ncomp = LIST(c->fn->comp)->len;
    expect(c, T_FOR);
    comp_for(c, &cp, depth0);
    LIST(c->fn->comp)->len = ncomp;
    side_done(c, &cp.elt);
}

/* A generator expression whose element was just compiled (from mark m):
 * the element moves into a new generator function. */
NOINLINE static edesc genexp_from(comp *c, const mark_t *m) {
    compr cp;
    memset(&cp, 0, sizeof cp);
    cp.kind = T_RPAREN;
    uint32_t line = c->L->tline;
    int16_t peak;
    end_region(c, m, &peak);
    cfn *outer = c->fn;
    cut(c, m, peak, &cp.elt);
    size_t k1 = LIST(outer->children)->len, k0 = children_in(c, side_code(&cp.elt), cp.elt.len);
    cfn *g = begin_fn(c, FN_GENEXP);
    g->flags = CODE_GENERATOR;
    new_entry(c, g, (pv)&N(lt_genexpr_arg), EF_PARAM | EF_BOUND | EF_HIDDEN);
    g->nparams = 1;
    /* the element's names become the generator's own entries */
    uint8_t *ecode = (uint8_t *)cp.elt.buf;
    for (uint8_t *p = ecode, *end = ecode + cp.elt.len; p < end; p += op_length((const uint8_t *)p)) {
        if (*p >= OP_NAME_LOAD && *p <= OP_NAME_DELETE) {
            unsigned ne = entry_in(c, g, ename(outer, p[1]));
            if (*p != OP_NAME_LOAD) set_eflag(g, ne, EF_BOUND);
            p[1] = (uint8_t)ne;
        }
    }
    /* ...and so do the children made in it, with their bindings */
    plist *och = LIST(outer->children);
    for (size_t k = k0; k < k1; k++) {
        srec *r = (srec *)och->items[k];
        for (unsigned e = 0; e < r->n; e++) {
            if (SR_BIND(r)[e] == RES_GLOBAL) continue;
            unsigned ne = entry_in(c, g, ename(outer, SR_BIND(r)[e]));
            set_eflag(g, ne, EF_CAPTURED);
            SR_BIND(r)[e] = (uint8_t)ne;
        }
        scratch_append(g->children, och->items[k]);
    }
    /* their code constants move too: renumber MAKE_FUNCTION operands */
    for (uint8_t *p = ecode, *end = ecode + cp.elt.len; p < end; p += op_length((const uint8_t *)p)) {
        if (*p == OP_MAKE_FUNCTION || *p == OP_LOAD_CONST || *p == OP_LOAD_ATTR || *p == OP_STORE_ATTR ||
            *p == OP_DELETE_ATTR || *p == OP_LOAD_METHOD || *p == OP_IMPORT || *p == OP_IMPORT_FROM) {
            unsigned a = p[1];
            bool wide = a & 0x80;
            if (wide) a = ((a & 0x7F) << 8) | p[2];
            unsigned na = (*p == OP_LOAD_CONST || *p == OP_MAKE_FUNCTION) ? add_const(c, LIST(outer->consts)->items[a])
                                                                          : add_name(c, LIST(outer->consts)->items[a]);
            if (na >= 128 && !wide) syntax_error(c, "generator expression too complex");
            if (wide) {
                p[1] = (uint8_t)(0x80 | (na >> 8));
                p[2] = (uint8_t)(na & 0xFF);
            } else {
                p[1] = (uint8_t)na;
            }
        }
    }
    memmove(och->items + k0, och->items + k1, (och->len - k1) * sizeof(pv));
    och->len -= k1 - k0;
    cp.child0 = cp.child1 = 0; /* already the generator's own */
    expect(c, T_FOR);
    comp_for(c, &cp, 0);
    side_done(c, &cp.elt);
    op(c, OP_LOAD_NONE, 1);
    op(c, OP_RETURN, -1);
    pcode *code = end_fn(c, (const pstr *)&N(lt_genexpr), CODE_GENERATOR, line);
    /* outer: iter -> fn iter -> generator */
    unsigned k = add_const(c, (pv)code);
    op_a(c, OP_MAKE_FUNCTION, k, 1);
    byte(c, 0);
    op(c, OP_ROT_TWO, 0);
    op_b(c, OP_CALL, 1, -1);
    byte(c, 0);
    edesc d = {E_VALUE, m->start, 0, 0};
    return d;
}

/* ---- displays: ( ) [ ] { } ---- */

/* Open a sequence's records before those of its first element (already
 * compiled: a nested sequence or starred target left records from `at`). */
static unsigned begin_seq(comp *c, unsigned at, uint16_t start) {
    push_rec(c, R_BEGIN, start, 0);
    trec b = *tgt(c, c->ntgts - 1);
    memmove(tgt(c, at + 1), tgt(c, at), (c->ntgts - 1 - at) * sizeof(trec));
    *tgt(c, at) = b;
    return at;
}

/* Elements of a tuple or list display, the first already compiled (desc
 * d, from mark m). Records targets when `record`. prec 1: elements stop
 * before comparisons (target lists: `for a, b in`). */
NOINLINE static edesc sequence(comp *c, edesc d, const mark_t *m, int close, bool is_list, bool record, int prec) {
    unsigned r0 = 0;
    bool valid = record;
    int n = 0;       /* values on the stack not yet in a list */
    bool built = false;
    unsigned count = 0, star = 0;
    if (record) r0 = begin_seq(c, (d.kind == E_SEQ || d.kind == E_STAR) ? d.rec : c->ntgts, m->start);
    bool on = c->tgt_on;
    for (;;) {
        /* the element just compiled */
        if (valid) {
            if (d.kind == E_VALUE || (d.kind == E_STAR && star)) {
                valid = false;
                c->tgt_on = false;
            } else if (d.kind == E_STAR) {
                star = count + 1;
            } else if (is_leaf(d.kind)) {
                record_elt(c, &d);
            }
        }
        if (d.kind == E_STAR) {
            if (!built) {
                /* the first starred value: [] then extend */
                op_a(c, OP_BUILD_LIST, 0, 1);
                op(c, OP_ROT_TWO, 0);
                built = true;
            }
            op_a(c, OP_LIST_EXTEND, 1, -1);
        } else if (built) {
            op_a(c, OP_LIST_APPEND, 1, -1);
        } else {
            n++;
        }
        count++;
        if (!accept(c, T_COMMA)) break;
        int t = c->L->tok;
        if (t == close || t == T_ASSIGN || t == T_NEWLINE || t == T_SEMI || t == T_EOF || t == T_IN ||
            t == T_COLON || t == T_RPAREN || t == T_RBRACKET || t == T_RBRACE || (t >= T_IADD && t <= T_IXOR) ||
            t == T_WALRUS)
            break;
        if (t == T_STAR && !built) {
            /* the values so far become a list the starred one extends */
            op_a(c, OP_BUILD_LIST, (unsigned)n, 1 - n);
            built = true;
            n = 0;
            d = expr_prec(c, 0);
            op_a(c, OP_LIST_EXTEND, 1, -1);
            if (valid) {
                if (star || d.kind != E_STAR) {
                    valid = false;
                    c->tgt_on = false;
                } else {
                    star = count + 1;
                }
            }
            count++;
            if (!accept(c, T_COMMA)) break;
            t = c->L->tok;
            if (t == close || t == T_ASSIGN || t == T_NEWLINE || t == T_SEMI || t == T_EOF || t == T_IN ||
                t == T_COLON || t == T_RPAREN || t == T_RBRACKET || t == T_RBRACE ||
                (t >= T_IADD && t <= T_IXOR) || t == T_WALRUS)
                break;
        }
        d = c->L->tok == T_STAR ? expr_prec(c, 0) : prec ? expr_prec(c, P_BOR) : test(c);
    }
    c->tgt_on = on;
    if (built) {
        if (!is_list) op(c, OP_LIST_TO_TUPLE, 0);
    } else {
        op_a(c, is_list ? OP_BUILD_LIST : OP_BUILD_TUPLE, (unsigned)n, 1 - n);
    }
    edesc r = {E_VALUE, m->start, 0, 0};
    if (valid) {
        push_rec(c, R_END, 0, 0);
        tgt(c, r0)->n = (uint16_t)count;
        tgt(c, r0)->star = (uint8_t)star;
        r.kind = E_SEQ;
        r.rec = (uint16_t)r0;
    } else if (record) {
        c->ntgts = (uint16_t)r0;
    }
    return r;
}

/* `(`, `[`: the opening token is current. */
NOINLINE static edesc paren_display(comp *c, int close) {
    bool record = c->tgt_on;
    next(c);
    mark_t m;
    begin_region(c, &m);
    edesc none = {E_VALUE, m.start, 0, 0};
    if (c->L->tok == close) {
        next(c);
        end_region(c, &m, NULL);
        op_a(c, close == T_RPAREN ? OP_BUILD_TUPLE : OP_BUILD_LIST, 0, 1);
        if (record) {
            /* () = x and [] = x unpack nothing */
            unsigned r0 = push_rec(c, R_BEGIN, m.start, 0);
            push_rec(c, R_END, 0, 0);
            none.kind = E_SEQ;
            none.rec = (uint16_t)r0;
        }
        return none;
    }
    unsigned t0 = c->ntgts;
    if (close == T_RPAREN && c->L->tok == T_YIELD) {
        edesc d = test(c);
        expect(c, close);
        end_region(c, &m, NULL);
        return d;
    }
    edesc d = c->L->tok == T_STAR ? expr_prec(c, 0) : test(c);
    if (c->L->tok == T_FOR && d.kind != E_STAR) {
        c->ntgts = (uint16_t)t0;
        bool on = c->tgt_on;
        c->tgt_on = false;
        if (close == T_RPAREN) genexp_from(c, &m);
        else comprehension(c, &m, T_RBRACKET);
        c->tgt_on = on;
        expect(c, close);
        return none;
    }
    if (close == T_RPAREN && c->L->tok == T_RPAREN && d.kind != E_STAR) {
        next(c); /* a parenthesised expression */
        end_region(c, &m, NULL);
        return d;
    }
    /* the element's records, if it was a nested sequence, stay */
    edesc r = sequence(c, d, &m, close, close == T_RBRACKET, record, 0);
    expect(c, close);
    end_region(c, &m, NULL);
    return r;
}

/* `{`: a dict or set display or comprehension. */
NOINLINE static void brace_display(comp *c) {
    bool on = c->tgt_on;
    c->tgt_on = false;
    next(c);
    mark_t m;
    begin_region(c, &m);
    if (accept(c, T_RBRACE)) {
        end_region(c, &m, NULL);
        op_a(c, OP_BUILD_DICT, 0, 1);
        c->tgt_on = on;
        return;
    }
    bool is_dict;
    bool built = false;
    int n = 0;
    if (accept(c, T_DSTAR)) {
        is_dict = true;
        op_a(c, OP_BUILD_DICT, 0, 1);
        expr_prec(c, 5 /* P_BOR */);
        op_a(c, OP_DICT_UPDATE, 1, -1);
        built = true;
    } else {
        edesc d = c->L->tok == T_STAR ? expr_prec(c, 0) : test(c);
        is_dict = d.kind != E_STAR && c->L->tok == T_COLON;
        if (is_dict) {
            next(c);
            testv(c);
        }
        if (c->L->tok == T_FOR && d.kind != E_STAR) {
            comprehension(c, &m, is_dict ? T_COLON : T_RBRACE);
            expect(c, T_RBRACE);
            c->tgt_on = on;
            return;
        }
        if (d.kind == E_STAR) {
            op_a(c, OP_BUILD_SET, 0, 1);
            op(c, OP_ROT_TWO, 0);
            op_a(c, OP_SET_UPDATE, 1, -1);
            built = true;
        } else {
            n = 1;
        }
    }
    end_region(c, &m, NULL);
    while (accept(c, T_COMMA) && c->L->tok != T_RBRACE) {
        if (is_dict) {
            if (accept(c, T_DSTAR)) {
                if (!built) {
                    op_a(c, OP_BUILD_DICT, (unsigned)n, 1 - 2 * n);
                    built = true;
                }
                expr_prec(c, 5);
                op_a(c, OP_DICT_UPDATE, 1, -1);
                continue;
            }
            testv(c);
            expect(c, T_COLON);
            testv(c);
            if (built) op_a(c, OP_DICT_STORE, 1, -2);
            else n++;
        } else {
            if (c->L->tok == T_STAR) {
                next(c);
                if (!built) {
                    op_a(c, OP_BUILD_SET, (unsigned)n, 1 - n);
                    built = true;
                }
                expr_prec(c, 5);
                op_a(c, OP_SET_UPDATE, 1, -1);
                continue;
            }
            testv(c);
            if (built) op_a(c, OP_SET_ADD, 1, -1);
            else n++;
        }
    }
    expect(c, T_RBRACE);
    if (!built) {
        if (is_dict) op_a(c, OP_BUILD_DICT, (unsigned)n, 1 - 2 * n);
        else op_a(c, OP_BUILD_SET, (unsigned)n, 1 - n);
    }
    c->tgt_on = on;
}

/* ---- atoms and trailers ---- */
static void lambda(comp *c);

NOINLINE static edesc atom(comp *c) {
    rt_check_stack();
    edesc d = {E_VALUE, here(c), 0, 0};
    switch (c->L->tok) {
    case T_NAME: {
        pv name = c->L->val;
        next(c);
        d.kind = E_NAME;
        d.fin = here(c);
        name_op(c, NM_LOAD, name);
        return d;
    }
    case T_INT: case T_FLOAT:
        load_const(c, c->L->val);
        next(c);
        return d;
    case T_STR: case T_BYTES: case T_FSTR: string_literal(c); return d;
    case T_NONE: next(c); op(c, OP_LOAD_NONE, 1); return d;
    case T_TRUE: next(c); op(c, OP_LOAD_TRUE, 1); return d;
    case T_FALSE: next(c); op(c, OP_LOAD_FALSE, 1); return d;
    case T_ELLIPSIS: next(c); op_a(c, OP_LOAD_CONST, add_const(c, PV_FROM_PTR(&o_ellipsis)), 1); return d;
    case T_LPAREN: return paren_display(c, T_RPAREN);
    case T_LBRACKET: return paren_display(c, T_RBRACKET);
    case T_LBRACE: brace_display(c); return d;
    default: syntax_error(c, "invalid syntax");
    }
}

/* Is a function being compiled inside a class body (for zero-argument super)? */
static bool in_method(comp *c) {
    for (cfn *f = c->fn; f; f = f->parent) {
        if (f->kind == FN_CLASS) return true;
        if (f->kind == FN_MODULE) return false;
    }
    return false;
}

/* An atom and its trailers: calls, subscripts, attributes. */
static inline __attribute__((always_inline)) edesc primary(comp *c) {
    unsigned t0 = c->ntgts;
    edesc d = atom(c);
    bool on = c->tgt_on;
    c->tgt_on = false;
    for (;;) {
        if (c->L->tok == T_LPAREN) {
            next(c);
            uint16_t start = d.start;
            if (d.kind == E_NAME && c->L->tok == T_RPAREN && c->fn->kind == FN_FUNCTION && c->fn->nparams &&
                ename(c->fn, code_of(c->fn)[d.fin + 1]) == (pv)&N(super) && in_method(c)) {
                /* super() in a method: super(__class__, first argument) */
                name_op(c, NM_LOAD, (pv)&N(__class__));
                name_op_entry(c, NM_LOAD, 0);
                next(c);
                op_b(c, OP_CALL, 2, -2);
                byte(c, 0);
            } else {
                call(c, false);
            }
            c->call_start = start;
            d.kind = E_VALUE;
        } else if (c->L->tok == T_LBRACKET) {
            next(c);
            subscript(c);
            d.kind = E_SUBSCR;
            d.fin = here(c);
            op(c, OP_LOAD_SUBSCR, -1);
        } else if (c->L->tok == T_DOT) {
            next(c);
            if (c->L->tok != T_NAME) syntax_error(c, "invalid syntax");
            pv name = c->L->val;
            next(c);
            if (c->L->tok == T_LPAREN) {
                op_a(c, OP_LOAD_METHOD, add_name(c, name), 1);
                next(c);
                call(c, true);
                d.kind = E_VALUE;
            } else {
                d.kind = E_ATTR;
                d.fin = here(c);
                op_a(c, OP_LOAD_ATTR, add_name(c, name), 0);
            }
        } else {
            break;
        }
        c->ntgts = (uint16_t)t0; /* a display followed by a trailer is no target */
    }
    c->tgt_on = on;
    return d;
}

static const struct { uint8_t tok, op, prec; } binops[] = {
    {T_PIPE, OP_OR, P_BOR}, {T_CARET, OP_XOR, P_BXOR}, {T_AMP, OP_AND, P_BAND},
    {T_LSHIFT, OP_LSHIFT, P_SHIFT}, {T_RSHIFT, OP_RSHIFT, P_SHIFT},
    {T_PLUS, OP_ADD, P_ARITH}, {T_MINUS, OP_SUB, P_ARITH},
    {T_STAR, OP_MUL, P_TERM}, {T_SLASH, OP_TRUEDIV, P_TERM}, {T_DSLASH, OP_FLOORDIV, P_TERM},
    {T_PERCENT, OP_MOD, P_TERM},
};

static int compare_op(comp *c, bool consume) {
    int o;
    switch (c->L->tok) {
    case T_LT: o = OP_LT; break;
    case T_GT: o = OP_GT; break;
    case T_LE: o = OP_LE; break;
    case T_GE: o = OP_GE; break;
    case T_EQ: o = OP_EQ; break;
    case T_NE: o = OP_NE; break;
    case T_IN: o = OP_IN; break;
    case T_IS: o = OP_IS; break;
    case T_NOT: o = OP_NOT_IN; break;
    default: return -1;
    }
    if (!consume) return o;
    next(c);
    if (o == OP_IS && accept(c, T_NOT)) o = OP_IS_NOT;
    if (o == OP_NOT_IN) expect(c, T_IN);
    return o;
}

/* *target or *value: only inside sequences */
NOINLINE static edesc star_expr(comp *c) {
    edesc d = {E_STAR, here(c), 0, 0};
    next(c);
    unsigned r = c->tgt_on ? push_rec(c, R_STAR, here(c), 0) : 0;
    edesc in = expr_prec(c, P_BOR);
    if (c->tgt_on) {
        if (is_leaf(in.kind)) record_elt(c, &in);
        else if (in.kind != E_SEQ) c->ntgts = (uint16_t)r; /* not a target */
    }
    d.rec = (uint16_t)r;
    return d;
}

NOINLINE static void unary(comp *c, int t) {
    bool on = c->tgt_on;
    c->tgt_on = false;
    next(c);
    if (t == T_NOT) {
        expr_prec(c, P_NOT);
        op_b(c, OP_UNARY, OP_NOT, 0);
    } else {
        expr_prec(c, P_UNARY);
        op_b(c, OP_UNARY, t == T_MINUS ? OP_NEG : t == T_PLUS ? OP_POS : OP_INVERT, 0);
    }
    c->tgt_on = on;
}

/* Everything between `test` and an atom, by precedence climbing: one C
 * frame per nesting of operands rather than one per grammar level, which
 * matters with 2 KiB of C stack. min 0: also a starred expression. */
/* Does token t continue an expression as a binary operator? */
static bool is_operator(int t) {
    return (t >= T_PLUS && t <= T_CARET) || (t >= T_LT && t <= T_NE) || t == T_IN || t == T_IS || t == T_NOT ||
           t == T_AND || t == T_OR;
}

/* The binary operators after an operand (desc d), by precedence climbing.
 * Kept out of expr_prec: an operand with no operator (a call's argument,
 * say) does not carry this frame on the C stack. */
NOINLINE static edesc binary_tail(comp *c, int min, edesc d) {
    bool on = c->tgt_on;
    c->tgt_on = false;
    uint16_t or_chain = NO_JUMP, and_chain = NO_JUMP, cmp_chain = NO_JUMP;
    for (;;) {
        int t = c->L->tok;
        if (t == T_DSTAR) {
            /* only right after an operand: a ** b binds tighter than unary minus */
            next(c);
            expr_prec(c, P_UNARY);
            op_b(c, OP_BINARY, OP_POW, -1);
            d.kind = E_VALUE;
            continue;
        }
        int o = -1, prec = 0;
        for (unsigned i = 0; i < sizeof binops / sizeof binops[0]; i++)
            if (binops[i].tok == t) {
                o = binops[i].op;
                prec = binops[i].prec;
            }
        if (o >= 0) {
            if (prec < min) break;
            next(c);
            expr_prec(c, prec + 1);
            op_b(c, OP_BINARY, o, -1);
            d.kind = E_VALUE;
            continue;
        }
        if (compare_op(c, false) >= 0 && min <= P_CMP) {
            o = compare_op(c, true);
            expr_prec(c, P_BOR);
            if (compare_op(c, false) >= 0) {
                /* a < b < c: keep b for the next comparison; stop early on false */
                cmp_chain = jump(c, OP_COMPARE_CHAIN, cmp_chain, -1);
                byte(c, o);
            } else {
                op_b(c, OP_BINARY, o, -1);
            }
            d.kind = E_VALUE;
            continue;
        }
        patch_chain(c, cmp_chain, here(c));
        cmp_chain = NO_JUMP;
        if (t == T_AND && min <= P_AND) {
            next(c);
            and_chain = jump(c, OP_JUMP_IF_FALSE_OR_POP, and_chain, -1);
            expr_prec(c, P_NOT);
            d.kind = E_VALUE;
            continue;
        }
        if (t == T_OR && min <= P_OR) {
            patch_chain(c, and_chain, here(c));
            and_chain = NO_JUMP;
            next(c);
            or_chain = jump(c, OP_JUMP_IF_TRUE_OR_POP, or_chain, -1);
            expr_prec(c, P_AND);
            d.kind = E_VALUE;
            continue;
        }
        break;
    }
    patch_chain(c, cmp_chain, here(c));
    patch_chain(c, and_chain, here(c));
    patch_chain(c, or_chain, here(c));
    c->tgt_on = on;
    return d;
}

/* An expression of precedence at least min: an operand (a primary, or a
 * unary operator and its operand), then any binary operators. P_TEST also
 * takes `a if c else b`, `:=`, lambda and yield; 0 also a starred item.
 * One C frame per nesting of operands, and a small one: the device has
 * 2 KiB of C stack. */
static edesc expr_prec_far(comp *c, int min);

static edesc expr_prec(comp *c, int min) {
    if (rt_stack_low(COMPILE_STEP)) return expr_prec_far(c, min);
    rt_check_stack();
    int t = c->L->tok;
    if (t == T_STAR && min == 0) return star_expr(c);
    if (t == T_YIELD && min <= P_TEST) return yield_test(c);
    edesc d = {E_VALUE, here(c), 0, 0};
    if (t == T_LAMBDA) {
        lambda(c);
        return d;
    }
    unsigned t0 = c->ntgts;
    if ((t == T_NOT && min <= P_NOT) || t == T_MINUS || t == T_PLUS || t == T_TILDE) {
        unary(c, t);
    } else {
        d = primary(c);
    }
    if (is_operator(c->L->tok) || c->L->tok == T_DSTAR) d = binary_tail(c, min < P_OR ? P_OR : min, d);
    if (min <= P_TEST && (c->L->tok == T_IF || c->L->tok == T_WALRUS)) d = test_tail(c, d, t0);
    if (d.kind == E_VALUE) c->ntgts = (uint16_t)t0;
    return d;
}

/* yield, yield x, yield from x */
NOINLINE static void yield_expr(comp *c) {
    cfn *f = c->fn;
    if (f->kind != FN_FUNCTION && f->kind != FN_GENEXP) syntax_error(c, "'yield' outside function");
    f->flags |= CODE_GENERATOR;
    next(c);
    bool on = c->tgt_on;
    c->tgt_on = false;
    if (accept(c, T_FROM)) {
        testv(c);
        op(c, OP_GET_ITER, 0);
        op(c, OP_LOAD_NONE, 1);
        op(c, OP_YIELD_FROM, -1);
    } else {
        int t = c->L->tok;
        if (t == T_NEWLINE || t == T_RPAREN || t == T_SEMI || t == T_EOF || t == T_ASSIGN || t == T_RBRACKET ||
            t == T_RBRACE)
            op(c, OP_LOAD_NONE, 1);
        else
            exprlist(c, 0);
        op(c, OP_YIELD_VALUE, 0);
    }
    c->tgt_on = on;
}

/* A if C else B, after A was compiled (desc d): C first, then A, moved. */
NOINLINE static edesc conditional(comp *c, const edesc *d) {
    bool on = c->tgt_on;
    c->tgt_on = false;
    mark_t m = {d->start, (int16_t)(c->fn->depth - 1)};
    side_t a;
    cut(c, &m, (int16_t)(c->fn->maxdepth - m.depth), &a);
    next(c);
    expr_prec(c, P_OR);
    uint16_t to_else = jump(c, OP_POP_JUMP_IF_FALSE, NO_JUMP, -1);
    paste(c, &a);
    side_done(c, &a);
    uint16_t to_end = jump(c, OP_JUMP, NO_JUMP, 0);
    expect(c, T_ELSE);
    patch(c, to_else, here(c));
    stack(c, -1);
    testv(c);
    patch(c, to_end, here(c));
    c->tgt_on = on;
    edesc r = {E_VALUE, m.start, 0, 0};
    return r;
}

/* name := value, after the name was compiled as a load. */
NOINLINE static void walrus(comp *c, const edesc *d) {
    if (d->kind != E_NAME) syntax_error(c, "can't assign to expression");
    unsigned e = code_of(c->fn)[d->fin + 1];
    c->fn->ncode = d->start;
    stack(c, -1);
    bool on = c->tgt_on;
    c->tgt_on = false;
    next(c);
    testv(c);
    op(c, OP_DUP_TOP, 1);
    /* in a comprehension, := binds in the enclosing function */
    unsigned n = nentries(c->fn);
    for (unsigned k = 0; k < n; k++)
        if (ename(c->fn, k) == ename(c->fn, e) && !(eflags(c->fn, k) & (EF_HIDDEN | EF_PASSTHRU))) e = k;
    name_op_entry(c, NM_STORE, e);
    c->tgt_on = on;
}

NOINLINE static edesc yield_test(comp *c) {
    edesc d = {E_VALUE, here(c), 0, 0};
    yield_expr(c);
    return d;
}

/* The tail of a test, after its or_test (desc d): `if` or `:=`. */
NOINLINE static edesc test_tail(comp *c, edesc d, unsigned t0) {
    if (c->L->tok == T_IF && d.kind != E_STAR) {
        c->ntgts = (uint16_t)t0;
        return conditional(c, &d);
    }
    walrus(c, &d);
    d.kind = E_VALUE;
    return d;
}

static void testv(comp *c) {
    bool on = c->tgt_on;
    c->tgt_on = false;
    test(c);
    c->tgt_on = on;
}

/* A list of expressions: a bare tuple when there is a comma. prec: 0 for
 * test-level elements, 1 for target lists (no comparisons: `for x in`). */
static edesc exprlist(comp *c, int prec) {
    mark_t m;
    begin_region(c, &m);
    edesc d = c->L->tok == T_STAR ? expr_prec(c, 0) : prec ? expr_prec(c, P_BOR) : test(c);
    if (c->L->tok != T_COMMA) {
        end_region(c, &m, NULL);
        if (d.kind == E_STAR) syntax_error(c, "can't use starred expression here");
        return d;
    }
    bool record = c->tgt_on;
    /* the elements: sequence() parses them with test(); target lists are
     * parsed the same way (they stop at `in`) */
    edesc r = sequence(c, d, &m, T_RPAREN, false, record, prec);
    end_region(c, &m, NULL);
    return r;
}

/* ---- functions and classes ---- */
static void drop_annotation(comp *c, cfn *inner);
typedef struct {
    int nargs, nkwonly, flags, ndef;
    bool kwdefaults;
} params_t;

/* Parameters up to `close`; their defaults are compiled in the enclosing
 * function (pushed in order; keyword-only ones into a dict). */
NOINLINE static void parameters(comp *c, int close, params_t *p) {
    cfn *f = c->fn, *outer = f->parent;
    memset(p, 0, sizeof *p);
    bool after_star = false, kwdict = false;
    while (c->L->tok != close) {
        if (accept(c, T_DSTAR)) {
            if (c->L->tok != T_NAME) syntax_error(c, "invalid syntax");
            f->dstar = c->L->val;
            next(c);
            if (c->L->tok == T_COLON && close == T_RPAREN) { /* annotation */
                next(c);
                drop_annotation(c, f);
            }
            accept(c, T_COMMA);
            break;
        }
        if (accept(c, T_STAR)) {
            if (after_star) syntax_error(c, "invalid syntax");
            after_star = true;
            if (c->L->tok == T_NAME) {
                f->star = c->L->val;
                next(c);
            } else if (c->L->tok != T_COMMA) {
                syntax_error(c, "invalid syntax");
            }
        } else {
            if (c->L->tok != T_NAME) syntax_error(c, "invalid syntax");
            pv name = c->L->val;
            unsigned n = nentries(f);
            for (unsigned e = 0; e < n; e++)
                if (ename(f, e) == name) syntax_error(c, "name reused for argument");
            new_entry(c, f, name, EF_PARAM | EF_BOUND);
            next(c);
            if (after_star) p->nkwonly++;
            else p->nargs++;
        }
        if (c->L->tok == T_COLON && close == T_RPAREN) {
            next(c);
            drop_annotation(c, f);
        }
        if (accept(c, T_ASSIGN)) {
            if (f->star && !p->nkwonly && after_star) syntax_error(c, "invalid syntax");
            c->fn = outer;
            if (after_star) {
                if (!kwdict) {
                    op_a(c, OP_BUILD_DICT, 0, 1);
                    kwdict = true;
                }
                op_a(c, OP_LOAD_CONST, add_name(c, ename(f, nentries(f) - 1)), 1);
                testv(c);
                op_a(c, OP_DICT_STORE, 1, -2);
            } else {
                testv(c);
                p->ndef++;
            }
            c->fn = f;
        } else if (p->ndef && !after_star) {
            syntax_error(c, "non-default argument follows default argument");
        }
        if (!accept(c, T_COMMA)) break;
    }
    if (after_star && !f->star && !p->nkwonly) syntax_error(c, "named arguments must follow bare *");
    if (f->star) {
        new_entry(c, f, f->star, EF_PARAM | EF_BOUND);
        p->flags |= CODE_VARARGS;
    }
    if (f->dstar) {
        new_entry(c, f, f->dstar, EF_PARAM | EF_BOUND);
        p->flags |= CODE_VARKW;
    }
    f->nparams = (uint8_t)nentries(f);
    if (p->nkwonly && (p->ndef || kwdict)) {
        if (!kwdict) {
            c->fn = outer;
            op(c, OP_LOAD_NONE, 1);
            c->fn = f;
        }
        p->kwdefaults = true;
    }
}

/* After the function's code object is made: build it in the enclosing one. */
static void make_function(comp *c, pcode *code, const params_t *p) {
    unsigned k = add_const(c, (pv)code);
    int nd = p->ndef + (p->kwdefaults ? 1 : 0);
    if (nd) op_a(c, OP_BUILD_TUPLE, (unsigned)nd, 1 - nd);
    op_a(c, OP_MAKE_FUNCTION, k, nd ? 0 : 1);
    byte(c, nd ? MF_DEFAULTS : 0);
}

NOINLINE static void lambda(comp *c) {
    uint32_t line = c->L->tline;
    next(c);
    bool on = c->tgt_on;
    c->tgt_on = false;
    cfn *f = begin_fn(c, FN_FUNCTION);
    params_t p;
    parameters(c, T_COLON, &p);
    expect(c, T_COLON);
    f->depth = 0;
    f->maxdepth = 0;
    testv(c);
    op(c, OP_RETURN, -1);
    pcode *code = end_fn(c, &N(lt_lambda), p.flags | CODE_LAMBDA, line);
    code->nargs = (uint8_t)p.nargs;
    code->nkwonly = (uint8_t)p.nkwonly;
    make_function(c, code, &p);
    c->tgt_on = on;
}

/* Decorators are on the stack below the new object: apply them. */
static void apply_decorators(comp *c, int n) {
    for (int i = 0; i < n; i++) {
        op_b(c, OP_CALL, 1, -1);
        byte(c, 0);
    }
}

/* The return annotation or a parameter's: compiled in the enclosing
 * function, then dropped. */
static void drop_annotation(comp *c, cfn *inner) {
    c->fn = inner->parent;
    mark_t m;
    begin_region(c, &m);
    testv(c);
    c->fn->ncode = m.start;
    c->fn->depth = m.depth;
    end_region(c, &m, NULL);
    c->fn = inner;
}

NOINLINE static void funcdef(comp *c, int ndecorators) {
    uint32_t line = c->L->tline;
    next(c);
    if (c->L->tok != T_NAME) syntax_error(c, "invalid syntax");
    pv name = c->L->val;
    next(c);
    expect(c, T_LPAREN);
    cfn *f = begin_fn(c, FN_FUNCTION);
    f->name = name;
    params_t p;
    parameters(c, T_RPAREN, &p);
    expect(c, T_RPAREN);
    if (accept(c, T_ARROW)) drop_annotation(c, f);
    expect(c, T_COLON);
    block(c);
    op(c, OP_LOAD_NONE, 1);
    op(c, OP_RETURN, -1);
    name = f->name;
    pcode *code = end_fn(c, (const pstr *)name, p.flags, line);
    code->nargs = (uint8_t)p.nargs;
    code->nkwonly = (uint8_t)p.nkwonly;
    make_function(c, code, &p);
    apply_decorators(c, ndecorators);
    name_op(c, NM_STORE, (pv)code->name);
}

NOINLINE static void classdef(comp *c, int ndecorators) {
    uint32_t line = c->L->tline;
    next(c);
    if (c->L->tok != T_NAME) syntax_error(c, "invalid syntax");
    unsigned kname = add_name(c, c->L->val);
    next(c);
    op_a(c, OP_LOAD_CONST, add_const(c, (pv)&bi_build_class), 1);
    /* the bases and keywords are compiled before the body but run after
     * it is made into a function: cut them out of the way meanwhile */
    mark_t m;
    begin_region(c, &m);
    int nbases = 0, nkw = 0;
    if (accept(c, T_LPAREN)) {
        while (c->L->tok != T_RPAREN) {
            edesc d = test(c);
            if (d.kind == E_NAME && c->L->tok == T_ASSIGN) {
                next(c);
                unsigned e = code_of(c->fn)[d.fin + 1];
                c->fn->ncode = d.start;
                stack(c, -1);
                op_a(c, OP_LOAD_CONST, add_name(c, ename(c->fn, e)), 1);
                testv(c);
                nkw++;
            } else {
                if (nkw) syntax_error(c, "non-keyword arg after keyword arg");
                nbases++;
            }
            if (!accept(c, T_COMMA)) break;
        }
        expect(c, T_RPAREN);
    }
    int16_t peak;
    end_region(c, &m, &peak);
    side_t bases;
    cut(c, &m, peak, &bases);
    pv name = LIST(c->fn->consts)->items[kname];
    /* the body is a function run with the class namespace as slot 0 */
    cfn *f = begin_fn(c, FN_CLASS);
    new_entry(c, f, (pv)&N(lt_ns), EF_PARAM | EF_BOUND | EF_HIDDEN);
    f->nparams = 1;
    expect(c, T_COLON);
    block(c);
    /* the __class__ cell, if a method uses super() */
    unsigned n = nentries(f), cell = MAX_ENTRIES;
    for (unsigned e = 0; e < n; e++)
        if (eflags(f, e) & EF_CLASSCELL) cell = e;
    if (cell != MAX_ENTRIES) op_b(c, OP_LOAD_CLOSURE, (int)cell, 1);
    else op(c, OP_LOAD_NONE, 1);
    op(c, OP_RETURN, -1);
    pcode *code = end_fn(c, (const pstr *)name, CODE_NSLOT, line);
    params_t p;
    memset(&p, 0, sizeof p);
    make_function(c, code, &p);
    op_a(c, OP_LOAD_CONST, kname, 1);
    paste(c, &bases);
    side_done(c, &bases);
    op_b(c, OP_CALL, 2 + nbases, -(2 + nbases + 2 * nkw));
    byte(c, nkw);
    apply_decorators(c, ndecorators);
    name_op(c, NM_STORE, (pv)code->name);
}

NOINLINE static void decorated(comp *c) {
    int n = 0;
    while (accept(c, T_AT)) {
        testv(c);
        n++;
        if (!accept(c, T_NEWLINE)) syntax_error(c, "invalid syntax");
    }
    if (c->L->tok == T_DEF) funcdef(c, n);
    else if (c->L->tok == T_CLASS) classdef(c, n);
    else syntax_error(c, "invalid syntax");
}

/* ---- statements ---- */
static bool target_ok(const edesc *d) { return is_leaf(d->kind) || d->kind == E_SEQ; }

/* Store (or delete) one target whose code was cut into s from `base`. */
static void store_desc(comp *c, const edesc *d, const side_t *s, uint16_t base, int mode) {
    if (is_leaf(d->kind)) {
        trec r = {R_LEAF, 0, d->start, d->fin, d->kind};
        store_leaf(c, s, base, &r, mode, NULL);
        return;
    }
    store_target(c, s, base, d->rec, mode, NULL);
}

NOINLINE static void expression_statement(comp *c) {
    size_t nconsts = LIST(c->fn->consts)->len;
    c->ntgts = 0;
    mark_t m;
    begin_region(c, &m);
    c->tgt_on = true;
    edesc d = exprlist(c, 0);
    c->tgt_on = false;
    int t = c->L->tok;
    if (t == T_ASSIGN) {
        /* t1 = t2 = ... = value: the targets' descriptions go on a list */
        pv descs = scratch_list();
        gc_root_push(&descs);
        uint16_t vstart;
        for (;;) {
            if (!target_ok(&d)) syntax_error(c, d.kind == E_STAR ? "can't use starred expression here"
                                                                  : "can't assign to expression");
            scratch_append(descs, PV_FROM_INT(d.kind));
            scratch_append(descs, PV_FROM_INT(d.start));
            scratch_append(descs, PV_FROM_INT(d.fin));
            scratch_append(descs, PV_FROM_INT(d.rec));
            next(c);
            vstart = here(c);
            if (c->L->tok == T_YIELD) {
                d = test(c);
                break;
            }
            c->tgt_on = true;
            d = exprlist(c, 0);
            c->tgt_on = false;
            if (c->L->tok != T_ASSIGN) break;
        }
        if (d.kind == E_STAR) syntax_error(c, "can't use starred expression here");
        int16_t peak;
        end_region(c, &m, &peak);
        /* cut the value, then the targets; paste the value; store */
        mark_t mv = {vstart, (int16_t)(m.depth + LIST(descs)->len / 4)};
        side_t val, tg;
        cut(c, &mv, peak, &val);
        cut(c, &m, peak, &tg);
        paste(c, &val);
        side_done(c, &val);
        size_t nt = LIST(descs)->len / 4;
        for (size_t i = 0; i < nt; i++) {
            pv *q = LIST(descs)->items + 4 * i;
            edesc td = {(uint8_t)PV_INT(q[0]), (uint16_t)PV_INT(q[1]), (uint16_t)PV_INT(q[2]), (uint16_t)PV_INT(q[3])};
            if (i + 1 < nt) op(c, OP_DUP_TOP, 1);
            store_desc(c, &td, &tg, m.start, 0);
        }
        side_done(c, &tg);
        gc_root_pop(1);
        return;
    }
    if (t >= T_IADD && t <= T_IXOR) {
        int aug = OP_INPLACE + (t - T_IADD);
        if (!is_leaf(d.kind)) syntax_error(c, "illegal expression for augmented assignment");
        next(c);
        if (d.kind == E_NAME) {
            unsigned e = code_of(c->fn)[d.fin + 1];
            if (c->L->tok == T_YIELD) test(c);
            else exprlist(c, 0);
            op_b(c, OP_BINARY, aug, -1);
            name_op_entry(c, NM_STORE, e);
        } else if (d.kind == E_ATTR) {
            const uint8_t *p = code_of(c->fn) + d.fin + 1;
            unsigned a = p[0];
            if (a & 0x80) a = ((a & 0x7F) << 8) | p[1];
            c->fn->ncode = d.fin;
            op(c, OP_DUP_TOP, 1);
            op_a(c, OP_LOAD_ATTR, a, 0);
            exprlist(c, 0);
            op_b(c, OP_BINARY, aug, -1);
            op(c, OP_ROT_TWO, 0);
            op_a(c, OP_STORE_ATTR, a, -2);
        } else {
            c->fn->ncode = d.fin;
            stack(c, 1); /* the object and index, without the load */
            op(c, OP_DUP_TOP_TWO, 2);
            op(c, OP_LOAD_SUBSCR, -1);
            exprlist(c, 0);
            op_b(c, OP_BINARY, aug, -1);
            op(c, OP_ROT_THREE, 0);
            op(c, OP_STORE_SUBSCR, -3);
        }
        end_region(c, &m, NULL);
        return;
    }
    if (t == T_COLON && is_leaf(d.kind)) {
        /* an annotated assignment: the annotation is dropped */
        next(c);
        int16_t peak;
        end_region(c, &m, &peak);
        side_t tg;
        cut(c, &m, peak, &tg);
        mark_t ma;
        begin_region(c, &ma);
        testv(c);
        c->fn->ncode = ma.start;
        c->fn->depth = ma.depth;
        end_region(c, &ma, NULL);
        if (accept(c, T_ASSIGN)) {
            exprlist(c, 0);
            store_desc(c, &d, &tg, m.start, 0);
        }
        side_done(c, &tg);
        return;
    }
    end_region(c, &m, NULL);
    if (d.kind == E_STAR) syntax_error(c, "can't use starred expression here");
    cfn *f = c->fn;
    /* a constant alone (a docstring) costs nothing */
    if (f->ncode == m.start + 2 && code_of(f)[m.start] == OP_LOAD_CONST && LIST(f->consts)->len == nconsts + 1 &&
        code_of(f)[m.start + 1] == nconsts) {
        f->ncode = m.start;
        LIST(f->consts)->len--;
        stack(c, -1);
        return;
    }
    if (f->kind == FN_MODULE && c->mode == PITH_MODE_SINGLE && !f->parent)
        op(c, OP_PRINT_EXPR, -1);
    else
        op(c, OP_POP_TOP, -1);
}

static loop_t *begin_loop(comp *c, uint16_t cont, int slots) {
    cfn *f = c->fn;
    if (f->nloops == MAX_LOOPS) syntax_error(c, "too many statically nested blocks");
    loop_t *l = &f->loops[f->nloops++];
    l->cont = cont;
    l->breaks = NO_JUMP;
    l->depth = f->depth;
    l->slots = (uint8_t)slots;
    l->handlers = f->handlers;
    return l;
}

NOINLINE static void break_continue(comp *c, bool is_break) {
    cfn *f = c->fn;
    if (f->nloops == 0) syntax_error(c, is_break ? "'break' outside loop" : "'continue' outside loop");
    loop_t *l = &f->loops[f->nloops - 1];
    next(c);
    if (f->handlers > l->handlers) {
        /* leaving try blocks: the VM runs their finally clauses on the way */
        if (is_break) {
            l->breaks = jump(c, OP_UNWIND_JUMP, l->breaks, 0);
            byte(c, l->handlers);
            byte(c, l->depth - l->slots);
        } else {
            uint16_t at = jump(c, OP_UNWIND_JUMP, NO_JUMP, 0);
            patch(c, at, l->cont);
            byte(c, l->handlers);
            byte(c, l->depth);
        }
        return;
    }
    /* values pushed since the loop began (a with's exit, a finally's pair) */
    for (int i = f->depth; i > l->depth; i--) op(c, OP_POP_TOP, 0);
    if (is_break) {
        for (int i = 0; i < l->slots; i++) op(c, OP_POP_TOP, 0);
        l->breaks = jump(c, OP_JUMP, l->breaks, 0);
    } else {
        jump_back(c, OP_JUMP, l->cont, 0);
    }
}

static void else_block(comp *c) {
    if (accept(c, T_ELSE)) {
        expect(c, T_COLON);
        block(c);
    }
}

/* A loop's jump back belongs to its header's line (Ctrl-C lands there). */
static void loop_back(comp *c, uint16_t top, uint32_t line) {
    c->line_at = line;
    jump_back(c, OP_JUMP, top, 0);
    c->line_at = 0;
}

NOINLINE static void while_statement(comp *c) {
    uint32_t line = c->L->tline;
    next(c);
    uint16_t top = here(c);
    uint16_t exit = NO_JUMP;
    if (c->L->tok == T_TRUE) {
        next(c); /* while True: no test */
    } else {
        testv(c);
        exit = jump(c, OP_POP_JUMP_IF_FALSE, NO_JUMP, -1);
    }
    expect(c, T_COLON);
    begin_loop(c, top, 0);
    block(c);
    loop_back(c, top, line);
    if (exit != NO_JUMP) patch(c, exit, here(c));
    loop_t l = c->fn->loops[--c->fn->nloops];
    else_block(c);
    patch_chain(c, l.breaks, here(c));
}

NOINLINE static void for_statement(comp *c) {
    uint32_t line = c->L->tline;
    next(c);
    c->ntgts = 0;
    mark_t m;
    begin_region(c, &m);
    c->tgt_on = true;
    edesc d = exprlist(c, 1);
    c->tgt_on = false;
    if (!target_ok(&d)) syntax_error(c, "can't assign to expression");
    int16_t peak;
    end_region(c, &m, &peak);
    side_t tg;
    cut(c, &m, peak, &tg);
    expect(c, T_IN);
    uint16_t istart = here(c);
    c->call_at = NO_JUMP;
    exprlist(c, 0);
    int slots = 1;
    uint16_t top, exit;
    /* for x in range(...): a counting loop that allocates nothing */
    uint8_t *code = code_of(c->fn);
    if (c->call_at != NO_JUMP && c->call_at + 3 == here(c) && c->call_start == istart &&
        code[istart] == OP_NAME_LOAD && ename(c->fn, code[istart + 1]) == (pv)&N(range) &&
        code[c->call_at] == OP_CALL && code[c->call_at + 2] == 0 && code[c->call_at + 1] >= 1 &&
        code[c->call_at + 1] <= 3) {
        int n = code[c->call_at + 1];
        c->fn->ncode = c->call_at;
        stack(c, n); /* undo the CALL's effect: fn and args are back */
        op_b(c, OP_RANGE_SETUP, n, 2 - n);
        slots = 3;
        top = here(c);
        exit = jump(c, OP_FOR_RANGE, NO_JUMP, 1);
    } else {
        op(c, OP_GET_ITER, 0);
        top = here(c);
        exit = jump(c, OP_FOR_ITER, NO_JUMP, 1);
    }
    store_desc(c, &d, &tg, m.start, 0);
    side_done(c, &tg);
    expect(c, T_COLON);
    begin_loop(c, top, slots);
    block(c);
    loop_back(c, top, line);
    patch(c, exit, here(c));
    stack(c, -slots);
    loop_t l = c->fn->loops[--c->fn->nloops];
    else_block(c);
    patch_chain(c, l.breaks, here(c));
}

NOINLINE static void if_statement(comp *c) {
    next(c);
    testv(c);
    uint16_t skip = jump(c, OP_POP_JUMP_IF_FALSE, NO_JUMP, -1);
    expect(c, T_COLON);
    block(c);
    uint16_t ends = NO_JUMP;
    while (c->L->tok == T_ELIF || c->L->tok == T_ELSE) {
        bool is_elif = c->L->tok == T_ELIF;
        ends = jump(c, OP_JUMP, ends, 0);
        patch(c, skip, here(c));
        skip = NO_JUMP;
        next(c);
        if (is_elif) {
            testv(c);
            skip = jump(c, OP_POP_JUMP_IF_FALSE, NO_JUMP, -1);
        }
        expect(c, T_COLON);
        block(c);
        if (!is_elif) break;
    }
    if (skip != NO_JUMP) patch(c, skip, here(c));
    patch_chain(c, ends, here(c));
}

/* try: both records are set up before the body (finally outside, except
 * inside), since whether a finally clause follows is only known later;
 * the one that is not needed becomes SETUP_NONE. */
NOINLINE static void try_statement(comp *c) {
    cfn *f = c->fn;
    next(c);
    expect(c, T_COLON);
    uint16_t fin_at = here(c);
    uint16_t fin = jump(c, OP_SETUP_FINALLY, NO_JUMP, 2);
    uint16_t exc_at = here(c);
    uint16_t handler = jump(c, OP_SETUP_EXCEPT, NO_JUMP, 2);
    f->handlers = (uint8_t)(f->handlers + 2);
    block(c);
    op(c, OP_POP_BLOCK, -2);
    f->handlers--;
    bool has_except = c->L->tok == T_EXCEPT;
    uint16_t ends = NO_JUMP;
    if (has_except) {
        uint16_t to_else = jump(c, OP_JUMP, NO_JUMP, 0);
        patch(c, handler, here(c));
        stack(c, 2); /* the previous exception being handled, and this one */
        bool bare = false;
        while (c->L->tok == T_EXCEPT) {
            if (bare) syntax_error(c, "default 'except:' must be last");
            next(c);
            uint16_t nomatch = NO_JUMP;
            pv name = PV_NULL;
            unsigned e = 0;
            if (c->L->tok != T_COLON) {
                testv(c);
                op(c, OP_EXC_MATCH, 0);
                nomatch = jump(c, OP_POP_JUMP_IF_FALSE, NO_JUMP, -1);
                if (accept(c, T_AS)) {
                    if (c->L->tok != T_NAME) syntax_error(c, "invalid syntax");
                    name = c->L->val;
                    next(c);
                    op(c, OP_DUP_TOP, 1);
                    e = entry_in(c, f, name);
                    name_op_entry(c, NM_STORE, e);
                }
            } else {
                bare = true;
            }
            expect(c, T_COLON);
            op(c, OP_SETUP_CLAUSE, 2);
            f->handlers++;
            block(c);
            op(c, OP_POP_EXCEPT, -4);
            f->handlers--;
            if (name) {
                /* `as e` is unbound after the clause */
                op(c, OP_LOAD_NONE, 1);
                name_op_entry(c, NM_STORE, e);
                name_op_entry(c, NM_DELETE, e);
            }
            ends = jump(c, OP_JUMP, ends, 0);
            stack(c, 4); /* back to the state at the next clause's test */
            stack(c, -2);
            if (nomatch != NO_JUMP) patch(c, nomatch, here(c));
        }
        if (!bare) {
            op(c, OP_RERAISE, -2);
        } else {
            stack(c, -2);
        }
        patch(c, to_else, here(c));
        else_block(c);
    } else {
        code_of(f)[exc_at] = OP_SETUP_NONE;
        patch(c, handler, here(c));
    }
    patch_chain(c, ends, here(c));
    if (accept(c, T_FINALLY)) {
        expect(c, T_COLON);
        op(c, OP_POP_BLOCK, -2);
        f->handlers--;
        op(c, OP_LOAD_NONE, 1);
        op_b(c, OP_LOAD_SMALL, FIN_NORMAL, 1);
        patch(c, fin, here(c));
        block(c);
        op(c, OP_END_FINALLY, -2);
    } else {
        if (!has_except) syntax_error(c, "invalid syntax");
        code_of(f)[fin_at] = OP_SETUP_NONE;
        patch(c, fin, here(c));
        op(c, OP_POP_BLOCK, -2);
        f->handlers--;
    }
}

NOINLINE static void with_item(comp *c) {
    cfn *f = c->fn;
    testv(c);
    uint16_t fin = jump(c, OP_SETUP_WITH, NO_JUMP, 3);
    f->handlers++;
    if (accept(c, T_AS)) {
        c->ntgts = 0;
        mark_t m;
        begin_region(c, &m);
        c->tgt_on = true;
        edesc d = expr_prec(c, P_BOR);
        c->tgt_on = false;
        if (!target_ok(&d)) syntax_error(c, "can't assign to expression");
        int16_t peak;
        end_region(c, &m, &peak);
        side_t tg;
        cut(c, &m, peak, &tg);
        store_desc(c, &d, &tg, m.start, 0);
        side_done(c, &tg);
    } else {
        op(c, OP_POP_TOP, -1);
    }
    if (accept(c, T_COMMA)) {
        with_item(c);
    } else {
        expect(c, T_COLON);
        block(c);
    }
    op(c, OP_POP_BLOCK, -2);
    f->handlers--;
    op(c, OP_LOAD_NONE, 1);
    op_b(c, OP_LOAD_SMALL, FIN_NORMAL, 1);
    patch(c, fin, here(c));
    op(c, OP_WITH_EXIT, 0);
    op(c, OP_END_FINALLY, -2);
    op(c, OP_POP_TOP, -1);
}

NOINLINE static void with_statement(comp *c) {
    next(c);
    with_item(c);
}

static pv dotted_name(comp *c, pv *first) {
    if (c->L->tok != T_NAME) syntax_error(c, "invalid syntax");
    pv name = c->L->val;
    *first = name;
    next(c);
    if (c->L->tok != T_DOT) return name;
    vstr v;
    vstr_init(&v, 16);
    gc_root_push((pv *)&v.buf);
    vstr_add(&v, ((pstr *)name)->data, ((pstr *)name)->len);
    while (accept(c, T_DOT)) {
        if (c->L->tok != T_NAME) syntax_error(c, "invalid syntax");
        vstr_add(&v, ".", 1);
        vstr_add(&v, ((pstr *)c->L->val)->data, ((pstr *)c->L->val)->len);
        next(c);
    }
    pv r = str_intern(v.buf, v.len);
    gc_root_pop(1);
    return r;
}

NOINLINE static void import_statement(comp *c) {
    next(c);
    do {
        pv first;
        pv name = dotted_name(c, &first);
        gc_root_push(&name);
        op_a(c, OP_IMPORT, add_name(c, name), 1);
        if (accept(c, T_AS)) {
            if (c->L->tok != T_NAME) syntax_error(c, "invalid syntax");
            name_op(c, NM_STORE, c->L->val);
            next(c);
        } else if (first != name) {
            /* import a.b binds a */
            op(c, OP_POP_TOP, -1);
            op_a(c, OP_IMPORT, add_name(c, first), 1);
            name_op(c, NM_STORE, first);
        } else {
            name_op(c, NM_STORE, name);
        }
        gc_root_pop(1);
    } while (accept(c, T_COMMA));
}

NOINLINE static void from_statement(comp *c) {
    next(c);
    if (c->L->tok == T_DOT || c->L->tok == T_ELLIPSIS) syntax_error(c, "relative import");
    pv first;
    pv name = dotted_name(c, &first);
    expect(c, T_IMPORT);
    op_a(c, OP_IMPORT, add_name(c, name), 1);
    if (accept(c, T_STAR)) {
        if (c->fn->kind != FN_MODULE) syntax_error(c, "import * only allowed at module level");
        op(c, OP_IMPORT_STAR, -1);
        return;
    }
    bool paren = accept(c, T_LPAREN);
    do {
        if (paren && c->L->tok == T_RPAREN) break;
        if (c->L->tok != T_NAME) syntax_error(c, "invalid syntax");
        pv n = c->L->val;
        gc_root_push(&n);
        next(c);
        op_a(c, OP_IMPORT_FROM, add_name(c, n), 1);
        if (accept(c, T_AS)) {
            if (c->L->tok != T_NAME) syntax_error(c, "invalid syntax");
            n = c->L->val;
            next(c);
        }
        name_op(c, NM_STORE, n);
        gc_root_pop(1);
    } while (accept(c, T_COMMA));
    if (paren) expect(c, T_RPAREN);
    op(c, OP_POP_TOP, -1);
}

NOINLINE static void global_statement(comp *c, bool nonlocal) {
    cfn *f = c->fn;
    if (nonlocal && f->kind == FN_MODULE) syntax_error(c, "can't declare nonlocal in outer code");
    next(c);
    do {
        if (c->L->tok != T_NAME) syntax_error(c, "invalid syntax");
        unsigned e = entry_in(c, f, c->L->val);
        int fl = eflags(f, e);
        if (fl & (nonlocal ? EF_GLOBAL : EF_NONLOCAL))
            syntax_error(c, nonlocal ? "identifier redefined as nonlocal" : "identifier redefined as global");
        if (nonlocal && (fl & EF_PARAM)) syntax_error(c, "identifier redefined as nonlocal");
        set_eflag(f, e, nonlocal ? EF_NONLOCAL : EF_GLOBAL);
        if (nonlocal && !f->nonlocal_line) f->nonlocal_line = (uint16_t)c->L->tline;
        next(c);
    } while (accept(c, T_COMMA));
}

NOINLINE static void del_statement(comp *c) {
    next(c);
    c->ntgts = 0;
    mark_t m;
    begin_region(c, &m);
    c->tgt_on = true;
    edesc d = exprlist(c, 1);
    c->tgt_on = false;
    if (!target_ok(&d)) syntax_error(c, "can't delete expression");
    int16_t peak;
    end_region(c, &m, &peak);
    side_t tg;
    cut(c, &m, peak, &tg);
    store_desc(c, &d, &tg, m.start, 1);
    side_done(c, &tg);
}

NOINLINE static void simple_statement(comp *c) {
    int t = c->L->tok;
    switch (t) {
    case T_PASS: next(c); break;
    case T_BREAK: break_continue(c, true); break;
    case T_CONTINUE: break_continue(c, false); break;
    case T_RETURN:
        if (c->fn->kind != FN_FUNCTION) syntax_error(c, "'return' outside function");
        next(c);
        if (c->L->tok == T_NEWLINE || c->L->tok == T_SEMI || c->L->tok == T_EOF)
            op(c, OP_LOAD_NONE, 1);
        else
            exprlist(c, 0);
        op(c, OP_RETURN, -1);
        break;
    case T_RAISE:
        next(c);
        if (c->L->tok == T_NEWLINE || c->L->tok == T_SEMI || c->L->tok == T_EOF) {
            op_b(c, OP_RAISE, 0, 0);
        } else {
            testv(c);
            if (accept(c, T_FROM)) {
                testv(c);
                op_b(c, OP_RAISE, 2, -2);
            } else {
                op_b(c, OP_RAISE, 1, -1);
            }
        }
        break;
    case T_GLOBAL: global_statement(c, false); break;
    case T_NONLOCAL: global_statement(c, true); break;
    case T_DEL: del_statement(c); break;
    case T_ASSERT: {
        next(c);
        testv(c);
        uint16_t ok = jump(c, OP_POP_JUMP_IF_TRUE, NO_JUMP, -1);
        op_a(c, OP_LOAD_CONST, add_const(c, (pv)&t_AssertionError), 1);
        if (accept(c, T_COMMA)) {
            testv(c);
            op_b(c, OP_CALL, 1, -1);
            byte(c, 0);
        }
        op_b(c, OP_RAISE, 1, -1);
        patch(c, ok, here(c));
        break;
    }
    case T_IMPORT: import_statement(c); break;
    case T_FROM: from_statement(c); break;
    default: expression_statement(c);
    }
}

static void statement_far(void *c) { statement(c); }

typedef struct { comp *c; int min; edesc d; } far_expr;
static void expr_far(void *p) {
    far_expr *a = p;
    a->d = expr_prec(a->c, a->min);
}

NOINLINE static edesc expr_prec_far(comp *c, int min) {
    far_expr a = {c, min, {0, 0, 0, 0}};
    rt_stack_call(COMPILE_SEGMENT, expr_far, &a);
    return a.d;
}

static void statement(comp *c) {
    if (rt_stack_low(COMPILE_STEP)) {
        rt_stack_call(COMPILE_SEGMENT, statement_far, c);
        return;
    }
    rt_check_stack();
    switch (c->L->tok) {
    case T_IF: if_statement(c); return;
    case T_WHILE: while_statement(c); return;
    case T_FOR: for_statement(c); return;
    case T_TRY: try_statement(c); return;
    case T_WITH: with_statement(c); return;
    case T_DEF: funcdef(c, 0); return;
    case T_CLASS: classdef(c, 0); return;
    case T_AT: decorated(c); return;
    default: break;
    }
    for (;;) {
        simple_statement(c);
        if (!accept(c, T_SEMI)) break;
        if (c->L->tok == T_NEWLINE || c->L->tok == T_EOF) break;
    }
    if (c->L->tok == T_EOF) return;
    if (!accept(c, T_NEWLINE)) syntax_error(c, "invalid syntax");
}

/* The suite after a colon: an indented block or statements on the same line. */
static void block(comp *c) {
    if (accept(c, T_NEWLINE)) {
        if (!accept(c, T_INDENT)) syntax_error(c, "invalid syntax");
        while (c->L->tok != T_DEDENT && c->L->tok != T_EOF) statement(c);
        accept(c, T_DEDENT);
    } else {
        for (;;) {
            simple_statement(c);
            if (!accept(c, T_SEMI)) break;
            if (c->L->tok == T_NEWLINE) break;
        }
        if (c->L->tok != T_EOF && !accept(c, T_NEWLINE)) syntax_error(c, "invalid syntax");
    }
}

/* ---- the entry points ---- */
pcode *compile_stream(lex_reader read, void *ctx, const pstr *file, int mode) {
    /* the compiler's own state goes at the top of the arena, with its
     * scratch: what outlives compiling stays packed at the bottom */
    gc_top = true;
    comp *c = gc_alloc(sizeof(comp));
    pv root = (pv)c;
    gc_root_push(&root);
    c->L = gc_alloc(sizeof(lexer));
    gc_top = false;
    c->file = file;
    c->mode = mode;
    c->sides = scratch_list();
    c->fns = scratch_list();
    cfn *f = begin_fn(c, FN_MODULE);
    new_entry(c, f, (pv)&N(lt_ns), EF_PARAM | EF_BOUND | EF_HIDDEN);
    f->nparams = 1;
    lex_init(c->L, read, ctx);
    if (c->L->tok == T_ERROR) syntax_error(c, c->L->error);
    if (mode == PITH_MODE_EVAL) {
        while (c->L->tok == T_NEWLINE || c->L->tok == T_INDENT) next(c);
        exprlist(c, 0);
        while (c->L->tok == T_NEWLINE || c->L->tok == T_DEDENT) next(c);
        if (c->L->tok != T_EOF) syntax_error(c, "invalid syntax");
        op(c, OP_RETURN, -1);
    } else {
        while (c->L->tok != T_EOF) {
            if (c->L->tok == T_INDENT) syntax_error(c, "unexpected indent");
            if (c->L->tok == T_DEDENT || c->L->tok == T_NEWLINE) {
                next(c);
                continue;
            }
            statement(c);
        }
        op(c, OP_LOAD_NONE, 1);
        op(c, OP_RETURN, -1);
    }
    pcode *code = end_fn(c, &N(lt_module), CODE_NSLOT, 1);
    pv keep = (pv)code;
    gc_root_push(&keep);
    resolve_all(c, c->lastfn);
    gc_root_pop(2);
    gc_free(c->L->buf.buf);
    gc_free(c->L);
    gc_free((void *)c->tgts);
    list_free(c->sides);
    list_free(c->fns);
    gc_free(c);
    return code;
}

pcode *compile(const char *src, size_t len, const pstr *file, int mode) {
    lex_buf b = {src, src + len};
    return compile_stream(lex_buf_read, &b, file, mode);
}
