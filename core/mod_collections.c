/* mod_collections.c — the collections module (ucollections): namedtuple,
 * deque, and OrderedDict (a dict: obj_dict.c).
 *
 * namedtuple builds a type in the heap: a ptype whose slots are the
 * tuple's, so its instances are tuples with a different type word, plus a
 * small table of class attributes (_fields, _asdict, _replace). Instances
 * keep their type alive by pointing at it, as every object does. */
#include <string.h>

#include "obj.h"

typedef struct {
    ptype type;          /* first: the object is a type */
    ptable locals;
    pmember members[3];  /* _fields (the tuple of field names), _asdict, _replace */
} pnttype;

#define NT_FIELDS(t) ((ptuple *)((const pnttype *)(t))->members[0].value)

/* Index of a field by its interned name, or -1. */
static int field_index(const ptype *t, pv name) {
    ptuple *f = NT_FIELDS(t);
    for (size_t i = 0; i < f->len; i++)
        if (f->items[i] == name) return (int)i;
    return -1;
}

static pv nt_make(const ptype *t, int n, const pv *args, int nkw, const pv *kw) {
    size_t nf = NT_FIELDS(t)->len;
    if ((size_t)n + (size_t)nkw != nf)
        rt_raise_fmt(&t_TypeError, "function takes %d positional arguments but %d were given", (int)nf, n + nkw);
    pv r = tuple_new(nf);
    ptuple *tp = (ptuple *)r;
    tp->type = t;
    memcpy(tp->items, args, (size_t)n * sizeof(pv));
    for (int i = 0; i < nkw; i++) {
        int k = field_index(t, kw[2 * i]);
        const char *name = ((pstr *)kw[2 * i])->data;
        if (k < 0) rt_raise_fmt(&t_TypeError, "unexpected keyword argument '%s'", name);
        if (tp->items[k]) rt_raise_fmt(&t_TypeError, "function got multiple values for argument '%s'", name);
        tp->items[k] = kw[2 * i + 1];
    }
    return r;
}

static void nt_print(pout *o, pv self, bool repr) {
    ptuple *tp = (ptuple *)self;
    ptuple *f = NT_FIELDS(tp->type);
    out_str(o, tp->type->name->data);
    out_char(o, '(');
    for (size_t i = 0; i < tp->len; i++) {
        if (i) out_str(o, ", ");
        out_str(o, ((pstr *)f->items[i])->data);
        out_char(o, '=');
        rt_print(o, tp->items[i], true);
    }
    out_char(o, ')');
}

static pv nt_attr(pv self, const pstr *name) {
    int k = field_index(pv_type(self), (pv)name);
    return k < 0 ? PV_NULL : ((ptuple *)self)->items[k];
}

static bool is_namedtuple(pv v) { return PV_IS_OBJ(v) && PV_OBJ(v)->type->make == nt_make; }

static pv nt_self(pv v) {
    if (!is_namedtuple(v)) rt_raise_fmt(&t_TypeError, "argument should be a 'namedtuple' not a '%s'", rt_type_name(v));
    return v;
}

/* _asdict(): an OrderedDict of field names to values, as MicroPython's */
static pv nt_asdict_fn(int n, const pv *args, int nkw, const pv *kw) {
    ptuple *tp = (ptuple *)nt_self(args[0]);
    ptuple *f = NT_FIELDS(tp->type);
    pv d = rt_call0((pv)&t_ordereddict);
    gc_root_push(&d);
    for (size_t i = 0; i < tp->len; i++) dict_set(d, f->items[i], tp->items[i]);
    gc_root_pop(1);
    return d;
}

/* _replace(**fields): a copy with some fields changed */
static pv nt_replace_fn(int n, const pv *args, int nkw, const pv *kw) {
    ptuple *tp = (ptuple *)nt_self(args[0]);
    pv r = tuple_new(tp->len);
    memcpy(((ptuple *)r)->items, tp->items, tp->len * sizeof(pv));
    ((ptuple *)r)->type = tp->type;
    for (int i = 0; i < nkw; i++) {
        int k = field_index(tp->type, kw[2 * i]);
        if (k < 0) rt_raise_fmt(&t_TypeError, "unexpected keyword argument '%s'", ((pstr *)kw[2 * i])->data);
        ((ptuple *)r)->items[k] = kw[2 * i + 1];
    }
    return r;
}

static BUILTIN(nt_asdict, _asdict, 1, 1, false);
static BUILTIN(nt_replace, _replace, 1, 1, true);

/* The field names: a list or tuple of str, or one str of names separated
 * by spaces or commas. Each becomes an interned name. */
static pv field_names(pv spec) {
    pv l = list_new(0);
    gc_root_push(&l);
    if (pv_is(spec, &t_str)) {
        const char *s = ((pstr *)spec)->data, *e = s + ((pstr *)spec)->len;
        while (s < e) {
            while (s < e && (*s == ' ' || *s == ',')) s++;
            const char *w = s;
            while (s < e && *s != ' ' && *s != ',') s++;
            if (s > w) list_append(l, str_intern(w, (size_t)(s - w)));
        }
    } else {
        size_t n;
        if (!seq_items(spec, &n)) rt_raise_msg(&t_TypeError, "fields must be a str, list or tuple");
        for (size_t i = 0; i < n; i++) {
            pv f = seq_items(spec, &n)[i];
            if (!pv_is(f, &t_str)) rt_raise_fmt(&t_TypeError, "can't convert '%s' object to str implicitly", rt_type_name(f));
            list_append(l, str_intern(((pstr *)f)->data, ((pstr *)f)->len));
        }
    }
    pv t = rt_call1((pv)&t_tuple, l);
    gc_root_pop(1);
    return t;
}

static pv namedtuple_fn(int n, const pv *args, int nkw, const pv *kw) {
    if (!pv_is(args[0], &t_str)) rt_raise_msg(&t_TypeError, "name must be a str");
    pv name = str_intern(((pstr *)args[0])->data, ((pstr *)args[0])->len), fields = PV_NULL;
    gc_root_push(&fields);
    fields = field_names(args[1]);
    pnttype *nt = gc_alloc(sizeof(pnttype));
    gc_root_pop(1);
    nt->type = t_tuple;
    nt->type.name = (const pstr *)name;
    nt->type.base = &t_tuple;
    nt->type.make = nt_make;
    nt->type.print = nt_print;
    nt->type.attr = nt_attr;
    nt->type.locals = &nt->locals;
    nt->locals.n = 3;
    nt->locals.items = nt->members;
    nt->members[0] = (pmember){&N(_fields), fields};
    nt->members[1] = (pmember){&N(_asdict), (pv)&nt_asdict};
    nt->members[2] = (pmember){&N(_replace), (pv)&nt_replace};
    return (pv)nt;
}
static BUILTIN(namedtuple, namedtuple, 2, 2, false);

/* ---- deque: a ring of maxlen + 1 slots, as MicroPython's; appending to a
 * full deque drops the item at the other end, or raises IndexError("full")
 * when flags has bit 0 set. ---- */
typedef struct {
    const ptype *type;
    pv *items;
    uint16_t alloc, get, put; /* get == put: empty */
    uint8_t flags;
} pdeque;

enum { DEQUE_CHECK_OVERFLOW = 1 };

static size_t deque_len(const pdeque *d) { return (size_t)((d->put + d->alloc - d->get) % d->alloc); }

static pdeque *deque_self(pv v);

static pv deque_append_fn(int n, const pv *args, int nkw, const pv *kw) {
    pdeque *d = deque_self(args[0]);
    uint16_t next = (uint16_t)((d->put + 1) % d->alloc);
    if (next == d->get) {
        if (d->flags & DEQUE_CHECK_OVERFLOW) rt_raise_msg(&t_IndexError, "full");
        d->get = (uint16_t)((d->get + 1) % d->alloc);
    }
    d->items[d->put] = args[1];
    d->put = next;
    return PV_NONE;
}

static pv deque_appendleft_fn(int n, const pv *args, int nkw, const pv *kw) {
    pdeque *d = deque_self(args[0]);
    uint16_t prev = (uint16_t)((d->get + d->alloc - 1) % d->alloc);
    if (prev == d->put) {
        if (d->flags & DEQUE_CHECK_OVERFLOW) rt_raise_msg(&t_IndexError, "full");
        d->put = (uint16_t)((d->put + d->alloc - 1) % d->alloc);
    }
    d->get = prev;
    d->items[prev] = args[1];
    return PV_NONE;
}

static pv deque_extend_fn(int n, const pv *args, int nkw, const pv *kw) {
    pv self = (pv)deque_self(args[0]), it = rt_iter(args[1]), item = PV_NULL;
    gc_root_push(&it);
    gc_root_push(&item);
    while ((item = rt_next(it)) != PV_NULL) {
        pv a[2] = {self, item};
        deque_append_fn(2, a, 0, NULL);
    }
    gc_root_pop(2);
    return PV_NONE;
}

static pv deque_pop_fn(int n, const pv *args, int nkw, const pv *kw) {
    pdeque *d = deque_self(args[0]);
    if (d->get == d->put) rt_raise_msg(&t_IndexError, "empty");
    d->put = (uint16_t)((d->put + d->alloc - 1) % d->alloc);
    pv v = d->items[d->put];
    d->items[d->put] = PV_NULL;
    return v;
}

static pv deque_popleft_fn(int n, const pv *args, int nkw, const pv *kw) {
    pdeque *d = deque_self(args[0]);
    if (d->get == d->put) rt_raise_msg(&t_IndexError, "empty");
    pv v = d->items[d->get];
    d->items[d->get] = PV_NULL;
    d->get = (uint16_t)((d->get + 1) % d->alloc);
    return v;
}

static BUILTIN(deque_append, append, 2, 2, false);
static BUILTIN(deque_appendleft, appendleft, 2, 2, false);
static BUILTIN(deque_extend, extend, 2, 2, false);
static BUILTIN(deque_pop, pop, 1, 1, false);
static BUILTIN(deque_popleft, popleft, 1, 1, false);
TABLE(deque_locals, MEMBER(append, &deque_append), MEMBER(appendleft, &deque_appendleft),
      MEMBER(extend, &deque_extend), MEMBER(pop, &deque_pop), MEMBER(popleft, &deque_popleft));

/* deque(iterable, maxlen[, flags]); maxlen may also come as a keyword */
static pv deque_make(const ptype *t, int n, const pv *args, int nkw, const pv *kw) {
    pv maxlen = n > 1 ? args[1] : rt_kwarg(&N(maxlen), nkw, kw, PV_NULL);
    rt_check_args(n, maxlen ? 1 : 2, 3);
    int64_t m = rt_to_int(maxlen);
    if (m < 0) builtin_raise(&t_ValueError, PV_NULL);
    if (m >= 0xFFFF) rt_memory_error((size_t)(m + 1) * sizeof(pv));
    pdeque *d = gc_alloc(sizeof(pdeque));
    pv self = (pv)d;
    gc_root_push(&self);
    d->type = t;
    d->alloc = (uint16_t)(m + 1);
    d->items = gc_alloc(d->alloc * sizeof(pv));
    d->flags = n > 2 ? (uint8_t)rt_to_int(args[2]) : 0;
    pv a[2] = {self, args[0]};
    deque_extend_fn(2, a, 0, NULL);
    gc_root_pop(1);
    return self;
}

static pv deque_unary(int op, pv self) {
    size_t n = deque_len((pdeque *)self);
    if (op == OP_LEN) return PV_FROM_INT(n);
    if (op == OP_BOOL) return PV_BOOL(n != 0);
    return PV_NULL;
}

static pv deque_subscr(pv self, pv index, pv value) {
    pdeque *d = (pdeque *)self;
    if (value == SUB_DELETE) rt_raise_msg(&t_TypeError, "'deque' object doesn't support item deletion");
    size_t i = (d->get + rt_index(index, deque_len(d), "deque")) % d->alloc;
    if (value == SUB_LOAD) return d->items[i];
    d->items[i] = value;
    return PV_NONE;
}

typedef struct {
    const ptype *type;
    pv deque;
    uint16_t i;
} pdequeiter;

static pv dequeiter_next(pv self) {
    pdequeiter *it = (pdequeiter *)self;
    pdeque *d = (pdeque *)it->deque;
    if (it->i == d->put || it->i >= d->alloc) return PV_NULL;
    pv v = d->items[it->i];
    it->i = (uint16_t)((it->i + 1) % d->alloc);
    return v;
}

static const ptype t_dequeiter = {TYPE_HEAD(iterator), .next = dequeiter_next};

static pv deque_iter(pv self) {
    pdequeiter *it = gc_alloc(sizeof(pdequeiter));
    it->type = &t_dequeiter;
    it->deque = self;
    it->i = ((pdeque *)self)->get;
    return (pv)it;
}

static const ptype t_deque = {TYPE_HEAD(deque), .make = deque_make, .unary = deque_unary, .subscr = deque_subscr,
                              .iter = deque_iter, .locals = &deque_locals};

static pdeque *deque_self(pv v) { return builtin_self(v, &t_deque); }

TABLE(collections_table, MEMBER(__name__, &N(collections)), MEMBER(namedtuple, &namedtuple),
      MEMBER(OrderedDict, &t_ordereddict), MEMBER(deque, &t_deque));
MODULE(mod_collections, collections, collections_table);
