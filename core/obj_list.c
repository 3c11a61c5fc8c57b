/* obj_list.c — list, tuple, range, slice and the generic sequence iterator. */
#include <string.h>

#include "obj.h"
#include "vm.h"

void print_seq(pout *o, pv *items, size_t n, const char *open, const char *close, bool repr) {
    out_str(o, open);
    for (size_t i = 0; i < n; i++) {
        if (i) out_str(o, ", ");
        rt_print(o, items[i], true);
    }
    if (n == 1 && open[0] == '(') out_char(o, ',');
    out_str(o, close);
}

/* Lexicographic comparison of two item arrays. */
static pv seq_compare(int op, pv *a, size_t na, pv *b, size_t nb) {
    size_t n = na < nb ? na : nb, i = 0;
    for (; i < n; i++)
        if (!rt_equal(a[i], b[i])) break;
    if (op == OP_EQ || op == OP_NE) {
        bool eq = na == nb && i == n;
        return PV_BOOL(op == OP_EQ ? eq : !eq);
    }
    if (i < n) return rt_binary(op, a[i], b[i]);
    switch (op) {
    case OP_LT: return PV_BOOL(na < nb);
    case OP_LE: return PV_BOOL(na <= nb);
    case OP_GT: return PV_BOOL(na > nb);
    case OP_GE: return PV_BOOL(na >= nb);
    default: return PV_NULL;
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

static void tuple_print(pout *o, pv self, bool repr) {
    ptuple *t = (ptuple *)self;
    print_seq(o, t->items, t->len, "(", ")", repr);
}

static pv tuple_unary(int op, pv self) {
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

static pv concat(const ptype *type, pv *a, size_t na, pv *b, size_t nb) {
    pv r = type == &t_tuple ? tuple_new(na + nb) : list_new(na + nb);
    pv *d = type == &t_tuple ? ((ptuple *)r)->items : ((plist *)r)->items;
    memcpy(d, a, na * sizeof(pv));
    memcpy(d + na, b, nb * sizeof(pv));
    return r;
}

static pv repeat(const ptype *type, pv *a, size_t na, pv k) {
    if (!PV_IS_INT(k) && !pv_is(k, &t_int) && !pv_is(k, &t_bool)) return PV_NULL;
    int64_t times = rt_to_int(k);
    if (times < 0) times = 0;
    if ((uint64_t)times * na > 0xFFFFF) rt_memory_error((size_t)times * na * sizeof(pv));
    size_t total = (size_t)times * na;
    pv r = type == &t_tuple ? tuple_new(total) : list_new(total);
    pv *d = type == &t_tuple ? ((ptuple *)r)->items : ((plist *)r)->items;
    for (int64_t i = 0; i < times; i++) memcpy(d + i * (int64_t)na, a, na * sizeof(pv));
    return r;
}

static bool items_of(pv v, const ptype *type, pv **items, size_t *n) {
    if (!pv_is(v, type)) return false;
    *items = rt_unpack(v, n);
    return true;
}

static pv seq_binary(int op, pv a, pv b) {
    const ptype *type = pv_type(a);
    int base = op & ~OP_INPLACE;
    if (base == OP_MUL && (type == &t_tuple || type == &t_list)) {
        size_t n;
        pv *items = rt_unpack(a, &n);
        return repeat(type, items, n, b);
    }
    if (base == OP_MUL) {
        /* int * sequence */
        const ptype *tb = pv_type(b);
        size_t n;
        pv *items = rt_unpack(b, &n);
        return repeat(tb, items, n, a);
    }
    pv *ia, *ib;
    size_t na, nb;
    if (base == OP_IN) {
        ia = rt_unpack(a, &na);
        for (size_t i = 0; i < na; i++)
            if (rt_equal(ia[i], b)) return PV_TRUE;
        return PV_FALSE;
    }
    if (!items_of(a, type, &ia, &na)) return PV_NULL;
    if (!items_of(b, type, &ib, &nb)) {
        if (op == (OP_INPLACE | OP_ADD) && type == &t_list) {
            /* list += iterable */
            pv it = rt_iter(b);
            gc_root_push(&it);
            pv v;
            while ((v = rt_next(it)) != PV_NULL) list_append(a, v);
            gc_root_pop(1);
            return a;
        }
        if (base == OP_EQ || base == OP_NE) return PV_BOOL(base == OP_NE);
        return PV_NULL;
    }
    if (base == OP_ADD) {
        if (op & OP_INPLACE && type == &t_list) {
            for (size_t i = 0; i < nb; i++) list_append(a, ((plist *)b)->items[i]);
            return a;
        }
        return concat(type, ia, na, ib, nb);
    }
    if (base >= OP_LT && base <= OP_NE) return seq_compare(base, ia, na, ib, nb);
    return PV_NULL;
}

static pv slice_copy(const ptype *type, pv *items, size_t len, pv index) {
    intptr_t start, stop, step;
    size_t count;
    rt_slice_indices(index, len, &start, &stop, &step, &count);
    pv r = type == &t_tuple ? tuple_new(count) : list_new(count);
    pv *d = type == &t_tuple ? ((ptuple *)r)->items : ((plist *)r)->items;
    for (size_t i = 0; i < count; i++) d[i] = items[start + (intptr_t)i * step];
    return r;
}

static pv tuple_subscr(pv self, pv index, pv value) {
    ptuple *t = (ptuple *)self;
    if (value != SUB_LOAD) {
        if (value == SUB_DELETE) rt_raise_msg(&t_TypeError, "'tuple' object doesn't support item deletion");
        rt_raise_msg(&t_TypeError, "'tuple' object doesn't support item assignment");
    }
    if (pv_is(index, &t_slice)) return slice_copy(&t_tuple, t->items, t->len, index);
    return t->items[rt_index(index, t->len, "tuple")];
}

static pv seq_index_fn(int n, const pv *args, int nkw, const pv *kw) {
    size_t len;
    pv *items = rt_unpack(args[0], &len);
    for (size_t i = 0; i < len; i++)
        if (rt_equal(items[i], args[1])) return PV_FROM_INT(i);
    rt_raise_msg(&t_ValueError, "object not in sequence");
}

static pv seq_count_fn(int n, const pv *args, int nkw, const pv *kw) {
    size_t len, k = 0;
    pv *items = rt_unpack(args[0], &len);
    for (size_t i = 0; i < len; i++) k += rt_equal(items[i], args[1]);
    return PV_FROM_INT(k);
}

static BUILTIN(seq_index, index, 2, 4, false);
static BUILTIN(seq_count, count, 2, 2, false);
TABLE(tuple_locals, MEMBER(count, &seq_count), MEMBER(index, &seq_index));

static pv tuple_iter(pv self) { return seq_iter_new(self); }

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
        pv keep[2] = {list, item};
        gc_root_push(&keep[0]);
        gc_root_push(&keep[1]);
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
    if (pv_is(src, &t_list) || pv_is(src, &t_tuple)) {
        size_t n;
        pv *items = rt_unpack(src, &n);
        for (size_t i = 0; i < n; i++) list_append(l, items[i]);
    } else {
        pv it = rt_iter(src);
        gc_root_push(&it);
        pv v;
        while ((v = rt_next(it)) != PV_NULL) list_append(l, v);
        gc_root_pop(1);
    }
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

static void list_print(pout *o, pv self, bool repr) {
    plist *l = (plist *)self;
    print_seq(o, l->items, l->len, "[", "]", repr);
}

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
        if (value == SUB_LOAD) return slice_copy(&t_list, l->items, l->len, index);
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
        if (!pv_is(src, &t_list) && !pv_is(src, &t_tuple)) src = seq_to_tuple_or_list(value, true);
        gc_root_push(&src);
        pv *items = rt_unpack(src, &n);
        if (step != 1) {
            if (n != count) rt_raise_fmt(&t_ValueError, "attempt to assign sequence of size %d to extended slice of size %d", (int)n, (int)count);
            for (size_t i = 0; i < n; i++) l->items[start + (intptr_t)i * step] = items[i];
        } else {
            if (src == self) {
                src = seq_to_tuple_or_list(self, true);
                items = rt_unpack(src, &n);
            }
            if (stop < start) stop = start;
            size_t old = (size_t)(stop - start);
            size_t newlen = l->len - old + n;
            if (newlen > l->cap) {
                l->items = gc_realloc(l->items, newlen * sizeof(pv));
                l->cap = newlen;
                items = rt_unpack(src, &n);
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

static pv list_appendm_fn(int n, const pv *args, int nkw, const pv *kw) {
    list_append(args[0], args[1]);
    return PV_NONE;
}

static pv list_extend_fn(int n, const pv *args, int nkw, const pv *kw) {
    seq_binary(OP_INPLACE | OP_ADD, args[0], args[1]);
    return PV_NONE;
}

static pv list_insert_fn(int n, const pv *args, int nkw, const pv *kw) {
    plist *l = (plist *)args[0];
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
    plist *l = (plist *)args[0];
    if (l->len == 0) rt_raise_msg(&t_IndexError, "pop from empty list");
    size_t i = n > 1 ? rt_index(args[1], l->len, "list") : l->len - 1;
    pv v = l->items[i];
    list_del(l, i, 1);
    return v;
}

static pv list_remove_fn(int n, const pv *args, int nkw, const pv *kw) {
    plist *l = (plist *)args[0];
    for (size_t i = 0; i < l->len; i++)
        if (rt_equal(l->items[i], args[1])) {
            list_del(l, i, 1);
            return PV_NONE;
        }
    rt_raise_msg(&t_ValueError, "object not in sequence");
}

static pv list_clear_fn(int n, const pv *args, int nkw, const pv *kw) {
    plist *l = (plist *)args[0];
    memset(l->items, 0, l->len * sizeof(pv));
    l->len = 0;
    return PV_NONE;
}

static pv list_copy_fn(int n, const pv *args, int nkw, const pv *kw) {
    return seq_to_tuple_or_list(args[0], true);
}

static pv list_reverse_fn(int n, const pv *args, int nkw, const pv *kw) {
    plist *l = (plist *)args[0];
    for (size_t i = 0; i < l->len / 2; i++) {
        pv t = l->items[i];
        l->items[i] = l->items[l->len - 1 - i];
        l->items[l->len - 1 - i] = t;
    }
    return PV_NONE;
}

/* Sort: keys are computed once into a parallel list, then a binary
 * insertion sort: few comparisons, stable as Python's is, and small code;
 * the moves are memmoves, quick at the sizes a 13 KiB heap holds. */
static bool less(pv a, pv b, bool reverse) {
    return rt_truthy(rt_binary(OP_LT, reverse ? b : a, reverse ? a : b));
}

#define SORT_POLL 32 /* items between Ctrl-C checks: a sort of the largest list takes seconds */

void list_sort(pv list, pv key, bool reverse) {
    plist *l = (plist *)list;
    size_t n = l->len;
    pv keys = list_new(n);
    gc_root_push(&keys);
    for (size_t i = 0; i < n; i++) {
        pv k = key != PV_NONE ? rt_call1(key, l->items[i]) : l->items[i];
        ((plist *)keys)->items[i] = k;
        if (i % SORT_POLL == 0) rt_poll();
    }
    pv *kv = ((plist *)keys)->items, *items = l->items;
    for (size_t i = 1; i < n; i++) {
        if (i % SORT_POLL == 0) rt_poll(); /* Ctrl-C: the list stays a permutation of its items */
        pv k = kv[i], v = items[i];
        size_t lo = 0, hi = i; /* insert after the last key not greater than k */
        while (lo < hi) {
            size_t mid = (lo + hi) / 2;
            if (less(k, kv[mid], reverse)) hi = mid;
            else lo = mid + 1;
        }
        memmove(&kv[lo + 1], &kv[lo], (i - lo) * sizeof(pv));
        memmove(&items[lo + 1], &items[lo], (i - lo) * sizeof(pv));
        kv[lo] = k;
        items[lo] = v;
    }
    gc_root_pop(1);
}

static pv list_sortm_fn(int n, const pv *args, int nkw, const pv *kw) {
    pv key = rt_kwarg(&N(key), nkw, kw, PV_NONE);
    pv rev = rt_kwarg(&N(reverse), nkw, kw, PV_FALSE);
    list_sort(args[0], key, rt_truthy(rev));
    return PV_NONE;
}

static BUILTIN(list_appendm, append, 2, 2, false);
static BUILTIN(list_extend, extend, 2, 2, false);
static BUILTIN(list_insert, insert, 3, 3, false);
static BUILTIN(list_pop, pop, 1, 2, false);
static BUILTIN(list_remove, remove, 2, 2, false);
static BUILTIN(list_clear, clear, 1, 1, false);
static BUILTIN(list_copy, copy, 1, 1, false);
static BUILTIN(list_reverse, reverse, 1, 1, false);
static BUILTIN(list_sortm, sort, 1, 1, true);
TABLE(list_locals, MEMBER(append, &list_appendm), MEMBER(clear, &list_clear), MEMBER(copy, &list_copy),
      MEMBER(count, &seq_count), MEMBER(extend, &list_extend), MEMBER(index, &seq_index),
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
    if (t == &t_list || t == &t_tuple) {
        size_t n;
        pv *items = rt_unpack(s, &n);
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

static size_t range_len(const prange *r) {
    int64_t n = r->step > 0 ? ((int64_t)r->stop - r->start + r->step - 1) / r->step
                            : ((int64_t)r->start - r->stop - r->step - 1) / -r->step;
    return n > 0 ? (size_t)n : 0;
}

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
    size_t n = range_len((prange *)self);
    if (op == OP_LEN) return PV_FROM_INT(n);
    if (op == OP_BOOL) return PV_BOOL(n != 0);
    return PV_NULL;
}

static pv range_subscr(pv self, pv index, pv value) {
    prange *r = (prange *)self;
    if (value != SUB_LOAD) rt_raise_msg(&t_TypeError, "'range' object doesn't support item assignment");
    size_t len = range_len(r);
    intptr_t start, stop, step;
    size_t count;
    if (rt_slice_indices(index, len, &start, &stop, &step, &count)) {
        int32_t s = r->start + (int32_t)start * r->step;
        return range_new(s, s + (int32_t)count * r->step * (int32_t)step, r->step * (int32_t)step);
    }
    return PV_FROM_INT(r->start + (int32_t)rt_index(index, len, "range") * r->step);
}

typedef struct {
    const ptype *type;
    int32_t cur, stop, step;
} prangeiter;

static pv rangeiter_next(pv self) {
    prangeiter *it = (prangeiter *)self;
    if (it->step > 0 ? it->cur >= it->stop : it->cur <= it->stop) return PV_NULL;
    int32_t v = it->cur;
    it->cur += it->step;
    return rt_int(v);
}

static const ptype t_rangeiter = {TYPE_HEAD(iterator), .next = rangeiter_next};

static pv range_iter(pv self) {
    prange *r = (prange *)self;
    prangeiter *it = gc_alloc(sizeof(prangeiter));
    it->type = &t_rangeiter;
    it->cur = r->start;
    it->stop = r->stop;
    it->step = r->step;
    return (pv)it;
}

static pv range_binary(int op, pv a, pv b) {
    if (op == OP_IN && (PV_IS_INT(b) || pv_is(b, &t_int))) {
        prange *r = (prange *)a;
        int64_t v = rt_to_int(b);
        bool in = r->step > 0 ? (v >= r->start && v < r->stop) : (v <= r->start && v > r->stop);
        return PV_BOOL(in && (v - r->start) % r->step == 0);
    }
    if ((op == OP_EQ || op == OP_NE) && pv_is(b, &t_range)) {
        prange *x = (prange *)a, *y = (prange *)b;
        size_t nx = range_len(x), ny = range_len(y);
        bool eq = nx == ny && (nx == 0 || (x->start == y->start && (nx == 1 || x->step == y->step)));
        return PV_BOOL(op == OP_EQ ? eq : !eq);
    }
    return PV_NULL;
}

const ptype t_range = {TYPE_HEAD(range), .make = range_make, .print = range_print, .unary = range_unary,
                       .binary = range_binary, .subscr = range_subscr, .iter = range_iter};

/* ---- slice ---- */
pv slice_new(pv start, pv stop, pv step) {
    pslice *s = gc_alloc(sizeof(pslice));
    s->type = &t_slice;
    s->start = start;
    s->stop = stop;
    s->step = step;
    return (pv)s;
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

const ptype t_slice = {TYPE_HEAD(slice), .print = slice_print, .attr = slice_attr};
