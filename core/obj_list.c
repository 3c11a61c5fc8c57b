/* obj_list.c — list, tuple, range, slice and the generic sequence iterator. */
#include <string.h>

#include "obj.h"
#include "vm.h"


/* The items of a list, a tuple or a tuple-shaped type (a namedtuple: one
 * that indexes with the tuple's own subscr), or NULL. */
static pv tuple_subscr(pv self, pv index, pv value);
pv *seq_items(pv v, size_t *n) {
    *n = 0;
    if (!PV_IS_OBJ(v)) return NULL;
    const ptype *t = PV_OBJ(v)->type;
    if (t == &t_list) {
        *n = ((plist *)v)->len;
        return ((plist *)v)->items;
    }
    if (t == &t_tuple || t->subscr == tuple_subscr) {
        *n = ((ptuple *)v)->len;
        return ((ptuple *)v)->items;
    }
    return NULL;
}

/* Lexicographic comparison of two sequences. Item comparisons may run
 * Python code that changes either sequence: the items are looked up again
 * after each one. */
static pv seq_compare(int op, pv a, pv b) {
    size_t na, nb, i = 0;
    for (;; i++) {
        pv *ia = seq_items(a, &na), *ib = seq_items(b, &nb);
        if (i >= na || i >= nb || !rt_equal(ia[i], ib[i])) break;
    }
    if (op == OP_EQ || op == OP_NE) {
        bool eq = na == nb && i == na;
        return PV_BOOL(op == OP_EQ ? eq : !eq);
    }
    if (i < na && i < nb) {
        pv *ia = seq_items(a, &na), *ib = seq_items(b, &nb);
        if (i < na && i < nb) return rt_binary(op, ia[i], ib[i]);
    }
    switch (op) {
    case OP_LT: return PV_BOOL(na < nb);
    case OP_LE: return PV_BOOL(na <= nb);
    case OP_GT: return PV_BOOL(na > nb);
    default: return PV_BOOL(na >= nb);
    }
}

/* ---- tuple ---- */
pv tuple_new(size_t n) {
    ptuple *t = gc_alloc(sizeof(ptuple) + n * sizeof(pv));
    t->type = &t_tuple;
    t->len = n;
    return (pv)t;
}

static pv seq_to_tuple_or_list(pv src, bool as_list);

static pv tuple_make(const ptype *t, int n, const pv *args, int nkw, const pv *kw) {
    rt_check_args(n, 0, 1);
    if (n == 0) return tuple_new(0);
    if (pv_is(args[0], &t_tuple)) return args[0];
    return seq_to_tuple_or_list(args[0], false);
}

/* Items are looked up afresh after each one: printing may run Python code
 * that changes a list. */
static void seq_print(pout *o, pv self, const char *open, const char *close) {
    size_t n;
    out_str(o, open);
    for (size_t i = 0; seq_items(self, &n) && i < n; i++) {
        if (i) out_str(o, ", ");
        rt_print(o, seq_items(self, &n)[i], true);
    }
    if (seq_items(self, &n) && n == 1 && open[0] == '(') out_char(o, ',');
    out_str(o, close);
}

static void tuple_print(pout *o, pv self, bool repr) { seq_print(o, self, "(", ")"); }

pv tuple_unary(int op, pv self) {
    ptuple *t = (ptuple *)self;
    switch (op) {
    case OP_LEN: return PV_FROM_INT(t->len);
    case OP_BOOL: return PV_BOOL(t->len != 0);
    case OP_HASH: {
        uint32_t h = 0x345678;
        for (size_t i = 0; i < t->len; i++) h = (h ^ rt_hash(t->items[i])) * 1000003u;
        return PV_FROM_INT(h >> 2);
    }
    default: return PV_NULL;
    }
}

static pv new_seq(bool is_list, size_t n, pv **items) {
    pv r = is_list ? list_new(n) : tuple_new(n);
    *items = is_list ? ((plist *)r)->items : ((ptuple *)r)->items;
    return r;
}

/* seq * k (the sequence is rooted by the caller; k is any int) */
static pv repeat(pv seq, pv k) {
    if (!PV_IS_INT(k) && !pv_is(k, &t_int) && !pv_is(k, &t_bool)) return PV_NULL;
    int64_t times = rt_to_int(k);
    size_t na;
    seq_items(seq, &na);
    if (times < 0) times = 0;
    if ((uint64_t)times * na > 0xFFFFF) rt_memory_error((size_t)times * na * sizeof(pv));
    pv *d;
    pv r = new_seq(pv_is(seq, &t_list), (size_t)times * na, &d);
    pv *a = seq_items(seq, &na);
    for (int64_t i = 0; i < times; i++) memcpy(d + i * (int64_t)na, a, na * sizeof(pv));
    return r;
}

/* Appends every item of an iterable to a list (both rooted by the caller). */
static void list_extend(pv list, pv src) {
    size_t n, now;
    if (seq_items(src, &n)) {
        /* a list may be extended by itself: n is fixed before the first append */
        for (size_t i = 0; i < n; i++) list_append(list, seq_items(src, &now)[i]);
        return;
    }
    pv it = rt_iter(src);
    gc_root_push(&it);
    pv v;
    while ((v = rt_next(it)) != PV_NULL) list_append(list, v);
    gc_root_pop(1);
}

/* Operators of list and tuple; also reached with a non-sequence on the
 * left (int * list, or a reflected operator), where only * applies. */
static pv seq_binary(int op, pv a, pv b) {
    int base = op & ~OP_INPLACE;
    size_t na, nb;
    pv *ia = seq_items(a, &na), *ib = seq_items(b, &nb);
    if (base == OP_MUL) return ia ? repeat(a, b) : ib ? repeat(b, a) : PV_NULL;
    if (!ia) return PV_NULL;
    if (base == OP_IN) {
        for (size_t i = 0; (ia = seq_items(a, &na)) && i < na; i++)
            if (rt_equal(ia[i], b)) return PV_TRUE;
        return PV_FALSE;
    }
    bool is_list = pv_is(a, &t_list);
    if (op == (OP_INPLACE | OP_ADD) && is_list) {
        list_extend(a, b);
        return a;
    }
    if (!ib || pv_is(b, &t_list) != is_list) {
        if (base == OP_EQ || base == OP_NE) return PV_BOOL(base == OP_NE);
        return PV_NULL;
    }
    if (base == OP_ADD) {
        pv *d;
        pv r = new_seq(is_list, na + nb, &d);
        memcpy(d, seq_items(a, &na), na * sizeof(pv));
        memcpy(d + na, seq_items(b, &nb), nb * sizeof(pv));
        return r;
    }
    if (base >= OP_LT && base <= OP_NE) return seq_compare(base, a, b);
    return PV_NULL;
}

static pv slice_copy(pv seq, pv index) {
    intptr_t start, stop, step;
    size_t count, len;
    seq_items(seq, &len);
    rt_slice_indices(index, len, &start, &stop, &step, &count);
    pv *d;
    pv r = new_seq(pv_is(seq, &t_list), count, &d);
    pv *items = seq_items(seq, &len);
    for (size_t i = 0; i < count; i++) d[i] = items[start + (intptr_t)i * step];
    return r;
}

static pv tuple_subscr(pv self, pv index, pv value) {
    ptuple *t = (ptuple *)self;
    if (value != SUB_LOAD) {
        if (value == SUB_DELETE) rt_raise_fmt(&t_TypeError, "'%s' object doesn't support item deletion", rt_type_name(self));
        rt_raise_fmt(&t_TypeError, "'%s' object doesn't support item assignment", rt_type_name(self));
    }
    if (pv_is(index, &t_slice)) return slice_copy(self, index);
    return t->items[rt_index(index, t->len, "tuple")];
}

/* index(x[, start[, end]]) and count(x) of lists and tuples. Comparisons
 * may change a list: its items are looked up again after each one. */
static size_t clamp_index(pv v, size_t len) {
    int64_t i = rt_to_int(v);
    if (i < 0) i = i + (int64_t)len < 0 ? 0 : i + (int64_t)len;
    return i > (int64_t)len ? len : (size_t)i;
}

static pv seq_index(int n, const pv *args) {
    size_t len;
    seq_items(args[0], &len);
    size_t i = n > 2 ? clamp_index(args[2], len) : 0, end = n > 3 ? clamp_index(args[3], len) : len;
    pv *items;
    for (; i < end && (items = seq_items(args[0], &len)) && i < len; i++)
        if (rt_equal(items[i], args[1])) return PV_FROM_INT(i);
    rt_raise_msg(&t_ValueError, "object not in sequence");
}

static pv seq_count(pv self, pv x) {
    size_t len, k = 0;
    pv *items;
    for (size_t i = 0; (items = seq_items(self, &len)) && i < len; i++) k += rt_equal(items[i], x);
    return PV_FROM_INT(k);
}

static pv tuple_index_fn(int n, const pv *args, int nkw, const pv *kw) {
    builtin_self(args[0], &t_tuple);
    return seq_index(n, args);
}

static pv tuple_count_fn(int n, const pv *args, int nkw, const pv *kw) {
    return seq_count((pv)builtin_self(args[0], &t_tuple), args[1]);
}

static BUILTIN(tuple_index, index, 2, 4, false);
static BUILTIN(tuple_count, count, 2, 2, false);
TABLE(tuple_locals, MEMBER(count, &tuple_count), MEMBER(index, &tuple_index));

pv tuple_iter(pv self) { return seq_iter_new(self); }

const ptype t_tuple = {TYPE_HEAD(tuple), .make = tuple_make, .print = tuple_print, .unary = tuple_unary,
                       .binary = seq_binary, .subscr = tuple_subscr, .iter = tuple_iter,
                       .locals = &tuple_locals};

/* ---- list ---- */
pv list_new(size_t n) {
    plist *l = gc_alloc(sizeof(plist));
    pv keep = (pv)l;
    gc_root_push(&keep);
    l->type = &t_list;
    l->cap = n < 4 ? 4 : n;
    l->items = gc_alloc(l->cap * sizeof(pv));
    l->len = n;
    gc_root_pop(1);
    return (pv)l;
}

void list_append(pv list, pv item) {
    plist *l = (plist *)list;
    if (l->len == l->cap) {
        gc_root_push(&list);
        gc_root_push(&item);
        size_t cap = l->cap + (l->cap >> 1) + 2;
        l->items = gc_realloc(l->items, cap * sizeof(pv));
        l->cap = cap;
        gc_root_pop(2);
    }
    l->items[l->len++] = item;
}

static pv seq_to_tuple_or_list(pv src, bool as_list) {
    pv l = list_new(0);
    gc_root_push(&l);
    list_extend(l, src);
    if (!as_list) {
        plist *pl = (plist *)l;
        pv t = tuple_new(pl->len); /* l stays rooted: this may collect */
        if (pl->len) memcpy(((ptuple *)t)->items, pl->items, pl->len * sizeof(pv));
        l = t;
    }
    gc_root_pop(1);
    return l;
}

static pv list_make(const ptype *t, int n, const pv *args, int nkw, const pv *kw) {
    rt_check_args(n, 0, 1);
    if (n == 0) return list_new(0);
    return seq_to_tuple_or_list(args[0], true);
}

static void list_print(pout *o, pv self, bool repr) { seq_print(o, self, "[", "]"); }

static pv list_unary(int op, pv self) {
    plist *l = (plist *)self;
    if (op == OP_LEN) return PV_FROM_INT(l->len);
    if (op == OP_BOOL) return PV_BOOL(l->len != 0);
    return PV_NULL;
}

static void list_del(plist *l, size_t i, size_t n) {
    memmove(&l->items[i], &l->items[i + n], (l->len - i - n) * sizeof(pv));
    l->len -= n;
    memset(&l->items[l->len], 0, n * sizeof(pv));
}

static pv list_subscr(pv self, pv index, pv value) {
    plist *l = (plist *)self;
    if (pv_is(index, &t_slice)) {
        if (value == SUB_LOAD) return slice_copy(self, index);
        intptr_t start, stop, step;
        size_t count;
        rt_slice_indices(index, l->len, &start, &stop, &step, &count);
        if (value == SUB_DELETE) {
            if (step == 1) {
                list_del(l, (size_t)start, count);
            } else {
                /* delete from the back so indices stay valid */
                for (size_t k = count; k > 0; k--) {
                    intptr_t i = step > 0 ? start + (intptr_t)(k - 1) * step : start + (intptr_t)(count - k) * step;
                    list_del(l, (size_t)i, 1);
                }
            }
            return PV_NONE;
        }
        size_t n;
        pv src = value;
        if (!seq_items(src, &n) || src == self) src = seq_to_tuple_or_list(value, true);
        gc_root_push(&src);
        /* converting the value may have run Python code that resized the list */
        rt_slice_indices(index, l->len, &start, &stop, &step, &count);
        pv *items = seq_items(src, &n);
        if (step != 1) {
            if (n != count) rt_raise_fmt(&t_ValueError, "attempt to assign sequence of size %d to extended slice of size %d", (int)n, (int)count);
            for (size_t i = 0; i < n; i++) l->items[start + (intptr_t)i * step] = items[i];
        } else {
            if (stop < start) stop = start;
            size_t old = (size_t)(stop - start);
            size_t newlen = l->len - old + n;
            if (newlen > l->cap) {
                l->items = gc_realloc(l->items, newlen * sizeof(pv));
                l->cap = newlen;
                items = seq_items(src, &n);
            }
            memmove(&l->items[start + (intptr_t)n], &l->items[stop], (l->len - (size_t)stop) * sizeof(pv));
            memcpy(&l->items[start], items, n * sizeof(pv));
            if (newlen < l->len) memset(&l->items[newlen], 0, (l->len - newlen) * sizeof(pv));
            l->len = newlen;
        }
        gc_root_pop(1);
        return PV_NONE;
    }
    size_t i = rt_index(index, l->len, "list");
    if (value == SUB_LOAD) return l->items[i];
    if (value == SUB_DELETE) {
        list_del(l, i, 1);
        return PV_NONE;
    }
    l->items[i] = value;
    return PV_NONE;
}

static plist *list_self(pv v) { return builtin_self(v, &t_list); }

static pv list_appendm_fn(int n, const pv *args, int nkw, const pv *kw) {
    list_append((pv)list_self(args[0]), args[1]);
    return PV_NONE;
}

static pv list_extendm_fn(int n, const pv *args, int nkw, const pv *kw) {
    list_extend((pv)list_self(args[0]), args[1]);
    return PV_NONE;
}

static pv list_insert_fn(int n, const pv *args, int nkw, const pv *kw) {
    plist *l = list_self(args[0]);
    int64_t i = rt_to_int(args[1]);
    if (i < 0) i += (int64_t)l->len;
    if (i < 0) i = 0;
    if (i > (int64_t)l->len) i = (int64_t)l->len;
    list_append(args[0], args[2]);
    memmove(&l->items[i + 1], &l->items[i], (l->len - 1 - (size_t)i) * sizeof(pv));
    l->items[i] = args[2];
    return PV_NONE;
}

static pv list_pop_fn(int n, const pv *args, int nkw, const pv *kw) {
    plist *l = list_self(args[0]);
    if (l->len == 0) rt_raise_msg(&t_IndexError, "pop from empty list");
    size_t i = n > 1 ? rt_index(args[1], l->len, "list") : l->len - 1;
    pv v = l->items[i];
    list_del(l, i, 1);
    return v;
}

static pv list_remove_fn(int n, const pv *args, int nkw, const pv *kw) {
    plist *l = list_self(args[0]);
    for (size_t i = 0; i < l->len; i++)
        if (rt_equal(l->items[i], args[1]) && i < l->len) {
            list_del(l, i, 1);
            return PV_NONE;
        }
    rt_raise_msg(&t_ValueError, "object not in sequence");
}

static pv list_clear_fn(int n, const pv *args, int nkw, const pv *kw) {
    plist *l = list_self(args[0]);
    memset(l->items, 0, l->len * sizeof(pv));
    l->len = 0;
    return PV_NONE;
}

static pv list_copy_fn(int n, const pv *args, int nkw, const pv *kw) {
    return seq_to_tuple_or_list((pv)list_self(args[0]), true);
}

static pv list_reverse_fn(int n, const pv *args, int nkw, const pv *kw) {
    plist *l = list_self(args[0]);
    for (size_t i = 0; i < l->len / 2; i++) {
        pv t = l->items[i];
        l->items[i] = l->items[l->len - 1 - i];
        l->items[l->len - 1 - i] = t;
    }
    return PV_NONE;
}

static pv list_index_fn(int n, const pv *args, int nkw, const pv *kw) {
    list_self(args[0]);
    return seq_index(n, args);
}

static pv list_count_fn(int n, const pv *args, int nkw, const pv *kw) {
    return seq_count((pv)list_self(args[0]), args[1]);
}

/* Sort: keys are computed once into a parallel list, then a binary
 * insertion sort: few comparisons, stable as Python's is, and small code;
 * the moves are memmoves, quick at the sizes a 13 KiB heap holds. A
 * comparison may run Python code: the list's items are looked up again
 * after each one, and a change of its length stops the sort. */
static bool less(pv a, pv b, bool reverse) {
    if (reverse) {
        pv t = a;
        a = b;
        b = t;
    }
    if (PV_IS_INT(a) && PV_IS_INT(b)) return PV_INT(a) < PV_INT(b);
    return rt_truthy(rt_binary(OP_LT, a, b));
}

#define SORT_POLL 32 /* items between Ctrl-C checks: a sort of the largest list takes seconds */

static void check_unchanged(plist *l, size_t n) {
    if (l->len != n) rt_raise_msg(&t_ValueError, "list modified during sort");
}

static void list_sort(pv list, pv key, bool reverse) {
    plist *l = (plist *)list;
    size_t n = l->len;
    pv keys = PV_NONE;
    gc_root_push(&keys);
    pv *kv = l->items; /* without a key, the items are the keys */
    if (key != PV_NONE) {
        keys = list_new(n);
        kv = ((plist *)keys)->items; /* never resized */
        for (size_t i = 0; i < n; i++) {
            check_unchanged(l, n);
            kv[i] = rt_call1(key, l->items[i]);
            if (i % SORT_POLL == 0) rt_poll();
        }
    }
    for (size_t i = 1; i < n; i++) {
        if (i % SORT_POLL == 0) rt_poll(); /* Ctrl-C: the list stays a permutation of its items */
        size_t lo = 0, hi = i; /* insert after the last key not greater than kv[i] */
        while (lo < hi) {
            size_t mid = (lo + hi) / 2;
            bool lt = less(kv[i], kv[mid], reverse);
            check_unchanged(l, n);
            if (key == PV_NONE) kv = l->items; /* Python code in __lt__ may have moved them */
            if (lt) hi = mid;
            else lo = mid + 1;
        }
        pv k = kv[i], v = l->items[i];
        memmove(&kv[lo + 1], &kv[lo], (i - lo) * sizeof(pv));
        kv[lo] = k;
        if (kv != l->items) {
            memmove(&l->items[lo + 1], &l->items[lo], (i - lo) * sizeof(pv));
            l->items[lo] = v;
        }
    }
    gc_root_pop(1);
}

/* list.sort() and sorted(): keywords key and reverse only (v1's wording) */
void list_sort_kw(pv list, int nkw, const pv *kw) {
    pv key = PV_NONE, rev = PV_FALSE;
    for (int i = 0; i < nkw; i++) {
        if (kw[2 * i] == (pv)&N(key)) key = kw[2 * i + 1];
        else if (kw[2 * i] == (pv)&N(reverse)) rev = kw[2 * i + 1];
        else rt_raise_msg(&t_TypeError, "extra keyword arguments given");
    }
    list_sort(list, key, rt_truthy(rev));
}

static pv list_sortm_fn(int n, const pv *args, int nkw, const pv *kw) {
    list_sort_kw((pv)list_self(args[0]), nkw, kw);
    return PV_NONE;
}

static BUILTIN(list_appendm, append, 2, 2, false);
static BUILTIN(list_extendm, extend, 2, 2, false);
static BUILTIN(list_insert, insert, 3, 3, false);
static BUILTIN(list_pop, pop, 1, 2, false);
static BUILTIN(list_remove, remove, 2, 2, false);
static BUILTIN(list_clear, clear, 1, 1, false);
static BUILTIN(list_copy, copy, 1, 1, false);
static BUILTIN(list_reverse, reverse, 1, 1, false);
static BUILTIN(list_index, index, 2, 4, false);
static BUILTIN(list_count, count, 2, 2, false);
static BUILTIN(list_sortm, sort, 1, 1, true);
TABLE(list_locals, MEMBER(append, &list_appendm), MEMBER(clear, &list_clear), MEMBER(copy, &list_copy),
      MEMBER(count, &list_count), MEMBER(extend, &list_extendm), MEMBER(index, &list_index),
      MEMBER(insert, &list_insert), MEMBER(pop, &list_pop), MEMBER(remove, &list_remove),
      MEMBER(reverse, &list_reverse), MEMBER(sort, &list_sortm));

const ptype t_list = {TYPE_HEAD(list), .make = list_make, .print = list_print, .unary = list_unary,
                      .binary = seq_binary, .subscr = list_subscr, .iter = tuple_iter,
                      .locals = &list_locals};

/* ---- the sequence iterator: works on anything indexable with a length ---- */
typedef struct {
    const ptype *type;
    pv seq;
    size_t i;
} pseqiter;

static pv seqiter_next(pv self) {
    pseqiter *it = (pseqiter *)self;
    pv s = it->seq;
    const ptype *t = pv_type(s);
    size_t i = it->i;
    size_t n;
    pv *items = seq_items(s, &n);
    if (items) {
        if (i >= n) return PV_NULL;
        it->i++;
        return items[i];
    }
    if (t == &t_bytes) {
        pstr *b = (pstr *)s;
        if (i >= b->len) return PV_NULL;
        it->i++;
        return PV_FROM_INT((uint8_t)b->data[i]);
    }
    if (t == &t_str) {
        pstr *b = (pstr *)s;
        if (i >= b->len) return PV_NULL;
        size_t e = i + 1;
        while (e < b->len && ((uint8_t)b->data[e] & 0xC0) == 0x80) e++;
        it->i = e;
        return str_new(&t_str, b->data + i, e - i);
    }
    if (i >= rt_len(s)) return PV_NULL;
    it->i++;
    return rt_subscr(s, PV_FROM_INT(i), SUB_LOAD);
}

const ptype t_iter = {TYPE_HEAD(iterator), .next = seqiter_next};

pv seq_iter_new(pv seq) {
    pseqiter *it = gc_alloc(sizeof(pseqiter));
    it->type = &t_iter;
    it->seq = seq;
    return (pv)it;
}

/* ---- range ---- */
pv range_new(int32_t start, int32_t stop, int32_t step) {
    prange *r = gc_alloc(sizeof(prange));
    r->type = &t_range;
    r->start = start;
    r->stop = stop;
    r->step = step;
    return (pv)r;
}

static pv range_make(const ptype *t, int n, const pv *args, int nkw, const pv *kw) {
    rt_check_args(n, 1, 3);
    int32_t a = 0, b, s = 1;
    if (n == 1) {
        b = rt_to_small(args[0]);
    } else {
        a = rt_to_small(args[0]);
        b = rt_to_small(args[1]);
        if (n == 3) s = rt_to_small(args[2]);
    }
    if (s == 0) rt_raise_msg(&t_ValueError, "zero step");
    return range_new(a, b, s);
}

/* Up to 2**32 - 1 items: more than a small int holds. */
static uint32_t range_len(const prange *r) {
    int64_t n = r->step > 0 ? ((int64_t)r->stop - r->start + r->step - 1) / r->step
                            : ((int64_t)r->start - r->stop - r->step - 1) / -(int64_t)r->step;
    return n > 0 ? (uint32_t)n : 0;
}

/* The value of item i (< len): within the range, so it fits 32 bits. */
static int32_t range_item(const prange *r, uint32_t i) { return (int32_t)(r->start + (int64_t)i * r->step); }

static void range_print(pout *o, pv self, bool repr) {
    prange *r = (prange *)self;
    out_str(o, "range(");
    out_int(o, r->start);
    out_str(o, ", ");
    out_int(o, r->stop);
    if (r->step != 1) {
        out_str(o, ", ");
        out_int(o, r->step);
    }
    out_char(o, ')');
}

static pv range_unary(int op, pv self) {
    uint32_t n = range_len((prange *)self);
    if (op == OP_LEN) return rt_int(n);
    if (op == OP_BOOL) return PV_BOOL(n != 0);
    return PV_NULL;
}

static pv range_subscr(pv self, pv index, pv value) {
    prange *r = (prange *)self;
    if (value != SUB_LOAD)
        rt_raise_fmt(&t_TypeError, "'range' object doesn't support item %s", value == SUB_DELETE ? "deletion" : "assignment");
    uint32_t len = range_len(r);
    intptr_t start, stop, step;
    size_t count;
    if (rt_slice_indices(index, len, &start, &stop, &step, &count)) {
        int64_t s = r->start + (int64_t)start * r->step, st = (int64_t)r->step * step;
        int64_t e = r->start + (int64_t)stop * r->step;
        /* the end may lie one step beyond 32 bits: the last item does not */
        if (e > INT32_MAX) e = INT32_MAX;
        if (e < INT32_MIN) e = INT32_MIN;
        if (st > INT32_MAX || st < INT32_MIN) st = st > 0 ? INT32_MAX : INT32_MIN;
        return range_new((int32_t)s, (int32_t)e, (int32_t)st);
    }
    return rt_int(range_item(r, (uint32_t)rt_index(index, len, "range")));
}

static pv range_attr(pv self, const pstr *name) {
    prange *r = (prange *)self;
    if (name == &N(start)) return rt_int(r->start);
    if (name == &N(stop)) return rt_int(r->stop);
    if (name == &N(step)) return rt_int(r->step);
    return PV_NULL;
}

typedef struct {
    const ptype *type;
    int32_t cur, step;
    uint32_t left;
} prangeiter;

static pv rangeiter_next(pv self) {
    prangeiter *it = (prangeiter *)self;
    if (it->left == 0) return PV_NULL;
    int32_t v = it->cur;
    if (--it->left) it->cur = (int32_t)((int64_t)v + it->step);
    return rt_int(v);
}

static const ptype t_rangeiter = {TYPE_HEAD(iterator), .next = rangeiter_next};

static pv range_iter(pv self) {
    prange *r = (prange *)self;
    prangeiter *it = gc_alloc(sizeof(prangeiter));
    it->type = &t_rangeiter;
    it->cur = r->start;
    it->step = r->step;
    it->left = range_len(r);
    return (pv)it;
}

static pv range_binary(int op, pv a, pv b) {
    if (!pv_is(a, &t_range)) return PV_NULL;
    prange *r = (prange *)a;
    if (op == OP_IN && (PV_IS_INT(b) || pv_is(b, &t_int) || pv_is(b, &t_bool))) {
        int64_t v = rt_to_int(b);
        bool in = r->step > 0 ? (v >= r->start && v < r->stop) : (v <= r->start && v > r->stop);
        return PV_BOOL(in && (v - r->start) % r->step == 0);
    }
    if ((op == OP_EQ || op == OP_NE) && pv_is(b, &t_range)) {
        /* equal when they hold the same items */
        prange *y = (prange *)b;
        uint32_t nx = range_len(r), ny = range_len(y);
        bool eq = nx == ny && (nx == 0 || (r->start == y->start && (nx == 1 || r->step == y->step)));
        return PV_BOOL(op == OP_EQ ? eq : !eq);
    }
    return PV_NULL;
}

const ptype t_range = {TYPE_HEAD(range), .make = range_make, .print = range_print, .unary = range_unary,
                       .binary = range_binary, .subscr = range_subscr, .iter = range_iter, .attr = range_attr};

/* ---- slice ---- */
pv slice_new(pv start, pv stop, pv step) {
    pslice *s = gc_alloc(sizeof(pslice));
    s->type = &t_slice;
    s->start = start;
    s->stop = stop;
    s->step = step;
    return (pv)s;
}

static pv slice_make(const ptype *t, int n, const pv *args, int nkw, const pv *kw) {
    rt_check_args(n, 1, 3);
    if (n == 1) return slice_new(PV_NONE, args[0], PV_NONE);
    return slice_new(args[0], args[1], n > 2 ? args[2] : PV_NONE);
}

static void slice_print(pout *o, pv self, bool repr) {
    pslice *s = (pslice *)self;
    out_str(o, "slice(");
    rt_print(o, s->start, true);
    out_str(o, ", ");
    rt_print(o, s->stop, true);
    out_str(o, ", ");
    rt_print(o, s->step, true);
    out_char(o, ')');
}

static pv slice_attr(pv self, const pstr *name) {
    pslice *s = (pslice *)self;
    if (name == &N(start)) return s->start;
    if (name == &N(stop)) return s->stop;
    if (name == &N(step)) return s->step;
    return PV_NULL;
}

/* indices(len): (start, stop, step) normalised for a sequence of len items */
static pv slice_indices_fn(int n, const pv *args, int nkw, const pv *kw) {
    pv self = (pv)builtin_self(args[0], &t_slice);
    int64_t len = rt_to_int(args[1]);
    if (len < 0) rt_raise_msg(&t_ValueError, "length should not be negative");
    intptr_t v[3];
    size_t count;
    rt_slice_indices(self, (size_t)len, &v[0], &v[1], &v[2], &count);
    pv t = tuple_new(3);
    gc_root_push(&t);
    for (int i = 0; i < 3; i++) ((ptuple *)t)->items[i] = rt_int(v[i]);
    gc_root_pop(1);
    return t;
}
static BUILTIN(slice_indices, indices, 2, 2, false);
TABLE(slice_locals, MEMBER(indices, &slice_indices));

const ptype t_slice = {TYPE_HEAD(slice), .make = slice_make, .print = slice_print, .attr = slice_attr,
                       .locals = &slice_locals};
