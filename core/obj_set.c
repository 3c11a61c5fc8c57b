/* obj_set.c — set and frozenset: one hash table of items, open addressing
 * with linear probing, grown only when full through MicroPython's table of
 * sizes. Building and growing exactly as MicroPython does keeps the
 * iteration order, and so what `print` shows, the same as on the device. */
#include <string.h>

#include "obj.h"

/* A removed item leaves this mark so that probing continues past it; 4 is
 * never an object address (see SUB_DELETE). */
#define REMOVED ((pv)4)
#define FILLED(v) ((v) != PV_NULL && (v) != REMOVED)

enum { FIND = 0, ADD = 1, REMOVE = 2, TOGGLE = ADD | REMOVE };

static const uint16_t sizes[] = {0, 2, 4, 6, 8, 10, 12, 17, 23, 29, 37, 47, 59, 73, 97, 127,
                                 167, 223, 293, 389, 521, 691, 919, 1223, 1627, 2161, 3229};

static bool is_set(pv v) { return pv_is(v, &t_set) || pv_is(v, &t_frozenset); }

pv set_new(const ptype *t) {
    pset *s = gc_alloc(sizeof(pset));
    s->type = t;
    return (pv)s;
}

/* Re-add every item into a table of the next size (MicroPython's order). */
static void grow(pv set) {
    pset *s = (pset *)set;
    size_t n = s->alloc + 1, i = 0;
    while (i < sizeof sizes / sizeof sizes[0] && sizes[i] < n) i++;
    size_t alloc = i < sizeof sizes / sizeof sizes[0] ? sizes[i] : ((n + n / 2) | 1);
    if (alloc > 0xFFFF) rt_memory_error(alloc * sizeof(pv));
    pv *table = gc_alloc(alloc * sizeof(pv)); /* set is rooted by the caller */
    pv old = (pv)s->table; /* rooted: it holds the items until they move */
    gc_root_push(&old);
    size_t old_alloc = s->alloc;
    s->table = table;
    s->alloc = (uint16_t)alloc;
    s->used = 0;
    /* equal items never meet here: no comparisons, only hashes */
    for (size_t k = 0; k < old_alloc; k++) {
        pv v = ((pv *)old)[k];
        if (!FILLED(v)) continue;
        size_t pos = rt_hash(v) % alloc;
        if (s->table != table) break; /* a __hash__ changed the set: its items are in the new table already */
        while (table[pos] != PV_NULL) pos = (pos + 1) % alloc;
        table[pos] = v;
        s->used++;
    }
    gc_root_pop(1);
    gc_free((void *)old);
}

/* Find item; with ADD insert it when absent, with REMOVE take it out when
 * present. Returns the item found (or added), PV_NULL when absent. Hashing
 * and comparing may run Python code, so both values are rooted here, and
 * the table is read afresh after each comparison. */
static pv lookup(pv set, pv item, int mode) {
    pset *s = (pset *)set;
    if (s->alloc == 0 && !(mode & ADD)) return PV_NULL;
    gc_root_push(&set);
    gc_root_push(&item);
    uint32_t h = rt_hash(item);
    if (s->alloc == 0) grow(set);
    for (;;) {
        size_t alloc = s->alloc, pos = h % alloc, start = pos;
        long avail = -1;
        for (;;) {
            pv e = s->table[pos];
            if (e == PV_NULL) {
                if (mode & ADD) {
                    s->table[avail >= 0 ? (size_t)avail : pos] = item;
                    s->used++;
                    e = item;
                }
                gc_root_pop(2);
                return e;
            }
            if (e == REMOVED) {
                if (avail < 0) avail = (long)pos;
            } else if (e == item || rt_equal(e, item)) {
                if (s->alloc != alloc) break; /* the comparison changed the set: search again */
                if (mode & REMOVE) {
                    s->used--;
                    s->table[pos] = s->table[(pos + 1) % alloc] == PV_NULL ? PV_NULL : REMOVED;
                }
                gc_root_pop(2);
                return e;
            }
            if (s->alloc != alloc) break;
            pos = (pos + 1) % alloc;
            if (pos == start) {
                if (!(mode & ADD)) {
                    gc_root_pop(2);
                    return PV_NULL;
                }
                if (avail >= 0) {
                    s->table[avail] = item;
                    s->used++;
                    gc_root_pop(2);
                    return item;
                }
                grow(set);
                break;
            }
        }
    }
}

void set_add(pv set, pv item) { lookup(set, item, ADD); }

static pv set_copy_as(pv src, const ptype *t) {
    pv r = set_new(t);
    pset *s = (pset *)src;
    if (s->alloc) {
        gc_root_push(&r);
        pv *table = gc_alloc(s->alloc * sizeof(pv)); /* src is an argument: rooted by our caller */
        gc_root_pop(1);
        memcpy(table, s->table, s->alloc * sizeof(pv));
        ((pset *)r)->table = table;
        ((pset *)r)->alloc = s->alloc;
        ((pset *)r)->used = s->used;
    }
    return r;
}

/* Add (mode ADD), remove (REMOVE) or toggle every item of an iterable. */
static void each_item(pv set, pv iterable, int mode) {
    pv it = rt_iter(iterable);
    gc_root_push(&set);
    gc_root_push(&it);
    pv v;
    while ((v = rt_next(it)) != PV_NULL) lookup(set, v, mode);
    gc_root_pop(2);
}

static pv set_make(const ptype *t, int n, const pv *args, int nkw, const pv *kw) {
    if (nkw) rt_raise_msg(&t_TypeError, "function doesn't take keyword arguments");
    rt_check_args(n, 0, 1);
    if (n && t == &t_frozenset && pv_is(args[0], &t_frozenset)) return args[0];
    pv s = set_new(t);
    if (n) {
        gc_root_push(&s);
        each_item(s, args[0], ADD);
        gc_root_pop(1);
    }
    return s;
}

static void set_print(pout *o, pv self, bool repr) {
    pset *s = (pset *)self;
    bool frozen = s->type == &t_frozenset;
    if (s->used == 0) {
        out_str(o, frozen ? "frozenset()" : "set()");
        return;
    }
    if (frozen) out_str(o, "frozenset(");
    out_char(o, '{');
    bool first = true;
    for (size_t i = 0; i < s->alloc; i++) {
        if (!FILLED(s->table[i])) continue;
        if (!first) out_str(o, ", ");
        first = false;
        rt_print(o, s->table[i], true);
    }
    out_char(o, '}');
    if (frozen) out_char(o, ')');
}

static pv set_unary(int op, pv self) {
    pset *s = (pset *)self;
    switch (op) {
    case OP_LEN: return PV_FROM_INT(s->used);
    case OP_BOOL: return PV_BOOL(s->used != 0);
    case OP_HASH: {
        if (s->type != &t_frozenset) rt_raise_msg(&t_TypeError, "unsupported type for __hash__: 'set'");
        /* order-independent: a sum over the items */
        uint32_t h = 0x2F0F5E7u;
        for (size_t i = 0; i < s->alloc; i++)
            if (FILLED(s->table[i])) h += rt_hash(s->table[i]);
        return PV_FROM_INT(h >> 2);
    }
    default: return PV_NULL;
    }
}

/* Is every item of a in b (b a set or frozenset)? */
static bool subset(pv a, pv b) {
    pset *s = (pset *)a;
    gc_root_push(&a);
    gc_root_push(&b);
    bool in = true;
    for (size_t i = 0; in && i < s->alloc; i++)
        if (FILLED(s->table[i])) in = lookup(b, s->table[i], FIND) != PV_NULL;
    gc_root_pop(2);
    return in;
}

/* a <= b (proper: a < b) for a set and any iterable, as the methods take it. */
static bool subset_of_any(pv a, pv b, bool proper) {
    pv sa = is_set(a) ? a : set_make(&t_set, 1, &a, 0, NULL);
    gc_root_push(&sa);
    pv sb = is_set(b) ? b : set_make(&t_set, 1, &b, 0, NULL);
    gc_root_pop(1);
    if (proper && ((pset *)sa)->used == ((pset *)sb)->used) return false;
    return subset(sa, sb);
}

/* ---- the operations the methods and operators share ---- */
static pv union_of(pv self, int n, const pv *others) {
    pv r = set_copy_as(self, pv_type(self));
    gc_root_push(&r);
    for (int i = 0; i < n; i++) each_item(r, others[i], ADD);
    gc_root_pop(1);
    return r;
}

static pv difference_of(pv self, int n, const pv *others, bool update) {
    pv r = update ? self : set_copy_as(self, pv_type(self));
    gc_root_push(&r);
    for (int i = 0; i < n; i++) {
        if (others[i] == self) {
            pset *s = (pset *)r;
            if (s->alloc) memset(s->table, 0, s->alloc * sizeof(pv)); /* an empty set may have no table */
            s->used = 0;
        } else {
            each_item(r, others[i], REMOVE);
        }
    }
    gc_root_pop(1);
    return r;
}

/* The items of `other` that are in self, in a new set (MicroPython's order). */
static pv intersect_one(pv self, pv other) {
    pv r = set_new(pv_type(self)), it = PV_NULL;
    gc_root_push(&r);
    gc_root_push(&it);
    gc_root_push(&self);
    it = rt_iter(other);
    pv v;
    while ((v = rt_next(it)) != PV_NULL)
        if (lookup(self, v, FIND)) lookup(r, v, ADD);
    gc_root_pop(3);
    return r;
}

static pv intersection_of(pv self, int n, const pv *others, bool update) {
    pv r = n ? self : set_copy_as(self, pv_type(self));
    gc_root_push(&r);
    for (int i = 0; i < n; i++)
        if (others[i] != r) r = intersect_one(r, others[i]);
    gc_root_pop(1);
    if (update && r != self) {
        pset *s = (pset *)self, *t = (pset *)r;
        s->table = t->table;
        s->alloc = t->alloc;
        s->used = t->used;
    }
    return update ? self : r;
}

static pv symdiff_of(pv self, pv other, bool update) {
    pv r = update ? self : set_copy_as(self, pv_type(self));
    gc_root_push(&r);
    /* iterating a set while toggling items of the same set: copy it first */
    pv src = other == r ? set_copy_as(other, &t_set) : other;
    gc_root_push(&src);
    each_item(r, src, TOGGLE);
    gc_root_pop(2);
    return r;
}

static pv set_binary(int op, pv a, pv b) {
    if (!is_set(a)) return PV_NULL;
    if (op == OP_IN) return PV_BOOL(lookup(a, b, FIND) != PV_NULL);
    if (!is_set(b)) {
        if (op == OP_EQ || op == OP_NE) return PV_BOOL(op == OP_NE);
        return PV_NULL;
    }
    /* in-place forms update a set, and build a new object for a frozenset */
    bool update = (op & OP_INPLACE) && pv_is(a, &t_set);
    switch (op & ~OP_INPLACE) {
    case OP_OR:
        if (!update) return union_of(a, 1, &b);
        each_item(a, b, ADD);
        return a;
    case OP_AND: return intersection_of(a, 1, &b, update);
    case OP_SUB: return difference_of(a, 1, &b, update);
    case OP_XOR: return symdiff_of(a, b, update);
    case OP_LE: return PV_BOOL(subset(a, b));
    case OP_GE: return PV_BOOL(subset(b, a));
    case OP_LT: return PV_BOOL(((pset *)a)->used < ((pset *)b)->used && subset(a, b));
    case OP_GT: return PV_BOOL(((pset *)b)->used < ((pset *)a)->used && subset(b, a));
    case OP_EQ: return PV_BOOL(((pset *)a)->used == ((pset *)b)->used && subset(a, b));
    case OP_NE: return PV_BOOL(!(((pset *)a)->used == ((pset *)b)->used && subset(a, b)));
    default: return PV_NULL;
    }
}

/* ---- iteration ---- */
typedef struct {
    const ptype *type;
    pv set;
    size_t i;
} psetiter;

static pv setiter_next(pv self) {
    psetiter *it = (psetiter *)self;
    pset *s = (pset *)it->set;
    while (it->i < s->alloc) {
        pv v = s->table[it->i++];
        if (FILLED(v)) return v;
    }
    return PV_NULL;
}

static const ptype t_setiter = {TYPE_HEAD(iterator), .next = setiter_next};

static pv set_iter(pv self) {
    psetiter *it = gc_alloc(sizeof(psetiter));
    it->type = &t_setiter;
    it->set = self;
    return (pv)it;
}

/* ---- methods ---- */
static pv mutable_self(pv v) { return (pv)builtin_self(v, &t_set); }
static pv any_self(pv v) {
    if (!is_set(v)) builtin_self(v, &t_set);
    return v;
}

static pv set_addm_fn(int n, const pv *args, int nkw, const pv *kw) {
    lookup(mutable_self(args[0]), args[1], ADD);
    return PV_NONE;
}

static pv set_clear_fn(int n, const pv *args, int nkw, const pv *kw) {
    pset *s = (pset *)mutable_self(args[0]);
    gc_free(s->table);
    s->table = NULL;
    s->alloc = s->used = 0;
    return PV_NONE;
}

static pv set_copy_fn(int n, const pv *args, int nkw, const pv *kw) {
    return set_copy_as(any_self(args[0]), pv_type(args[0]));
}

static pv set_discard_fn(int n, const pv *args, int nkw, const pv *kw) {
    lookup(mutable_self(args[0]), args[1], REMOVE);
    return PV_NONE;
}

static pv set_remove_fn(int n, const pv *args, int nkw, const pv *kw) {
    if (!lookup(mutable_self(args[0]), args[1], REMOVE)) {
        pv t = tuple_new(1);
        ((ptuple *)t)->items[0] = args[1];
        builtin_raise(&t_KeyError, t);
    }
    return PV_NONE;
}

static pv set_pop_fn(int n, const pv *args, int nkw, const pv *kw) {
    pset *s = (pset *)mutable_self(args[0]);
    for (size_t i = 0; i < s->alloc; i++) {
        pv v = s->table[i];
        if (!FILLED(v)) continue;
        s->used--;
        s->table[i] = s->table[(i + 1) % s->alloc] == PV_NULL ? PV_NULL : REMOVED;
        return v;
    }
    rt_raise_msg(&t_KeyError, "pop from an empty set");
}

static pv set_union_fn(int n, const pv *args, int nkw, const pv *kw) {
    return union_of(any_self(args[0]), n - 1, args + 1);
}

static pv set_update_fn(int n, const pv *args, int nkw, const pv *kw) {
    pv s = mutable_self(args[0]);
    for (int i = 1; i < n; i++) each_item(s, args[i], ADD);
    return PV_NONE;
}

static pv set_difference_fn(int n, const pv *args, int nkw, const pv *kw) {
    return difference_of(any_self(args[0]), n - 1, args + 1, false);
}

static pv set_difference_update_fn(int n, const pv *args, int nkw, const pv *kw) {
    difference_of(mutable_self(args[0]), n - 1, args + 1, true);
    return PV_NONE;
}

static pv set_intersection_fn(int n, const pv *args, int nkw, const pv *kw) {
    return intersection_of(any_self(args[0]), n - 1, args + 1, false);
}

static pv set_intersection_update_fn(int n, const pv *args, int nkw, const pv *kw) {
    intersection_of(mutable_self(args[0]), n - 1, args + 1, true);
    return PV_NONE;
}

static pv set_symdiff_fn(int n, const pv *args, int nkw, const pv *kw) {
    return symdiff_of(any_self(args[0]), args[1], false);
}

static pv set_symdiff_update_fn(int n, const pv *args, int nkw, const pv *kw) {
    symdiff_of(mutable_self(args[0]), args[1], true);
    return PV_NONE;
}

static pv set_isdisjoint_fn(int n, const pv *args, int nkw, const pv *kw) {
    pv self = any_self(args[0]);
    pv it = rt_iter(args[1]), v;
    gc_root_push(&it);
    bool disjoint = true;
    while (disjoint && (v = rt_next(it)) != PV_NULL) disjoint = lookup(self, v, FIND) == PV_NULL;
    gc_root_pop(1);
    return PV_BOOL(disjoint);
}

static pv set_issubset_fn(int n, const pv *args, int nkw, const pv *kw) {
    return PV_BOOL(subset_of_any(any_self(args[0]), args[1], false));
}

static pv set_issuperset_fn(int n, const pv *args, int nkw, const pv *kw) {
    return PV_BOOL(subset_of_any(args[1], any_self(args[0]), false));
}

/* s.__contains__(x): the `in` test as a method */
static pv set_contains_fn(int n, const pv *args, int nkw, const pv *kw) {
    return PV_BOOL(lookup(any_self(args[0]), args[1], FIND) != PV_NULL);
}

static BUILTIN(set_contains, __contains__, 2, 2, false);
static BUILTIN(set_addm, add, 2, 2, false);
static BUILTIN(set_clear, clear, 1, 1, false);
static BUILTIN(set_copy, copy, 1, 1, false);
static BUILTIN(set_discard, discard, 2, 2, false);
static BUILTIN(set_remove, remove, 2, 2, false);
static BUILTIN(set_pop, pop, 1, 1, false);
static BUILTIN(set_union, union, 1, -1, false);
static BUILTIN(set_update, update, 1, -1, false);
static BUILTIN(set_difference, difference, 1, -1, false);
static BUILTIN(set_difference_update, difference_update, 1, -1, false);
static BUILTIN(set_intersection, intersection, 1, -1, false);
static BUILTIN(set_intersection_update, intersection_update, 1, -1, false);
static BUILTIN(set_symdiff, symmetric_difference, 2, 2, false);
static BUILTIN(set_symdiff_update, symmetric_difference_update, 2, 2, false);
static BUILTIN(set_isdisjoint, isdisjoint, 2, 2, false);
static BUILTIN(set_issubset, issubset, 2, 2, false);
static BUILTIN(set_issuperset, issuperset, 2, 2, false);

TABLE(set_locals, MEMBER(__contains__, &set_contains), MEMBER(add, &set_addm), MEMBER(clear, &set_clear), MEMBER(copy, &set_copy),
      MEMBER(discard, &set_discard), MEMBER(difference, &set_difference),
      MEMBER(difference_update, &set_difference_update), MEMBER(intersection, &set_intersection),
      MEMBER(intersection_update, &set_intersection_update), MEMBER(isdisjoint, &set_isdisjoint),
      MEMBER(issubset, &set_issubset), MEMBER(issuperset, &set_issuperset), MEMBER(pop, &set_pop),
      MEMBER(remove, &set_remove), MEMBER(symmetric_difference, &set_symdiff),
      MEMBER(symmetric_difference_update, &set_symdiff_update), MEMBER(union, &set_union),
      MEMBER(update, &set_update));
TABLE(frozenset_locals, MEMBER(__contains__, &set_contains), MEMBER(copy, &set_copy), MEMBER(difference, &set_difference),
      MEMBER(intersection, &set_intersection), MEMBER(isdisjoint, &set_isdisjoint),
      MEMBER(issubset, &set_issubset), MEMBER(issuperset, &set_issuperset),
      MEMBER(symmetric_difference, &set_symdiff), MEMBER(union, &set_union));

const ptype t_set = {TYPE_HEAD(set), .make = set_make, .print = set_print, .unary = set_unary,
                     .binary = set_binary, .iter = set_iter, .locals = &set_locals};
const ptype t_frozenset = {TYPE_HEAD(frozenset), .make = set_make, .print = set_print, .unary = set_unary,
                           .binary = set_binary, .iter = set_iter, .locals = &frozenset_locals};
