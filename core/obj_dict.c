/* obj_dict.c — dict: entries kept in insertion order, found through an
 * open-addressing index once the dict outgrows a linear scan.
 *
 * A deleted entry keeps its place (key PV_NULL) until the next resize, so
 * the index never needs tombstones of its own. */
#include <string.h>

#include "obj.h"

#define SMALL 8 /* up to this many entries: no index, a linear scan */

pv dict_new(size_t cap) {
    pdict *d = gc_alloc(sizeof(pdict));
    pv keep = (pv)d;
    gc_root_push(&keep);
    d->type = &t_dict;
    d->cap = (uint16_t)(cap < 4 ? 4 : cap);
    d->entries = gc_alloc(d->cap * sizeof(pentry));
    gc_root_pop(1);
    return (pv)d;
}

/* A dict in flash (errno.errorcode) is read-only: a bare TypeError, as
 * MicroPython's fixed dicts. */
static void check_writable(const pdict *d) {
    if (!gc_owns(d)) builtin_raise(&t_TypeError, PV_NULL);
}

static bool key_eq(pv a, pv b) {
    if (a == b) return true;
    if (PV_IS_INT(a) && PV_IS_INT(b)) return false;
    if (pv_is(a, &t_str) && pv_is(b, &t_str)) return str_eq((pstr *)a, (pstr *)b);
    return rt_equal(a, b);
}

static size_t index_slots(const pdict *d) { return (size_t)d->cap * 2; }

/* Position of key in entries, or -1. */
static int find(const pdict *d, pv key, uint32_t h) {
    if (!d->index) {
        for (int i = 0; i < d->filled; i++)
            if (d->entries[i].key && key_eq(d->entries[i].key, key)) return i;
        return -1;
    }
    size_t mask = index_slots(d) - 1;
    for (size_t s = h & mask;; s = (s + 1) & mask) {
        uint16_t e = d->index[s];
        if (e == 0) return -1;
        pentry *en = &d->entries[e - 1];
        if (en->key && key_eq(en->key, key)) return e - 1;
    }
}

static void index_insert(pdict *d, int pos, uint32_t h) {
    size_t mask = index_slots(d) - 1;
    size_t s = h & mask;
    while (d->index[s]) s = (s + 1) & mask;
    d->index[s] = (uint16_t)(pos + 1);
}

/* Grow (or compact) to hold at least `need` entries. */
static void resize(pdict *d, size_t need) {
    pv keep = (pv)d;
    gc_root_push(&keep);
    size_t cap = 4;
    while (cap < need + need / 2) cap *= 2;
    if (cap > 0x7FFF) rt_raise_msg(&t_OverflowError, "dict too big");
    pentry *ne = gc_alloc(cap * sizeof(pentry));
    int k = 0;
    for (int i = 0; i < d->filled; i++)
        if (d->entries[i].key) ne[k++] = d->entries[i];
    pentry *old = d->entries;
    d->entries = ne;
    gc_free(old);
    d->filled = (uint16_t)k;
    d->cap = (uint16_t)cap;
    if (d->index) gc_free(d->index);
    d->index = NULL;
    if (cap > SMALL) {
        d->index = gc_alloc(cap * 2 * sizeof(uint16_t));
        for (int i = 0; i < k; i++) index_insert(d, i, rt_hash(d->entries[i].key));
    }
    gc_root_pop(1);
}

pv dict_get(pv dict, pv key) {
    pdict *d = (pdict *)dict;
    uint32_t h = d->index ? rt_hash(key) : 0;
    int i = find(d, key, h);
    return i < 0 ? PV_NULL : d->entries[i].value;
}

void dict_set(pv dict, pv key, pv value) {
    pdict *d = (pdict *)dict;
    check_writable(d);
    /* a small dict is searched without hashing; a new key is hashed anyway,
     * which also refuses unhashable keys */
    uint32_t h = d->index ? rt_hash(key) : 0;
    int i = find(d, key, h);
    if (i >= 0) {
        d->entries[i].value = value;
        return;
    }
    if (!d->index) h = rt_hash(key);
    if (d->filled == d->cap) {
        pv k = key, v = value;
        gc_root_push(&k);
        gc_root_push(&v);
        resize(d, (size_t)d->used + 1);
        gc_root_pop(2);
    }
    int pos = d->filled++;
    d->entries[pos].key = key;
    d->entries[pos].value = value;
    d->used++;
    if (d->index) index_insert(d, pos, h);
}

bool dict_del(pv dict, pv key) {
    pdict *d = (pdict *)dict;
    check_writable(d);
    int i = find(d, key, d->index ? rt_hash(key) : 0);
    if (i < 0) return false;
    d->entries[i].key = PV_NULL;
    d->entries[i].value = PV_NULL;
    d->used--;
    return true;
}

static _Noreturn void key_error(pv key) {
    pv t = tuple_new(1);
    ((ptuple *)t)->items[0] = key;
    builtin_raise(&t_KeyError, t);
}

/* dict and OrderedDict: insertion ordered both, they differ only in name */
static bool is_dict(pv v) { return pv_is(v, &t_dict) || pv_is(v, &t_ordereddict); }
static pdict *dict_self(pv v) { return builtin_self(v, &t_dict); }

static void dict_print(pout *o, pv self, bool repr) {
    pdict *d = (pdict *)self;
    bool ordered = d->type == &t_ordereddict;
    if (ordered) out_str(o, "OrderedDict(");
    out_char(o, '{');
    bool first = true;
    for (int i = 0; i < d->filled; i++) {
        if (!d->entries[i].key) continue;
        if (!first) out_str(o, ", ");
        first = false;
        rt_print(o, d->entries[i].key, true);
        out_str(o, ": ");
        rt_print(o, d->entries[i].value, true);
    }
    out_char(o, '}');
    if (ordered) out_char(o, ')');
}

static pv dict_unary(int op, pv self) {
    pdict *d = (pdict *)self;
    if (op == OP_LEN) return PV_FROM_INT(d->used);
    if (op == OP_BOOL) return PV_BOOL(d->used != 0);
    if (op == OP_HASH) rt_raise_fmt(&t_TypeError, "unsupported type for __hash__: '%s'", rt_type_name(self));
    return PV_NULL;
}

static pv dict_binary(int op, pv a, pv b) {
    pdict *d = (pdict *)a;
    if (!is_dict(a)) return PV_NULL;
    if (op == OP_IN) return PV_BOOL(dict_get(a, b) != PV_NULL);
    if ((op == OP_EQ || op == OP_NE) && is_dict(b)) {
        pdict *e = (pdict *)b;
        bool eq = d->used == e->used;
        for (int i = 0; eq && i < d->filled; i++) {
            if (!d->entries[i].key) continue;
            pv v = dict_get(b, d->entries[i].key);
            eq = v && rt_equal(v, d->entries[i].value);
        }
        return PV_BOOL(op == OP_EQ ? eq : !eq);
    }
    if (op == OP_EQ || op == OP_NE) return PV_BOOL(op == OP_NE);
    return PV_NULL;
}

static pv dict_subscr(pv self, pv key, pv value) {
    if (value == SUB_LOAD) {
        pv v = dict_get(self, key);
        if (!v) key_error(key);
        return v;
    }
    if (value == SUB_DELETE) {
        if (!dict_del(self, key)) key_error(key);
        return PV_NONE;
    }
    dict_set(self, key, value);
    return PV_NONE;
}

/* iteration over keys, values or items */
typedef struct {
    const ptype *type;
    pv dict;
    uint16_t i;
    uint8_t kind; /* 0 keys, 1 values, 2 items */
} pdictiter;

static pv dictiter_next(pv self) {
    pdictiter *it = (pdictiter *)self;
    pdict *d = (pdict *)it->dict;
    while (it->i < d->filled && !d->entries[it->i].key) it->i++;
    if (it->i >= d->filled) return PV_NULL;
    pentry *e = &d->entries[it->i++];
    if (it->kind == 0) return e->key;
    if (it->kind == 1) return e->value;
    pv t = tuple_new(2);
    ((ptuple *)t)->items[0] = e->key;
    ((ptuple *)t)->items[1] = e->value;
    return t;
}

static const ptype t_dictiter = {TYPE_HEAD(iterator), .next = dictiter_next};

static pv dictiter_new(pv dict, int kind) {
    pdictiter *it = gc_alloc(sizeof(pdictiter));
    it->type = &t_dictiter;
    it->dict = dict;
    it->kind = (uint8_t)kind;
    return (pv)it;
}

static pv dict_iter(pv self) { return dictiter_new(self, 0); }

/* keys()/values()/items() return views that iterate and print like lists */
static const ptype t_dictview;
typedef struct {
    const ptype *type;
    pv dict;
    int kind;
} pdictview;

static pv view_iter(pv self) { return dictiter_new(((pdictview *)self)->dict, ((pdictview *)self)->kind); }
/* keys and items views are set-like, so unhashable; a values view hashes
   by identity, as in CPython */
static pv view_unary(int op, pv self) {
    pdictview *v = (pdictview *)self;
    if (op == OP_HASH) {
        if (v->kind == 1) return PV_NULL;
        rt_raise_fmt(&t_TypeError, "unsupported type for __hash__: '%s'", rt_type_name(self));
    }
    return dict_unary(op, v->dict);
}
static void view_print(pout *o, pv self, bool repr) {
    static const char *const names[] = {"dict_keys([", "dict_values([", "dict_items(["};
    pdictview *v = (pdictview *)self;
    out_str(o, names[v->kind]);
    pv it = view_iter(self);
    gc_root_push(&it);
    pv x;
    bool first = true;
    while ((x = rt_next(it)) != PV_NULL) {
        if (!first) out_str(o, ", ");
        first = false;
        rt_print(o, x, true);
    }
    gc_root_pop(1);
    out_str(o, "])");
}
static pv view_binary(int op, pv a, pv b) {
    if (!pv_is(a, &t_dictview) || op != OP_IN) return PV_NULL;
    pdictview *v = (pdictview *)a;
    if (v->kind == 0) return PV_BOOL(dict_get(v->dict, b) != PV_NULL);
    if (v->kind == 2) {
        /* (key, value) in items: one lookup instead of a walk */
        if (!pv_is(b, &t_tuple) || ((ptuple *)b)->len != 2) return PV_FALSE;
        pv x = dict_get(v->dict, ((ptuple *)b)->items[0]);
        return PV_BOOL(x && rt_equal(x, ((ptuple *)b)->items[1]));
    }
    return PV_NULL; /* values: the generic walk */
}
static const ptype t_dictview = {TYPE_HEAD(dict_view), .print = view_print, .unary = view_unary,
                                 .binary = view_binary, .iter = view_iter};

static pv make_view(pv dict, int kind) {
    pdictview *v = gc_alloc(sizeof(pdictview));
    v->type = &t_dictview;
    v->dict = dict;
    v->kind = kind;
    return (pv)v;
}

static pv dict_keys_fn(int n, const pv *a, int nkw, const pv *kw) { return make_view((pv)dict_self(a[0]), 0); }
static pv dict_values_fn(int n, const pv *a, int nkw, const pv *kw) { return make_view((pv)dict_self(a[0]), 1); }
static pv dict_items_fn(int n, const pv *a, int nkw, const pv *kw) { return make_view((pv)dict_self(a[0]), 2); }

static pv dict_getm_fn(int n, const pv *args, int nkw, const pv *kw) {
    pv v = dict_get((pv)dict_self(args[0]), args[1]);
    return v ? v : n > 2 ? args[2] : PV_NONE;
}

static pv dict_pop_fn(int n, const pv *args, int nkw, const pv *kw) {
    pv v = dict_get((pv)dict_self(args[0]), args[1]);
    if (!v) {
        if (n > 2) return args[2];
        key_error(args[1]);
    }
    dict_del(args[0], args[1]);
    return v;
}

static pv dict_popitem_fn(int n, const pv *args, int nkw, const pv *kw) {
    pdict *d = dict_self(args[0]);
    check_writable(d);
    for (int i = d->filled - 1; i >= 0; i--) {
        if (!d->entries[i].key) continue;
        pv t = tuple_new(2);
        ((ptuple *)t)->items[0] = d->entries[i].key;
        ((ptuple *)t)->items[1] = d->entries[i].value;
        /* the last entry goes without a lookup, which could run Python code */
        d->entries[i].key = d->entries[i].value = PV_NULL;
        d->used--;
        return t;
    }
    rt_raise_msg(&t_KeyError, "popitem(): dictionary is empty");
}

static pv dict_setdefault_fn(int n, const pv *args, int nkw, const pv *kw) {
    pv v = dict_get((pv)dict_self(args[0]), args[1]);
    if (v) return v;
    v = n > 2 ? args[2] : PV_NONE;
    dict_set(args[0], args[1], v);
    return v;
}

/* Each item of src is a pair: a tuple or list, or any iterable of two. */
static void update_from(pv d, pv src) {
    if (is_dict(src)) {
        pdict *s = (pdict *)src;
        for (int i = 0; i < s->filled; i++)
            if (s->entries[i].key) dict_set(d, s->entries[i].key, s->entries[i].value);
        return;
    }
    pv it = rt_iter(src), item = PV_NULL;
    gc_root_push(&it);
    gc_root_push(&item);
    while ((item = rt_next(it)) != PV_NULL) {
        if (!pv_is(item, &t_tuple) && !pv_is(item, &t_list)) item = rt_call1((pv)&t_tuple, item);
        size_t k;
        pv *kv = rt_unpack(item, &k);
        if (k != 2) rt_raise_msg(&t_ValueError, "dict update sequence has wrong length");
        dict_set(d, kv[0], kv[1]);
    }
    gc_root_pop(2);
}

static pv dict_update_fn(int n, const pv *args, int nkw, const pv *kw) {
    dict_self(args[0]);
    if (n > 1) update_from(args[0], args[1]);
    for (int i = 0; i < nkw; i++) dict_set(args[0], kw[2 * i], kw[2 * i + 1]);
    return PV_NONE;
}

static pv dict_clear_fn(int n, const pv *args, int nkw, const pv *kw) {
    pdict *d = dict_self(args[0]);
    check_writable(d);
    memset(d->entries, 0, d->cap * sizeof(pentry));
    if (d->index) memset(d->index, 0, index_slots(d) * sizeof(uint16_t));
    d->used = d->filled = 0;
    return PV_NONE;
}

static pv dict_copy_fn(int n, const pv *args, int nkw, const pv *kw) {
    pv d = dict_new(dict_self(args[0])->used);
    ((pdict *)d)->type = pv_type(args[0]);
    gc_root_push(&d);
    update_from(d, args[0]);
    gc_root_pop(1);
    return d;
}

static pv dict_fromkeys_fn(int n, const pv *args, int nkw, const pv *kw) {
    pv d = dict_new(4);
    gc_root_push(&d);
    pv it = rt_iter(args[0]), k = PV_NULL;
    gc_root_push(&it);
    gc_root_push(&k); /* hashing a key may allocate */
    while ((k = rt_next(it)) != PV_NULL) dict_set(d, k, n > 1 ? args[1] : PV_NONE);
    gc_root_pop(3);
    return d;
}

static pv dict_make(const ptype *t, int n, const pv *args, int nkw, const pv *kw) {
    rt_check_args(n, 0, 1);
    pv d = dict_new(4);
    ((pdict *)d)->type = t;
    gc_root_push(&d);
    if (n) update_from(d, args[0]);
    for (int i = 0; i < nkw; i++) dict_set(d, kw[2 * i], kw[2 * i + 1]);
    gc_root_pop(1);
    return d;
}

/* d.__getitem__(k), d.__setitem__(k, v), d.__delitem__(k): subscription as methods */
static pv dict_getitem_fn(int n, const pv *args, int nkw, const pv *kw) {
    return dict_subscr((pv)dict_self(args[0]), args[1], SUB_LOAD);
}
static pv dict_setitem_fn(int n, const pv *args, int nkw, const pv *kw) {
    return dict_subscr((pv)dict_self(args[0]), args[1], args[2]);
}
static pv dict_delitem_fn(int n, const pv *args, int nkw, const pv *kw) {
    return dict_subscr((pv)dict_self(args[0]), args[1], SUB_DELETE);
}

static BUILTIN(dict_getitem, __getitem__, 2, 2, false);
static BUILTIN(dict_setitem, __setitem__, 3, 3, false);
static BUILTIN(dict_delitem, __delitem__, 2, 2, false);
static BUILTIN(dict_keys, keys, 1, 1, false);
static BUILTIN(dict_values, values, 1, 1, false);
static BUILTIN(dict_items, items, 1, 1, false);
static BUILTIN(dict_getm, get, 2, 3, false);
static BUILTIN(dict_pop, pop, 2, 3, false);
static BUILTIN(dict_popitem, popitem, 1, 1, false);
static BUILTIN(dict_setdefault, setdefault, 2, 3, false);
static BUILTIN(dict_update, update, 1, 2, true);
static BUILTIN(dict_clear, clear, 1, 1, false);
static BUILTIN(dict_copy, copy, 1, 1, false);
static STATIC_BUILTIN(dict_fromkeys, fromkeys, 1, 2);
TABLE(dict_locals, MEMBER(__delitem__, &dict_delitem), MEMBER(__getitem__, &dict_getitem),
      MEMBER(__setitem__, &dict_setitem), MEMBER(clear, &dict_clear), MEMBER(copy, &dict_copy), MEMBER(fromkeys, &dict_fromkeys),
      MEMBER(get, &dict_getm), MEMBER(items, &dict_items), MEMBER(keys, &dict_keys), MEMBER(pop, &dict_pop),
      MEMBER(popitem, &dict_popitem), MEMBER(setdefault, &dict_setdefault), MEMBER(update, &dict_update),
      MEMBER(values, &dict_values));

const ptype t_dict = {TYPE_HEAD(dict), .make = dict_make, .print = dict_print, .unary = dict_unary,
                      .binary = dict_binary, .subscr = dict_subscr, .iter = dict_iter, .locals = &dict_locals};
/* collections.OrderedDict: a dict (its methods come through .base) */
const ptype t_ordereddict = {TYPE_HEAD(OrderedDict), .base = &t_dict, .make = dict_make, .print = dict_print,
                             .unary = dict_unary, .binary = dict_binary, .subscr = dict_subscr,
                             .iter = dict_iter};
