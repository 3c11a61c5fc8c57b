/* compiler.c — Python source to bytecode in one pass, with no syntax tree.
 *
 * The parser is recursive descent over lexer tokens and emits code as it
 * goes, so compiling costs the heap only the code of the functions being
 * built. Python puts a few things before the code that must run first
 * (assignment targets before the value, the element before the `for` of a
 * comprehension, the value before the `if` of a conditional expression).
 * For those the compiler remembers where the lexer was, compiles what must
 * come first, then rewinds the lexer and compiles the rest: the lexer's
 * state is a small struct, and the source stays in place (in flash on the
 * device). Before a function body is compiled, a quick token scan of the
 * body finds the names it assigns, which become its fast local slots. */
#include <string.h>

#include "bytecode.h"
#include "compiler.h"
#include "pith.h"
#include "lexer.h"
#include "obj.h"

/* Kept out of their callers, so a recursion through the parser carries
 * only the frames it uses (the device has 2 KiB of C stack). */
#define NOINLINE __attribute__((noinline))

#define MAX_LOOPS 8
#define NO_JUMP 0xFFFF

typedef struct {
    uint16_t cont;        /* continue target */
    uint16_t breaks;      /* chain of jumps to patch to the loop's end */
    uint8_t depth;        /* stack depth inside the loop, with the iterator */
    uint8_t slots;        /* stack slots the iterator takes (1 or 3) */
    uint8_t handlers;     /* handler records open at loop entry */
} loop_t;

typedef struct cfn {
    struct cfn *parent;
    /* heap objects: registered as gc roots while the function compiles */
    pv code;      /* raw block of bytecode */
    pv lines;     /* raw block of line entries */
    pv consts;    /* list */
    pv names;     /* list: local names (arguments first) */
    pv globals;   /* list: names declared global */
    uint16_t ncode, capcode, nlines, caplines;
    uint32_t line, lineoff;  /* last line recorded and its code offset */
    int16_t depth, maxdepth;
    uint8_t handlers;        /* handler records open now */
    uint8_t nloops;
    loop_t loops[MAX_LOOPS];
    bool is_module;
} cfn;

#define MAX_COMP_VARS 8

typedef struct {
    lexer L;
    cfn *fn;
    const pstr *file;
    int mode;
    /* comprehension variables in scope: their own fast slots, so they do
     * not leak into (or clobber) the enclosing scope, as in Python 3 */
    pv comp_names[MAX_COMP_VARS];
    uint8_t comp_slots[MAX_COMP_VARS];
    int ncomp;
    bool comp_store;
    uint32_t line_at;   /* nonzero: the line for the next instructions (a loop's back jump) */
} comp;

static void expr(comp *c);
static void test(comp *c);
static void statement(comp *c);
static void block(comp *c);
static void or_test(comp *c);
static void lambda(comp *c);
static void atom(comp *c);
static void trailers(comp *c);

/* ---- errors ---- */
static _Noreturn void syntax_error(comp *c, const char *msg) {
    pv e = exc_new(&t_SyntaxError, PV_NULL);
    gc_root_push(&e);
    ((pexc *)e)->args = tuple_new(1);
    ((ptuple *)((pexc *)e)->args)->items[0] = str_from_c(c->L.tok == T_ERROR && c->L.error ? c->L.error : msg);
    exc_add_tb(e, c->file, c->L.tline, NULL);
    gc_root_pop(1);
    rt_raise(e);
}

static void next(comp *c) {
    static uint8_t polls; /* Ctrl-C stops a long compile too: a token can cost a millisecond */
    if (++polls % 16 == 0) rt_poll();
    lex_next(&c->L);
    if (c->L.tok == T_ERROR) syntax_error(c, c->L.error);
}
static bool accept(comp *c, int tok) {
    if (c->L.tok != tok) return false;
    next(c);
    return true;
}
static void expect(comp *c, int tok) {
    if (!accept(c, tok)) syntax_error(c, "invalid syntax");
}

/* ---- emitting ---- */
static uint8_t *code_of(cfn *f) { return (uint8_t *)f->code; }

/* The compiler's scratch buffers live at the top of the arena (gc_top). */
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

/* Copy a scratch buffer into a block for the finished code object. */
static void *persist(pv *scratch, size_t n) {
    void *p = gc_alloc(n ? n : 1);
    memcpy(p, (void *)*scratch, n);
    gc_free((void *)*scratch);
    *scratch = (pv)p;
    return p;
}

static void reserve(comp *c, size_t n) {
    cfn *f = c->fn;
    if (f->ncode + n > f->capcode) {
        size_t cap = f->capcode + f->capcode / 2 + n; /* 1.5x: old and new coexist while copying */
        if (cap > 0xFFF0) syntax_error(c, "function too long");
        f->code = (pv)scratch_realloc((void *)f->code, cap);
        f->capcode = cap;
    }
}

static void byte(comp *c, int b) {
    reserve(c, 1);
    code_of(c->fn)[c->fn->ncode++] = (uint8_t)b;
}

NOINLINE static void mark_line(comp *c) {
    cfn *f = c->fn;
    uint32_t line = c->line_at ? c->line_at : c->L.tline;
    if (line == f->line) return;
    /* entries: (code delta, line delta) bytes; big steps split */
    while (f->nlines + 8 > f->caplines) {
        f->caplines = f->caplines * 2 + 16;
        f->lines = (pv)scratch_realloc((void *)f->lines, f->caplines);
    }
    uint8_t *p = (uint8_t *)f->lines;
    uint32_t dc = (uint32_t)f->ncode - f->lineoff;
    int32_t dl = (int32_t)line - (int32_t)f->line;
    if (dl < 0) {
        /* a rewind went back a line: restart the table position explicitly */
        while (f->nlines + 8 > f->caplines) {
            f->caplines *= 2;
            f->lines = (pv)scratch_realloc((void *)f->lines, f->caplines);
        }
        p = (uint8_t *)f->lines;
        p[f->nlines++] = 0;   /* marker: absolute line follows */
        p[f->nlines++] = 0;
        while (dc > 255) {
            p[f->nlines++] = 255;
            p[f->nlines++] = 0;
            dc -= 255;
        }
        p[f->nlines++] = (uint8_t)dc;
        p[f->nlines++] = 0;
        /* absolute line in two more bytes */
        p[f->nlines++] = (uint8_t)(line & 0xFF);
        p[f->nlines++] = (uint8_t)(line >> 8);
    } else {
        while (dc > 255 || dl > 255) {
            uint32_t a = dc > 255 ? 255 : dc, b = dl > 255 ? 255 : (uint32_t)dl;
            if (a == 0 && b == 0) break;
            p[f->nlines++] = (uint8_t)a;
            p[f->nlines++] = (uint8_t)b;
            dc -= a;
            dl -= (int32_t)b;
            if (f->nlines + 8 > f->caplines) {
                f->caplines *= 2;
                f->lines = (pv)scratch_realloc((void *)f->lines, f->caplines);
                p = (uint8_t *)f->lines;
            }
        }
        if (dl == 0 && dc == 0) {
            f->line = line;
            return;
        }
        p[f->nlines++] = (uint8_t)dc;
        p[f->nlines++] = (uint8_t)dl;
        if (dc == 0 && dl == 0) f->nlines -= 2;
    }
    f->line = line;
    f->lineoff = (uint32_t)f->ncode;
}

static void stack(comp *c, int delta) {
    cfn *f = c->fn;
    f->depth += delta;
    if (f->depth > f->maxdepth) f->maxdepth = f->depth;
    if (f->maxdepth > 250) syntax_error(c, "expression too complex");
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

static uint16_t here(comp *c) { return (uint16_t)c->fn->ncode; }

/* Emit a jump; returns its operand's offset for patching. */
static uint16_t jump(comp *c, int o, uint16_t target, int delta) {
    op(c, o, delta);
    uint16_t at = here(c);
    byte(c, target & 0xFF);
    byte(c, target >> 8);
    return at;
}

static void patch(comp *c, uint16_t at, uint16_t target) {
    code_of(c->fn)[at] = target & 0xFF;
    code_of(c->fn)[at + 1] = target >> 8;
}

/* A chain of unpatched jumps linked through their operands. */
static void patch_chain(comp *c, uint16_t head, uint16_t target) {
    while (head != NO_JUMP) {
        uint8_t *p = code_of(c->fn) + head;
        uint16_t nxt = (uint16_t)(p[0] | p[1] << 8);
        patch(c, head, target);
        head = nxt;
    }
}

/* ---- constants and names ---- */
static unsigned add_const(comp *c, pv v) {
    plist *l = (plist *)c->fn->consts;
    for (size_t i = 0; i < l->len; i++) {
        pv k = l->items[i];
        if (k == v) return (unsigned)i;
        if (pv_type(k) == pv_type(v) && (pv_is(v, &t_str) || pv_is(v, &t_bytes)) && rt_equal(k, v))
            return (unsigned)i;
    }
    if (l->len >= 0x7FFF) syntax_error(c, "too many constants");
    scratch_append(c->fn->consts, v);
    return (unsigned)l->len - 1;
}

/* A name for LOAD_NAME, LOAD_ATTR, IMPORT, keyword arguments...: looked up
 * by pointer at run time, so it must be the interned object itself, never
 * an equal string literal. */
static unsigned add_name(comp *c, pv name) {
    plist *l = (plist *)c->fn->consts;
    for (size_t i = 0; i < l->len; i++)
        if (l->items[i] == name) return (unsigned)i;
    if (l->len >= 0x7FFF) syntax_error(c, "too many constants");
    scratch_append(c->fn->consts, name);
    return (unsigned)l->len - 1;
}

static pv tok_name(comp *c) { return str_intern(c->L.src + c->L.tstart, c->L.tlen); }

static int find_name(pv list, pv name) {
    plist *l = (plist *)list;
    for (size_t i = 0; i < l->len; i++)
        if (l->items[i] == name) return (int)i;
    return -1;
}

static int local_slot(comp *c, pv name) {
    for (int i = c->ncomp - 1; i >= 0; i--)
        if (c->comp_names[i] == name) return c->comp_slots[i];
    if (c->fn->is_module) return -1;
    return find_name(c->fn->names, name);
}

/* A name's load, store or delete: a fast slot in a function, else by name. */
static void name_op(comp *c, pv name, int fast, int by_name, int delta) {
    int s = local_slot(c, name);
    if (s >= 0)
        op_a(c, fast, (unsigned)s, delta);
    else
        op_a(c, by_name, add_name(c, name), delta);
}

static void load_name(comp *c, pv name) { name_op(c, name, OP_LOAD_FAST, OP_LOAD_NAME, 1); }

static void store_name(comp *c, pv name) {
    if (c->comp_store) {
        plist *names = (plist *)c->fn->names;
        if (c->ncomp == MAX_COMP_VARS || names->len >= 250) syntax_error(c, "comprehension too complex");
        c->comp_names[c->ncomp] = name;
        c->comp_slots[c->ncomp++] = (uint8_t)names->len;
        scratch_append(c->fn->names, name);
    }
    name_op(c, name, OP_STORE_FAST, OP_STORE_NAME, -1);
}

static void delete_name(comp *c, pv name) { name_op(c, name, OP_DELETE_FAST, OP_DELETE_NAME, 0); }

/* ---- saving and rewinding ---- */
typedef struct {
    lexpos L;
    uint16_t ncode, nlines, lineoff;
    int16_t depth;
    uint32_t line;
} mark_t;

static void comprehension_clauses(comp *c, int list_depth, const mark_t *elem, int is_dict);

/* A comprehension whose empty list/dict was just pushed. */
static void comprehension(comp *c, const mark_t *elem, int is_dict) {
    int scope = c->ncomp;
    comprehension_clauses(c, c->fn->depth, elem, is_dict);
    c->ncomp = scope;
}

static void save(comp *c, mark_t *m) {
    lex_save(&c->L, &m->L);
    m->ncode = (uint16_t)c->fn->ncode;
    m->nlines = (uint16_t)c->fn->nlines;
    m->line = c->fn->line;
    m->lineoff = (uint16_t)c->fn->lineoff;
    m->depth = (int16_t)c->fn->depth;
}
/* Drop the code emitted since the mark (the lexer stays where it is). */
static void truncate_to(comp *c, const mark_t *m) {
    c->fn->ncode = m->ncode;
    c->fn->nlines = m->nlines;
    c->fn->line = m->line;
    c->fn->lineoff = m->lineoff;
    c->fn->depth = m->depth;
}
static void rewind_lexer(comp *c, const mark_t *m) { lex_restore(&c->L, &m->L); }

/* Skip tokens up to (not including) one of the stop tokens at bracket depth 0. */
static void skip_until(comp *c, int stop1, int stop2) {
    int depth = 0;
    for (;;) {
        int t = c->L.tok;
        if (depth == 0 && (t == stop1 || t == stop2 || t == T_NEWLINE || t == T_SEMI || t == T_IN ||
                           t == T_COLON || t == T_EOF))
            return;
        if (t == T_EOF) syntax_error(c, "invalid syntax");
        if (t == T_LPAREN || t == T_LBRACKET || t == T_LBRACE) depth++;
        if (t == T_RPAREN || t == T_RBRACKET || t == T_RBRACE) {
            if (depth == 0) return;
            depth--;
        }
        next(c);
    }
}

/* ---- literals ---- */
static int hexval(int ch) {
    if (ch >= '0' && ch <= '9') return ch - '0';
    if ((ch | 32) >= 'a' && (ch | 32) <= 'f') return (ch | 32) - 'a' + 10;
    return -1;
}

static void utf8_put(vstr *v, uint32_t cp) {
    char b[4];
    vstr_add(v, b, utf8_encode(cp, b));
}

/* Decode one string token (with prefix and quotes) into v. */
NOINLINE static bool decode_string(comp *c, vstr *v) {
    const char *s = c->L.src + c->L.tstart;
    size_t n = c->L.tlen;
    bool raw = false, isbytes = false;
    while (*s != '"' && *s != '\'') {
        raw |= (*s | 32) == 'r';
        isbytes |= (*s | 32) == 'b';
        s++;
        n--;
    }
    size_t q = (n >= 6 && s[1] == s[0] && s[2] == s[0]) ? 3 : 1;
    const char *p = s + q, *end = s + n - q;
    while (p < end) {
        char ch = *p++;
        if (ch != '\\' || raw) {
            if (ch == '\r') continue;
            vstr_add(v, &ch, 1);
            if (raw && ch == '\\' && p < end) {
                vstr_add(v, p, 1);
                p++;
            }
            continue;
        }
        char e = *p++;
        uint32_t cp;
        switch (e) {
        case '\n': continue;
        case 'n': cp = '\n'; break;
        case 't': cp = '\t'; break;
        case 'r': cp = '\r'; break;
        case '0': case '1': case '2': case '3': case '4': case '5': case '6': case '7':
            cp = (uint32_t)(e - '0');
            for (int i = 0; i < 2 && p < end && *p >= '0' && *p <= '7'; i++) cp = cp * 8 + (uint32_t)(*p++ - '0');
            break;
        case 'x':
            if (end - p < 2 || hexval(p[0]) < 0 || hexval(p[1]) < 0) syntax_error(c, "invalid \\x escape");
            cp = (uint32_t)(hexval(p[0]) * 16 + hexval(p[1]));
            p += 2;
            if (isbytes) {
                char b = (char)cp;
                vstr_add(v, &b, 1);
                continue;
            }
            break;
        case 'u': case 'U':
            if (isbytes) goto literal;
            {
                int len = e == 'u' ? 4 : 8;
                cp = 0;
                for (int i = 0; i < len; i++) {
                    if (p >= end || hexval(*p) < 0) syntax_error(c, "invalid \\u escape");
                    cp = cp * 16 + (uint32_t)hexval(*p++);
                }
            }
            break;
        case 'a': cp = 7; break;
        case 'b': cp = 8; break;
        case 'f': cp = 12; break;
        case 'v': cp = 11; break;
        case '\\': case '\'': case '"': cp = (uint32_t)e; break;
        default:
        literal:
            vstr_add(v, "\\", 1);
            vstr_add(v, &e, 1);
            continue;
        }
        if (isbytes) {
            char b = (char)cp;
            vstr_add(v, &b, 1);
        } else {
            utf8_put(v, cp);
        }
    }
    return isbytes;
}

NOINLINE static void string_literal(comp *c) {
    vstr v;
    vstr_init(&v, 16);
    gc_root_push((pv *)&v.buf);
    int kind = c->L.tok;
    while (c->L.tok == T_STR || c->L.tok == T_BYTES) {
        if (c->L.tok != kind) syntax_error(c, "cannot mix bytes and nonbytes literals");
        decode_string(c, &v);
        next(c);
    }
    pv s = vstr_to_str(&v, kind == T_BYTES ? &t_bytes : &t_str);
    gc_root_pop(1);
    op_a(c, OP_LOAD_CONST, add_const(c, s), 1);
}

NOINLINE static void number(comp *c) {
    bool ok;
    const char *s = c->L.src + c->L.tstart;
    pv v = c->L.tok == T_FLOAT ? float_from_str(s, c->L.tlen, &ok) : int_from_str(s, c->L.tlen, 0, &ok);
    if (!ok) syntax_error(c, "invalid syntax for number");
    next(c);
    if (PV_IS_INT(v) && PV_INT(v) >= -128 && PV_INT(v) <= 127) {
        op(c, OP_LOAD_SMALL, 1);
        byte(c, (int)(PV_INT(v) & 0xFF));
    } else {
        op_a(c, OP_LOAD_CONST, add_const(c, v), 1);
    }
}

/* ---- expressions ---- */

/* A positional argument, starting at mark m; f(x for x in y) builds the
 * generator as a list. */
static void positional_arg(comp *c, const mark_t *m) {
    test(c);
    if (c->L.tok == T_FOR) {
        truncate_to(c, m);
        op_a(c, OP_BUILD_LIST, 0, 1);
        comprehension(c, m, 0);
    }
}

/* Arguments of a call; the callee is on the stack. */
NOINLINE static void call(comp *c, int base_op) {
    int npos = 0, nkw = 0;
    bool star = false;
    while (c->L.tok != T_RPAREN) {
        if (c->L.tok == T_STAR) {
            if (star || nkw) syntax_error(c, "invalid syntax");
            next(c);
            test(c);
            star = true;
        } else if (c->L.tok == T_NAME) {
            mark_t m;
            save(c, &m);
            pv name = tok_name(c);
            next(c);
            if (c->L.tok == T_ASSIGN) {
                next(c);
                op_a(c, OP_LOAD_CONST, add_name(c, name), 1);
                test(c);
                nkw++;
            } else {
                rewind_lexer(c, &m);
                if (nkw || star) syntax_error(c, "positional argument follows keyword argument");
                positional_arg(c, &m);
                npos++;
            }
        } else {
            if (nkw || star) syntax_error(c, "positional argument follows keyword argument");
            mark_t m;
            save(c, &m);
            positional_arg(c, &m);
            npos++;
        }
        if (!accept(c, T_COMMA)) break;
    }
    expect(c, T_RPAREN);
    if (npos > 255 || nkw > 255) syntax_error(c, "too many arguments");
    int extra = base_op == OP_CALL_METHOD ? 1 : 0;
    int o = !star ? base_op : base_op == OP_CALL_METHOD ? OP_CALL_METHOD_VAR : OP_CALL_VAR;
    op(c, o, -(npos + 2 * nkw + (star ? 1 : 0) + extra));
    byte(c, npos);
    byte(c, nkw);
}

/* A subscript: index or slice; the container is on the stack. */
NOINLINE static void subscript(comp *c) {
    int parts = 0;
    bool slice = false;
    for (int i = 0; i < 3; i++) {
        if (c->L.tok == T_COLON || c->L.tok == T_RBRACKET || c->L.tok == T_COMMA) {
            op(c, OP_LOAD_NONE, 1);
        } else {
            test(c);
        }
        parts++;
        if (c->L.tok != T_COLON || i == 2) break;
        slice = true;
        next(c);
    }
    if (slice) {
        if (parts == 2) {
            op(c, OP_BUILD_SLICE, -1);
            byte(c, 2);
        } else {
            op(c, OP_BUILD_SLICE, -2);
            byte(c, 3);
        }
    } else if (c->L.tok == T_COMMA) {
        int n = 1;
        while (accept(c, T_COMMA) && c->L.tok != T_RBRACKET) {
            test(c);
            n++;
        }
        op_a(c, OP_BUILD_TUPLE, (unsigned)n, 1 - n);
    }
    expect(c, T_RBRACKET);
}


/* `[` elements `]`, `(` ... `)`, `{` ... `}`: the opening token is current. */
NOINLINE static void display(comp *c, int close, int build) {
    next(c);
    if (c->L.tok == close) {
        next(c);
        op_a(c, build, 0, 1);
        return;
    }
    mark_t start;
    save(c, &start);
    bool is_dict = build == OP_BUILD_DICT;
    test(c);
    if (is_dict) {
        expect(c, T_COLON);
        test(c);
    }
    if (c->L.tok == T_FOR) {
        /* comprehension: build the empty container, loop, then the element */
        truncate_to(c, &start);
        op_a(c, is_dict ? OP_BUILD_DICT : OP_BUILD_LIST, 0, 1);
        comprehension(c, &start, is_dict);
        expect(c, close); /* a generator expression is built eagerly, as a list */
        return;
    }
    if (build == OP_BUILD_TUPLE && c->L.tok == close) {
        next(c); /* parenthesised expression */
        return;
    }
    int n = 1;
    while (accept(c, T_COMMA) && c->L.tok != close) {
        test(c);
        if (is_dict) {
            expect(c, T_COLON);
            test(c);
        }
        n++;
    }
    expect(c, close);
    if (is_dict)
        op_a(c, OP_BUILD_DICT, (unsigned)n, 1 - 2 * n);
    else
        op_a(c, build, (unsigned)n, 1 - n);
}

static void lambda(comp *c);

NOINLINE static void atom(comp *c) {
    int t = c->L.tok;
    switch (t) {
    case T_NAME: {
        pv name = tok_name(c);
        next(c);
        load_name(c, name);
        return;
    }
    case T_INT: case T_FLOAT: number(c); return;
    case T_STR: case T_BYTES: string_literal(c); return;
    case T_NONE: next(c); op(c, OP_LOAD_NONE, 1); return;
    case T_TRUE: next(c); op(c, OP_LOAD_TRUE, 1); return;
    case T_FALSE: next(c); op(c, OP_LOAD_FALSE, 1); return;
    case T_ELLIPSIS: next(c); op_a(c, OP_LOAD_CONST, add_const(c, PV_FROM_PTR(&o_ellipsis)), 1); return;
    case T_LPAREN: display(c, T_RPAREN, OP_BUILD_TUPLE); return;
    case T_LBRACKET: display(c, T_RBRACKET, OP_BUILD_LIST); return;
    case T_LBRACE: display(c, T_RBRACE, OP_BUILD_DICT); return;
    default: syntax_error(c, "invalid syntax");
    }
}

NOINLINE static void trailers(comp *c) {
    for (;;) {
        if (c->L.tok == T_LPAREN) {
            next(c);
            call(c, OP_CALL);
        } else if (c->L.tok == T_LBRACKET) {
            next(c);
            subscript(c);
            op(c, OP_LOAD_SUBSCR, -1);
        } else if (c->L.tok == T_DOT) {
            next(c);
            if (c->L.tok != T_NAME) syntax_error(c, "invalid syntax");
            pv name = tok_name(c);
            next(c);
            if (c->L.tok == T_LPAREN) {
                op_a(c, OP_LOAD_METHOD, add_name(c, name), 1);
                next(c);
                call(c, OP_CALL_METHOD);
            } else {
                op_a(c, OP_LOAD_ATTR, add_name(c, name), 0);
            }
        } else {
            return;
        }
    }
}

/* Operator precedence, lowest first. */
enum { P_OR = 1, P_AND, P_NOT, P_CMP, P_BOR, P_BXOR, P_BAND, P_SHIFT, P_ARITH, P_TERM, P_UNARY, P_POWER };

static const struct { uint8_t tok, op, prec; } binops[] = {
    {T_PIPE, OP_OR, P_BOR}, {T_CARET, OP_XOR, P_BXOR}, {T_AMP, OP_AND, P_BAND},
    {T_LSHIFT, OP_LSHIFT, P_SHIFT}, {T_RSHIFT, OP_RSHIFT, P_SHIFT},
    {T_PLUS, OP_ADD, P_ARITH}, {T_MINUS, OP_SUB, P_ARITH},
    {T_STAR, OP_MUL, P_TERM}, {T_SLASH, OP_TRUEDIV, P_TERM}, {T_DSLASH, OP_FLOORDIV, P_TERM},
    {T_PERCENT, OP_MOD, P_TERM},
};

static int compare_op(comp *c, bool consume) {
    int o;
    switch (c->L.tok) {
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

/* Everything between `test` and an atom, by precedence climbing: one C
 * frame per nesting of operands rather than one per grammar level, which
 * matters with 2 KiB of C stack. */
static void expr_prec(comp *c, int min) {
    rt_check_stack();
    int t = c->L.tok;
    if (t == T_LAMBDA) {
        lambda(c);
        return;
    }
    if (t == T_NOT && min <= P_NOT) {
        next(c);
        expr_prec(c, P_NOT);
        op(c, OP_UNARY, 0);
        byte(c, OP_NOT);
    } else if (t == T_MINUS || t == T_PLUS || t == T_TILDE) {
        next(c);
        expr_prec(c, P_UNARY);
        op(c, OP_UNARY, 0);
        byte(c, t == T_MINUS ? OP_NEG : t == T_PLUS ? OP_POS : OP_INVERT);
    } else {
        atom(c);
        trailers(c);
        if (accept(c, T_DSTAR)) {
            expr_prec(c, P_UNARY);
            op(c, OP_BINARY, -1);
            byte(c, OP_POW);
        }
    }
    uint16_t or_chain = NO_JUMP, and_chain = NO_JUMP, cmp_chain = NO_JUMP;
    for (;;) {
        t = c->L.tok;
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
            op(c, OP_BINARY, -1);
            byte(c, o);
            continue;
        }
        if (compare_op(c, false) >= 0 && min <= P_CMP) {
            if (t == T_NOT) {
                /* `not` here must be `not in` */
                lexpos p;
                lex_save(&c->L, &p);
                next(c);
                bool is_in = c->L.tok == T_IN;
                lex_restore(&c->L, &p);
                if (!is_in) break;
            }
            o = compare_op(c, true);
            expr_prec(c, P_BOR);
            if (compare_op(c, false) >= 0) {
                /* a < b < c: keep b for the next comparison; stop early on false */
                cmp_chain = jump(c, OP_COMPARE_CHAIN, cmp_chain, -1);
                byte(c, o);
            } else {
                op(c, OP_BINARY, -1);
                byte(c, o);
            }
            continue;
        }
        patch_chain(c, cmp_chain, here(c));
        cmp_chain = NO_JUMP;
        if (t == T_AND && min <= P_AND) {
            next(c);
            and_chain = jump(c, OP_JUMP_IF_FALSE_OR_POP, and_chain, -1);
            expr_prec(c, P_NOT);
            continue;
        }
        if (t == T_OR && min <= P_OR) {
            patch_chain(c, and_chain, here(c));
            and_chain = NO_JUMP;
            next(c);
            or_chain = jump(c, OP_JUMP_IF_TRUE_OR_POP, or_chain, -1);
            expr_prec(c, P_AND);
            continue;
        }
        break;
    }
    patch_chain(c, cmp_chain, here(c));
    patch_chain(c, and_chain, here(c));
    patch_chain(c, or_chain, here(c));
}

static void or_test(comp *c) { expr_prec(c, P_OR); }

/* `A if C else B`, after A was compiled once from mark a: compile C
 * first, then come back for A. Kept out of test() to keep its frame small. */
NOINLINE static void conditional(comp *c, const mark_t *a) {
    truncate_to(c, a);
    next(c);
    or_test(c);
    uint16_t to_else = jump(c, OP_POP_JUMP_IF_FALSE, 0, -1);
    mark_t after_c;
    save(c, &after_c);
    rewind_lexer(c, a);
    or_test(c);
    uint16_t to_end = jump(c, OP_JUMP, 0, 0);
    rewind_lexer(c, &after_c);
    expect(c, T_ELSE);
    patch(c, to_else, here(c));
    stack(c, -1);
    test(c);
    patch(c, to_end, here(c));
}

/* test: or_test ['if' or_test 'else' test] | lambda */
static void test(comp *c) {
    mark_t a;
    save(c, &a);
    or_test(c);
    if (c->L.tok == T_IF) conditional(c, &a);
}

/* expr: test [, test ...] — a bare tuple when there is a comma */
static void expr(comp *c) {
    test(c);
    if (c->L.tok != T_COMMA) return;
    int n = 1;
    while (accept(c, T_COMMA)) {
        int t = c->L.tok;
        if (t == T_ASSIGN || t == T_NEWLINE || t == T_RPAREN || t == T_COLON || t == T_SEMI || t == T_EOF ||
            (t >= T_IADD && t <= T_IXOR))
            break;
        test(c);
        n++;
    }
    op_a(c, OP_BUILD_TUPLE, (unsigned)n, 1 - n);
}

/* ---- assignment targets ---- */
enum { TGT_STORE, TGT_DELETE, TGT_AUG };

static void target_list(comp *c, int mode);

/* One target: a name, or a primary ending in [..] or .name, or a
 * parenthesised/bracketed list. For TGT_AUG the target is loaded, the
 * operator applied to the value compiled from `aug_rhs`, then stored. */
NOINLINE static void target(comp *c, int mode, int aug_op, const mark_t *aug_rhs) {
    rt_check_stack();
    if ((c->L.tok == T_LPAREN || c->L.tok == T_LBRACKET) && mode != TGT_AUG) {
        int close = c->L.tok == T_LPAREN ? T_RPAREN : T_RBRACKET;
        next(c);
        target_list(c, mode);
        expect(c, close);
        return;
    }
    if (c->L.tok != T_NAME) syntax_error(c, "can't assign to expression");
    pv name = tok_name(c);
    next(c);
    /* pending: 0 a bare name, 1 a subscript, 2 an attribute */
    int pending = 0;
    pv attr = PV_NULL;
    for (;;) {
        int t = c->L.tok;
        if (t != T_LBRACKET && t != T_DOT && t != T_LPAREN) break;
        /* the previous pending part is a load (a call's result is already there) */
        if (pending == 0) load_name(c, name);
        else if (pending == 1) op(c, OP_LOAD_SUBSCR, -1);
        else if (pending == 2) op_a(c, OP_LOAD_ATTR, add_name(c, attr), 0);
        next(c);
        if (t == T_LBRACKET) {
            subscript(c);
            pending = 1;
        } else if (t == T_DOT) {
            if (c->L.tok != T_NAME) syntax_error(c, "invalid syntax");
            attr = tok_name(c);
            next(c);
            pending = 2;
        } else {
            call(c, OP_CALL);
            if (c->L.tok != T_LBRACKET && c->L.tok != T_DOT) syntax_error(c, "can't assign to function call");
            pending = 3;
        }
    }
    if (pending == 3) syntax_error(c, "can't assign to function call");
    if (mode == TGT_STORE) {
        if (pending == 0) store_name(c, name);
        else if (pending == 1) {
            /* value obj index -> */
            op(c, OP_STORE_SUBSCR, -3);
        } else {
            op_a(c, OP_STORE_ATTR, add_name(c, attr), -2);
        }
    } else if (mode == TGT_DELETE) {
        if (pending == 0) delete_name(c, name);
        else if (pending == 1) op(c, OP_DELETE_SUBSCR, -2);
        else syntax_error(c, "can't delete attribute");
    } else {
        if (pending == 0) load_name(c, name);
        else if (pending == 1) {
            op(c, OP_DUP_TOP_TWO, 2);
            op(c, OP_LOAD_SUBSCR, -1);
        } else {
            op(c, OP_DUP_TOP, 1);
            op_a(c, OP_LOAD_ATTR, add_name(c, attr), 0);
        }
        rewind_lexer(c, aug_rhs);
        expr(c);
        op(c, OP_BINARY, -1);
        byte(c, OP_INPLACE + aug_op);
        mark_t end_rhs;
        save(c, &end_rhs);
        if (pending == 0) store_name(c, name);
        else if (pending == 1) {
            op(c, OP_ROT_THREE, 0);
            op(c, OP_STORE_SUBSCR, -3);
        } else {
            op(c, OP_ROT_TWO, 0);
            op_a(c, OP_STORE_ATTR, add_name(c, attr), -2);
        }
        rewind_lexer(c, &end_rhs);
    }
}

/* Stores need the value under the target's parts: STORE_SUBSCR expects
 * value obj index, which is what compiling obj and index after the value
 * gives. A list of targets unpacks the value first. */
NOINLINE static void target_list(comp *c, int mode) {
    mark_t start;
    save(c, &start);
    /* count the targets at this level */
    int n = 0;
    bool trailing = false;
    for (;;) {
        if (c->L.tok == T_STAR) syntax_error(c, "starred assignment not supported");
        skip_until(c, T_COMMA, T_ASSIGN);
        n++;
        trailing = false;
        if (c->L.tok != T_COMMA) break;
        next(c);
        trailing = true;
        int t = c->L.tok;
        if (t == T_ASSIGN || t == T_IN || t == T_RPAREN || t == T_RBRACKET || t == T_NEWLINE || t == T_EOF) break;
    }
    rewind_lexer(c, &start);
    if (n == 1 && !trailing) {
        target(c, mode, 0, NULL);
        return;
    }
    if (mode == TGT_STORE) op_a(c, OP_UNPACK, (unsigned)n, n - 1);
    for (int i = 0; i < n; i++) {
        target(c, mode, 0, NULL);
        if (c->L.tok == T_COMMA) next(c);
    }
}

/* Skip a target list (for `for` loops) up to `in`. */
static void skip_targets(comp *c) {
    int depth = 0;
    while (!(depth == 0 && c->L.tok == T_IN)) {
        int t = c->L.tok;
        if (t == T_NEWLINE || t == T_EOF) syntax_error(c, "invalid syntax");
        if (t == T_LPAREN || t == T_LBRACKET) depth++;
        if (t == T_RPAREN || t == T_RBRACKET) depth--;
        next(c);
    }
}

NOINLINE static void comprehension_clauses(comp *c, int list_depth, const mark_t *elem, int is_dict) {
    /* current token: `for` */
    expect(c, T_FOR);
    mark_t tgt;
    save(c, &tgt);
    skip_targets(c);
    next(c);
    or_test(c);
    op(c, OP_GET_ITER, 0);
    uint16_t top = here(c);
    uint16_t exit = jump(c, OP_FOR_ITER, 0, 1);
    mark_t after_iter;
    save(c, &after_iter);
    rewind_lexer(c, &tgt);
    c->comp_store = true;
    target_list(c, TGT_STORE);
    c->comp_store = false;
    rewind_lexer(c, &after_iter);
    uint16_t skips = NO_JUMP;
    for (;;) {
        if (c->L.tok == T_IF) {
            next(c);
            mark_t cs;
            save(c, &cs);
            /* the condition may not be a conditional expression */
            or_test(c);
            skips = jump(c, OP_POP_JUMP_IF_FALSE, skips, -1);
        } else if (c->L.tok == T_FOR) {
            comprehension_clauses(c, list_depth, elem, is_dict);
            break;
        } else {
            mark_t end;
            save(c, &end);
            rewind_lexer(c, elem);
            test(c);
            if (is_dict) {
                expect(c, T_COLON);
                test(c);
                op_a(c, OP_DICT_STORE, (unsigned)(c->fn->depth - list_depth - 1), -2);
            } else {
                op_a(c, OP_LIST_APPEND, (unsigned)(c->fn->depth - list_depth), -1);
            }
            rewind_lexer(c, &end);
            break;
        }
    }
    patch_chain(c, skips, top);
    jump(c, OP_JUMP, top, 0);
    patch(c, exit, here(c));
    stack(c, -1);
}

/* ---- functions ---- */
static void begin_fn(comp *c, cfn *f, bool is_module) {
    memset(f, 0, sizeof *f);
    f->parent = c->fn;
    f->is_module = is_module;
    f->line = c->L.tline;
    gc_root_push(&f->code);
    gc_root_push(&f->lines);
    gc_root_push(&f->consts);
    gc_root_push(&f->names);
    gc_root_push(&f->globals);
    gc_top = true;
    f->code = (pv)gc_alloc(32);
    f->capcode = 32;
    f->lines = (pv)gc_alloc(16);
    f->caplines = 16;
    f->consts = list_new(0);
    f->names = list_new(0);
    f->globals = list_new(0);
    gc_top = false;
    c->fn = f;
}

/* Finish the function being compiled. A nested function's code becomes a
 * constant of the enclosing one before the code object is unrooted (*konst
 * is its index): in between, the collector would not see it. */
static pcode *end_fn(comp *c, const pstr *name, int nargs, int ndefaults, int flags, uint32_t firstline,
                     unsigned *konst) {
    cfn *f = c->fn;
    pcode *code = gc_alloc(sizeof(pcode));
    pv keep = (pv)code;
    gc_root_push(&keep);
    code->type = &t_code;
    code->code = persist(&f->code, f->ncode);
    code->ncode = (uint16_t)f->ncode;
    code->lines = persist(&f->lines, f->nlines);
    code->nlines = (uint16_t)f->nlines;
    plist *cl = (plist *)f->consts;
    pv t = tuple_new(cl->len + 1);
    memcpy(((ptuple *)t)->items, cl->items, cl->len * sizeof(pv));
    /* the last constant is the tuple of local names, for keyword arguments */
    plist *nl = (plist *)f->names;
    code->consts = t;
    pv names = tuple_new(nl->len);
    memcpy(((ptuple *)names)->items, nl->items, nl->len * sizeof(pv));
    ((ptuple *)code->consts)->items[cl->len] = names;
    code->name = name;
    code->file = c->file;
    code->firstline = (uint16_t)firstline;
    code->nargs = (uint8_t)nargs;
    code->nlocals = (uint8_t)nl->len;
    code->stack = (uint8_t)f->maxdepth;
    code->flags = (uint8_t)flags;
    code->ndefaults = (uint8_t)ndefaults;
    c->fn = f->parent;
    if (konst) *konst = add_const(c, (pv)code);
    gc_root_pop(6);
    return code;
}

/* Find the names a function body assigns (its locals). The lexer is at
 * the body's first token; it is rewound afterwards. */
static void add_local(comp *c, pv name) {
    if (find_name(c->fn->names, name) < 0 && find_name(c->fn->globals, name) < 0) {
        if (((plist *)c->fn->names)->len >= 250) syntax_error(c, "too many local variables");
        scratch_append(c->fn->names, name);
    }
}

/* `import x as y` binds y, not x: is the current name followed by `as`? */
static bool followed_by_as(comp *c) {
    lexpos p;
    lex_save(&c->L, &p);
    next(c);
    bool as = c->L.tok == T_AS;
    lex_restore(&c->L, &p);
    return as;
}

NOINLINE static void scan_locals(comp *c) {
    lexer start = c->L;
    lexer *L = &c->L;
    int indent = 0;          /* INDENT depth relative to the body */
    bool one_line = L->tok != T_NEWLINE;
    int skip_indent = -1;    /* skipping a nested def/class body at this level */
    bool at_stmt = true;
    int prev = T_NEWLINE;
    /* names seen in the current statement that may be targets */
    pv cand[8];
    int ncand = 0;
    int bracket = 0;         /* depth of brackets that are calls/subscripts */
    int group = 0;           /* depth of brackets that group targets */
    int mode = 0;            /* 0 normal, 1 after def/class, 2 import, 3 from-import, 4 global, 5 lambda, 6 for-target, 7 as */
    bool seen_import = false;
    if (!one_line) next(c); /* NEWLINE */
    for (;;) {
        int t = L->tok;
        if (t == T_EOF) break;
        if (t == T_INDENT || t == T_DEDENT) {
            indent += t == T_INDENT ? 1 : -1;
            if (skip_indent >= 0 && indent <= skip_indent) skip_indent = -1;
            if (indent <= 0 && !one_line) break;
            prev = t;
            next(c);
            continue;
        }
        if (t == T_NEWLINE) {
            if (one_line) break;
            at_stmt = true;
            ncand = 0;
            bracket = group = 0;
            mode = 0;
            prev = t;
            next(c);
            continue;
        }
        if (skip_indent >= 0) {
            prev = t;
            next(c);
            continue;
        }
        if (at_stmt && (t == T_DEF || t == T_CLASS)) mode = 1;
        if (at_stmt && t == T_IMPORT) { mode = 2; seen_import = true; }
        if (at_stmt && t == T_FROM) { mode = 3; seen_import = false; }
        if (at_stmt && t == T_GLOBAL) mode = 4;
        if (at_stmt && t == T_FOR) mode = 6;
        at_stmt = false;
        if (t == T_LAMBDA) mode = 5;
        if (t == T_AS) mode = 7;
        if (t == T_IMPORT && mode == 3) seen_import = true;
        if (t == T_NAME) {
            pv name = tok_name(c);
            if (mode == 1) {
                add_local(c, name);
                /* skip the nested body */
                skip_indent = indent;
                mode = 0;
                /* the def line itself continues to the colon: parameters are not ours */
                while (L->tok != T_COLON || L->depth > 0) {
                    if (L->tok == T_EOF) break;
                    next(c);
                }
                next(c);
                if (L->tok != T_NEWLINE) {
                    /* one-line nested body: skip to the end of the line */
                    skip_indent = -1;
                    while (L->tok != T_NEWLINE && L->tok != T_EOF) next(c);
                }
                prev = T_COLON;
                continue;
            } else if (mode == 2 && prev != T_DOT) {
                if ((prev == T_IMPORT || prev == T_COMMA) && !followed_by_as(c)) add_local(c, name);
            } else if (mode == 3 && seen_import && prev != T_AS) {
                if ((prev == T_IMPORT || prev == T_COMMA || prev == T_LPAREN) && !followed_by_as(c)) add_local(c, name);
            } else if (mode == 4) {
                if (find_name(c->fn->globals, name) < 0) scratch_append(c->fn->globals, name);
            } else if (mode == 7) {
                add_local(c, name);
                mode = 0;
            } else if (mode == 6) {
                if (bracket == 0 && prev != T_DOT) add_local(c, name);
            } else if (mode == 0 && bracket == 0 && prev != T_DOT && ncand < 8) {
                cand[ncand++] = name;
            }
        } else if (t == T_LPAREN || t == T_LBRACKET || t == T_LBRACE) {
            if (prev == T_NAME || prev == T_RPAREN || prev == T_RBRACKET || prev == T_STR || bracket > 0 || t == T_LBRACE)
                bracket++;
            else
                group++;
        } else if (t == T_RPAREN || t == T_RBRACKET || t == T_RBRACE) {
            if (bracket > 0) bracket--;
            else if (group > 0) group--;
        } else if (t == T_IN && mode == 6) {
            mode = 0;
            ncand = 0;
        } else if (t == T_COLON && mode == 5 && bracket == 0) {
            mode = 0;
            ncand = 0;
        } else if ((t == T_ASSIGN || (t >= T_IADD && t <= T_IXOR)) && bracket == 0 && mode == 0) {
            for (int i = 0; i < ncand; i++) add_local(c, cand[i]);
            ncand = 0;
        } else if (t == T_COLON || t == T_SEMI) {
            if (bracket == 0) {
                ncand = 0;
                if (t == T_SEMI || mode != 5) { at_stmt = true; mode = 0; group = 0; }
            }
        } else if (t == T_DOT) {
            /* a.b = ...: `a` was a candidate but is not a target */
            if (ncand > 0 && prev == T_NAME && bracket == 0) ncand--;
        }
        if (t == T_LBRACKET && prev == T_NAME && bracket == 1 && ncand > 0 && mode == 0) ncand--;
        prev = t;
        next(c);
    }
    c->L = start;
}

/* Parameters up to `)` or `:`; returns the count, sets *flags, pushes defaults. */
static int parameters(comp *c, int close, int *flags, int *ndefaults) {
    int n = 0;
    *flags = 0;
    *ndefaults = 0;
    while (c->L.tok != close) {
        if (c->L.tok == T_STAR) {
            next(c);
            if (c->L.tok != T_NAME) syntax_error(c, "invalid syntax");
            *flags |= CODE_VARARGS;
        } else if (c->L.tok == T_DSTAR) {
            syntax_error(c, "**kwargs not supported");
        }
        if (c->L.tok != T_NAME) syntax_error(c, "invalid syntax");
        pv name = tok_name(c);
        if (find_name(c->fn->names, name) >= 0) syntax_error(c, "duplicate argument name");
        scratch_append(c->fn->names, name);
        next(c);
        if (!(*flags & CODE_VARARGS)) n++;
        if (accept(c, T_ASSIGN)) {
            /* defaults are evaluated in the enclosing function */
            cfn *inner = c->fn;
            c->fn = inner->parent;
            test(c);
            c->fn = inner;
            (*ndefaults)++;
        } else if (*ndefaults && !(*flags & CODE_VARARGS)) {
            syntax_error(c, "non-default argument follows default argument");
        }
        if (!accept(c, T_COMMA)) break;
    }
    return n;
}

static void make_function(comp *c, unsigned konst, int ndefaults) {
    if (ndefaults) op_a(c, OP_BUILD_TUPLE, (unsigned)ndefaults, 1 - ndefaults);
    op_a(c, OP_MAKE_FUNCTION, konst, ndefaults ? 0 : 1);
    byte(c, ndefaults ? 1 : 0);
}

NOINLINE static void lambda(comp *c) {
    uint32_t line = c->L.tline;
    next(c);
    cfn f;
    begin_fn(c, &f, false);
    int flags, ndef;
    int nargs = parameters(c, T_COLON, &flags, &ndef);
    expect(c, T_COLON);
    test(c);
    op(c, OP_RETURN, -1);
    unsigned konst;
    end_fn(c, &N(lt_lambda), nargs, ndef, flags, line, &konst);
    make_function(c, konst, ndef);
}

NOINLINE static void funcdef(comp *c) {
    uint32_t line = c->L.tline;
    next(c);
    if (c->L.tok != T_NAME) syntax_error(c, "invalid syntax");
    pv name = tok_name(c);
    next(c);
    expect(c, T_LPAREN);
    cfn f;
    begin_fn(c, &f, false);
    int flags, ndef;
    int nargs = parameters(c, T_RPAREN, &flags, &ndef);
    expect(c, T_RPAREN);
    if (accept(c, T_ARROW)) {
        cfn *inner = c->fn;
        c->fn = inner->parent;
        mark_t m;
        save(c, &m);
        test(c);
        truncate_to(c, &m);
        c->fn = inner;
    }
    expect(c, T_COLON);
    scan_locals(c);
    block(c);
    op(c, OP_LOAD_NONE, 1);
    op(c, OP_RETURN, -1);
    unsigned konst;
    end_fn(c, (const pstr *)name, nargs, ndef, flags, line, &konst);
    make_function(c, konst, ndef);
    store_name(c, name);
}

/* ---- statements ---- */
static void simple_statement(comp *c);

NOINLINE static void expression_statement(comp *c) {
    mark_t start;
    save(c, &start);
    expr(c);
    int t = c->L.tok;
    if (t == T_ASSIGN) {
        /* targets = ... = value: compile the value first, then each target */
        truncate_to(c, &start);
        lexpos targets[6];
        int ntargets = 0;
        targets[ntargets++] = start.L;
        for (;;) {
            next(c); /* = */
            lexpos m;
            lex_save(&c->L, &m);
            skip_until(c, T_ASSIGN, T_NEWLINE);
            if (c->L.tok != T_ASSIGN) {
                lex_restore(&c->L, &m);
                break;
            }
            if (ntargets == 6) syntax_error(c, "too many targets");
            targets[ntargets++] = m;
        }
        expr(c);
        lexpos end;
        lex_save(&c->L, &end);
        for (int i = 0; i < ntargets; i++) {
            if (i < ntargets - 1) op(c, OP_DUP_TOP, 1);
            lex_restore(&c->L, &targets[i]);
            target_list(c, TGT_STORE);
        }
        lex_restore(&c->L, &end);
        return;
    }
    if (t >= T_IADD && t <= T_IXOR) {
        truncate_to(c, &start);
        int aug = t - T_IADD;
        next(c);
        mark_t rhs;
        save(c, &rhs);
        rewind_lexer(c, &start);
        target(c, TGT_AUG, aug, &rhs);
        return;
    }
    if (c->fn->is_module && c->mode == PITH_MODE_SINGLE && c->fn->parent == NULL)
        op(c, OP_PRINT_EXPR, -1);
    else
        op(c, OP_POP_TOP, -1);
}

static loop_t *begin_loop(comp *c, uint16_t cont, int slots) {
    cfn *f = c->fn;
    if (f->nloops == MAX_LOOPS) syntax_error(c, "too many nested loops");
    loop_t *l = &f->loops[f->nloops++];
    l->cont = cont;
    l->breaks = NO_JUMP;
    l->depth = (uint8_t)f->depth;
    l->slots = (uint8_t)slots;
    l->handlers = (uint8_t)f->handlers;
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
            op(c, OP_UNWIND_JUMP, 0);
            uint16_t at = here(c);
            byte(c, l->breaks & 0xFF);
            byte(c, l->breaks >> 8);
            l->breaks = at;
            byte(c, l->handlers);
            byte(c, l->depth - l->slots);
        } else {
            op(c, OP_UNWIND_JUMP, 0);
            byte(c, l->cont & 0xFF);
            byte(c, l->cont >> 8);
            byte(c, l->handlers);
            byte(c, l->depth);
        }
        return;
    }
    if (is_break) {
        for (int i = 0; i < l->slots; i++) {
            op(c, OP_POP_TOP, 0);
        }
        l->breaks = jump(c, OP_JUMP, l->breaks, 0);
    } else {
        jump(c, OP_JUMP, l->cont, 0);
    }
}

static void else_block(comp *c) {
    if (c->L.tok == T_ELSE) {
        next(c);
        expect(c, T_COLON);
        block(c);
    }
}

/* A loop's jump back belongs to its header's line (Ctrl-C lands there). */
static void loop_back(comp *c, uint16_t top, uint32_t line) {
    c->line_at = line;
    jump(c, OP_JUMP, top, 0);
    c->line_at = 0;
}

NOINLINE static void while_statement(comp *c) {
    uint32_t line = c->L.tline;
    next(c);
    uint16_t top = here(c);
    test(c);
    uint16_t exit = jump(c, OP_POP_JUMP_IF_FALSE, 0, -1);
    expect(c, T_COLON);
    begin_loop(c, top, 0);
    block(c);
    loop_back(c, top, line);
    patch(c, exit, here(c));
    loop_t l = c->fn->loops[--c->fn->nloops];
    else_block(c);
    patch_chain(c, l.breaks, here(c));
}

NOINLINE static void for_statement(comp *c) {
    uint32_t line = c->L.tline;
    next(c);
    mark_t tgt;
    save(c, &tgt);
    skip_targets(c);
    next(c); /* in */
    int slots = 1;
    uint16_t top, exit;
    mark_t iter_start;
    save(c, &iter_start);
    bool ranged = false;
    /* for x in range(...): a counting loop that allocates nothing */
    if (c->L.tok == T_NAME && c->L.tlen == 5 && memcmp(c->L.src + c->L.tstart, "range", 5) == 0 &&
        local_slot(c, tok_name(c)) < 0) {
        next(c);
        if (accept(c, T_LPAREN)) {
            int n = 0;
            while (c->L.tok != T_RPAREN && n < 4) {
                test(c);
                n++;
                if (!accept(c, T_COMMA)) break;
            }
            if (accept(c, T_RPAREN) && c->L.tok == T_COLON && n >= 1 && n <= 3) {
                ranged = true;
                if (n == 1) {
                    /* stop -> 0 stop 1 */
                    op(c, OP_LOAD_SMALL, 1);
                    byte(c, 0);
                    op(c, OP_ROT_TWO, 0);
                }
                if (n <= 2) {
                    op(c, OP_LOAD_SMALL, 1);
                    byte(c, 1);
                }
                op(c, OP_RANGE_SETUP, 0);
            }
        }
        if (!ranged) {
            truncate_to(c, &iter_start);
            rewind_lexer(c, &iter_start);
        }
    }
    if (ranged) {
        slots = 3;
        top = here(c);
        exit = jump(c, OP_FOR_RANGE, 0, 1);
    } else {
        expr(c);
        op(c, OP_GET_ITER, 0);
        top = here(c);
        exit = jump(c, OP_FOR_ITER, 0, 1);
    }
    mark_t body;
    save(c, &body);
    rewind_lexer(c, &tgt);
    target_list(c, TGT_STORE);
    rewind_lexer(c, &body);
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
    test(c);
    uint16_t skip = jump(c, OP_POP_JUMP_IF_FALSE, 0, -1);
    expect(c, T_COLON);
    block(c);
    uint16_t ends = NO_JUMP;
    while (c->L.tok == T_ELIF || c->L.tok == T_ELSE) {
        bool is_elif = c->L.tok == T_ELIF;
        ends = jump(c, OP_JUMP, ends, 0);
        patch(c, skip, here(c));
        skip = NO_JUMP;
        next(c);
        if (is_elif) {
            test(c);
            skip = jump(c, OP_POP_JUMP_IF_FALSE, 0, -1);
        }
        expect(c, T_COLON);
        block(c);
        if (!is_elif) break;
    }
    if (skip != NO_JUMP) patch(c, skip, here(c));
    patch_chain(c, ends, here(c));
}

/* finally: body runs with (value, kind) on the stack */
NOINLINE static void finally_body(comp *c, uint16_t setup) {
    op(c, OP_POP_BLOCK, -2);
    c->fn->handlers--;
    op(c, OP_LOAD_NONE, 1);
    op(c, OP_LOAD_SMALL, 1);
    byte(c, FIN_NORMAL);
    patch(c, setup, here(c));
    expect(c, T_FINALLY);
    expect(c, T_COLON);
    block(c);
    op(c, OP_END_FINALLY, -2);
}

/* Does the try statement whose body starts here have a finally clause? */
NOINLINE static bool has_finally_clause(comp *c) {
    lexer saved = c->L;
    int depth = 0;
    bool bol = false, found = false;
    for (;;) {
        int t = c->L.tok;
        if (t == T_EOF) break;
        if (t == T_INDENT) {
            depth++;
        } else if (t == T_DEDENT) {
            if (--depth < 0) break;
            bol = true;
        } else if (t == T_NEWLINE) {
            bol = true;
        } else {
            if (bol && depth == 0) {
                if (t == T_FINALLY) {
                    found = true;
                    break;
                }
                if (t != T_EXCEPT && t != T_ELSE) break;
            }
            bol = false;
        }
        next(c);
    }
    c->L = saved;
    return found;
}

NOINLINE static void try_statement(comp *c) {
    next(c);
    expect(c, T_COLON);
    uint16_t fin = NO_JUMP;
    bool has_finally = has_finally_clause(c);
    if (has_finally) {
        fin = jump(c, OP_SETUP_FINALLY, 0, 2);
        c->fn->handlers++;
    }
    /* The except record is emitted before we know an except clause
     * follows; without one it becomes a jump to the next instruction. */
    uint16_t setup_at = here(c);
    uint16_t handler = jump(c, OP_SETUP_EXCEPT, 0, 2);
    c->fn->handlers++;
    block(c);
    if (c->L.tok != T_EXCEPT) {
        code_of(c->fn)[setup_at] = OP_JUMP;
        patch(c, handler, (uint16_t)(setup_at + 3));
        c->fn->handlers--;
        stack(c, -2);
        if (!has_finally) syntax_error(c, "invalid syntax");
        finally_body(c, fin);
        return;
    }
    op(c, OP_POP_BLOCK, -2);
    c->fn->handlers--;
    uint16_t to_else = jump(c, OP_JUMP, 0, 0);
    patch(c, handler, here(c));
    stack(c, 1); /* the exception */
    uint16_t ends = NO_JUMP;
    while (c->L.tok == T_EXCEPT) {
        next(c);
        uint16_t nomatch = NO_JUMP;
        if (c->L.tok != T_COLON) {
            test(c);
            op(c, OP_EXC_MATCH, 0);
            nomatch = jump(c, OP_POP_JUMP_IF_FALSE, 0, -1);
            if (accept(c, T_AS)) {
                if (c->L.tok != T_NAME) syntax_error(c, "invalid syntax");
                pv name = tok_name(c);
                next(c);
                op(c, OP_DUP_TOP, 1);
                store_name(c, name);
            }
        }
        expect(c, T_COLON);
        block(c);
        op(c, OP_POP_EXCEPT, -1);
        ends = jump(c, OP_JUMP, ends, 0);
        stack(c, 1);
        if (nomatch == NO_JUMP) break;
        patch(c, nomatch, here(c));
    }
    /* no clause matched: re-raise */
    op(c, OP_RAISE, -1);
    byte(c, 2);
    patch(c, to_else, here(c));
    else_block(c);
    patch_chain(c, ends, here(c));
    if (has_finally) finally_body(c, fin);
}

NOINLINE static void with_statement(comp *c) {
    next(c);
    test(c);
    uint16_t fin = jump(c, OP_WITH_ENTER, 0, 2 + 1);
    c->fn->handlers++;
    if (accept(c, T_AS)) {
        target(c, TGT_STORE, 0, NULL);
    } else {
        op(c, OP_POP_TOP, -1);
    }
    if (c->L.tok == T_COMMA) syntax_error(c, "multiple context managers not supported");
    expect(c, T_COLON);
    block(c);
    op(c, OP_POP_BLOCK, -2);
    c->fn->handlers--;
    op(c, OP_LOAD_NONE, 1);
    op(c, OP_LOAD_SMALL, 1);
    byte(c, FIN_NORMAL);
    patch(c, fin, here(c));
    op(c, OP_WITH_EXIT, 0);
    op(c, OP_END_FINALLY, -2);
    op(c, OP_POP_TOP, -1);
}

static pv dotted_name(comp *c) {
    if (c->L.tok != T_NAME) syntax_error(c, "invalid syntax");
    size_t start = c->L.tstart, end = c->L.tstart + c->L.tlen;
    next(c);
    while (c->L.tok == T_DOT) {
        next(c);
        if (c->L.tok != T_NAME) syntax_error(c, "invalid syntax");
        end = c->L.tstart + c->L.tlen;
        next(c);
    }
    return str_intern(c->L.src + start, end - start);
}

/* Store TOS under `as NAME` if given, else under name. */
static void store_as(comp *c, pv name) {
    if (accept(c, T_AS)) {
        if (c->L.tok != T_NAME) syntax_error(c, "invalid syntax");
        name = tok_name(c);
        next(c);
    }
    store_name(c, name);
}

NOINLINE static void import_statement(comp *c) {
    next(c);
    do {
        pv name = dotted_name(c);
        op_a(c, OP_IMPORT, add_name(c, name), 1);
        store_as(c, name);
    } while (accept(c, T_COMMA));
}

NOINLINE static void from_statement(comp *c) {
    next(c);
    pv name = dotted_name(c);
    expect(c, T_IMPORT);
    op_a(c, OP_IMPORT, add_name(c, name), 1);
    if (accept(c, T_STAR)) {
        op(c, OP_IMPORT_STAR, -1);
        return;
    }
    bool paren = accept(c, T_LPAREN);
    do {
        if (paren && c->L.tok == T_RPAREN) break;
        if (c->L.tok != T_NAME) syntax_error(c, "invalid syntax");
        pv n = tok_name(c);
        next(c);
        op_a(c, OP_IMPORT_FROM, add_name(c, n), 1);
        store_as(c, n);
    } while (accept(c, T_COMMA));
    if (paren) expect(c, T_RPAREN);
    op(c, OP_POP_TOP, -1);
}

NOINLINE static void simple_statement(comp *c) {
    int t = c->L.tok;
    switch (t) {
    case T_PASS: next(c); break;
    case T_BREAK: break_continue(c, true); break;
    case T_CONTINUE: break_continue(c, false); break;
    case T_RETURN:
        if (c->fn->is_module) syntax_error(c, "'return' outside function");
        next(c);
        if (c->L.tok == T_NEWLINE || c->L.tok == T_SEMI || c->L.tok == T_EOF)
            op(c, OP_LOAD_NONE, 1);
        else
            expr(c);
        op(c, OP_RETURN, -1);
        break;
    case T_RAISE:
        next(c);
        if (c->L.tok == T_NEWLINE || c->L.tok == T_SEMI || c->L.tok == T_EOF) {
            op(c, OP_RAISE, 0);
            byte(c, 0);
        } else {
            test(c);
            if (accept(c, T_FROM)) {
                test(c);
                op(c, OP_POP_TOP, -1);
            }
            op(c, OP_RAISE, -1);
            byte(c, 1);
        }
        break;
    case T_GLOBAL:
        next(c);
        do {
            if (c->L.tok != T_NAME) syntax_error(c, "invalid syntax");
            next(c);
        } while (accept(c, T_COMMA));
        break;
    case T_NONLOCAL: syntax_error(c, "nonlocal not supported");
    case T_DEL:
        next(c);
        target_list(c, TGT_DELETE);
        break;
    case T_ASSERT: {
        next(c);
        test(c);
        uint16_t ok = jump(c, OP_POP_JUMP_IF_TRUE, 0, -1);
        load_name(c, (pv)&N(AssertionError));
        if (accept(c, T_COMMA)) {
            test(c);
            op(c, OP_CALL, -1);
            byte(c, 1);
            byte(c, 0);
        }
        op(c, OP_RAISE, -1);
        byte(c, 1);
        patch(c, ok, here(c));
        break;
    }
    case T_IMPORT: import_statement(c); break;
    case T_FROM: from_statement(c); break;
    default: expression_statement(c);
    }
}

static void statement(comp *c) {
    rt_check_stack();
    switch (c->L.tok) {
    case T_IF: if_statement(c); return;
    case T_WHILE: while_statement(c); return;
    case T_FOR: for_statement(c); return;
    case T_TRY: try_statement(c); return;
    case T_WITH: with_statement(c); return;
    case T_DEF: funcdef(c); return;
    case T_CLASS: syntax_error(c, "class definitions not supported yet");
    case T_YIELD: syntax_error(c, "generators not supported yet");
    default: break;
    }
    for (;;) {
        simple_statement(c);
        if (!accept(c, T_SEMI)) break;
        if (c->L.tok == T_NEWLINE || c->L.tok == T_EOF) break;
    }
    if (c->L.tok == T_EOF) return;
    if (!accept(c, T_NEWLINE)) syntax_error(c, "invalid syntax");
}

/* The suite after a colon: an indented block or statements on the same line. */
static void block(comp *c) {
    if (accept(c, T_NEWLINE)) {
        if (!accept(c, T_INDENT)) syntax_error(c, "expected an indented block");
        while (c->L.tok != T_DEDENT && c->L.tok != T_EOF) statement(c);
        accept(c, T_DEDENT);
    } else {
        for (;;) {
            simple_statement(c);
            if (!accept(c, T_SEMI)) break;
            if (c->L.tok == T_NEWLINE) break;
        }
        if (c->L.tok != T_EOF && !accept(c, T_NEWLINE)) syntax_error(c, "invalid syntax");
    }
}

pcode *compile(const char *src, size_t len, const pstr *file, int mode) {
    comp c;
    memset(&c, 0, sizeof c);
    c.file = file;
    c.mode = mode;
    cfn f;
    begin_fn(&c, &f, true);
    f.line = 1;
    lex_init(&c.L, src, len);
    if (c.L.tok == T_ERROR) syntax_error(&c, c.L.error);
    if (c.L.tok == T_INDENT) syntax_error(&c, "unexpected indent");
    while (c.L.tok != T_EOF) {
        if (c.L.tok == T_INDENT) syntax_error(&c, "unexpected indent");
        if (c.L.tok == T_DEDENT || c.L.tok == T_NEWLINE) {
            next(&c);
            continue;
        }
        statement(&c);
    }
    op(&c, OP_LOAD_NONE, 1);
    op(&c, OP_RETURN, -1);
    return end_fn(&c, &N(lt_module), 0, 0, 0, 1, NULL);
}
