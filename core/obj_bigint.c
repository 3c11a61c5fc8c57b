/* obj_bigint.c — ints of any size: the arithmetic on 16-bit limbs behind
 * the int operators when a value does not fit a small int.
 *
 * Operands are seen through views (num.h): a small int, a bool or an int64
 * becomes a few limbs on the C stack, a big int lends its own limbs, so
 * mixing sizes needs no conversion objects. Every result is normalised
 * back to a small int when it fits. Long loops call big_poll so Ctrl-C
 * stops a huge computation, and sizes are checked before work starts so
 * `10**100000` fails at once instead of after seconds of multiplying. */
#include <string.h>

#include "float_math.h"
#include "num.h"

/* ---- poll for Ctrl-C during long arithmetic ---- */
enum { POLL_WORK = 8192 }; /* limb operations between polls: a few ms on the device */
static size_t poll_work;

static void big_poll(size_t work) {
    poll_work += work;
    if (poll_work >= POLL_WORK) {
        poll_work = 0;
        rt_poll();
    }
}

/* ---- views and allocation ---- */
static void view_u64(nview *w, uint64_t u, bool neg) {
    size_t n = 0;
    for (; u; u >>= LIMB_BITS) w->tmp[n++] = (limb)u;
    w->d = w->tmp;
    w->n = n;
    w->neg = neg && n;
}

bool num_is_int(pv v) { return PV_IS_INT(v) || pv_is(v, &t_int) || pv_is(v, &t_bool); }

void num_view(pv v, nview *w) {
    if (pv_is(v, &t_int)) {
        pbig *b = (pbig *)v;
        w->d = b->d;
        w->n = b->len;
        w->neg = b->neg;
        return;
    }
    intptr_t i = PV_IS_INT(v) ? PV_INT(v) : v == PV_TRUE;
    view_u64(w, i < 0 ? 0 - (uint64_t)i : (uint64_t)i, i < 0);
}

pbig *big_alloc(size_t n) {
    size_t bytes = sizeof(pbig) + n * sizeof(limb);
    if (n > BIG_MAX_LIMBS) rt_memory_error(bytes);
    pbig *r = gc_alloc(bytes);
    r->type = &t_int;
    r->len = (uint16_t)n;
    return r;
}

/* Drop leading zero limbs; a value that fits a small int becomes one (and
 * the fresh object is freed at once: it was never seen by anyone). */
pv big_finish(pbig *r, bool neg) {
    size_t n = r->len;
    while (n && !r->d[n - 1]) n--;
    if (n <= 2) {
        uint32_t m = n ? r->d[0] | (n > 1 ? (uint32_t)r->d[1] << LIMB_BITS : 0) : 0;
        if (m < (1u << 30) || (neg && m == (1u << 30))) {
            gc_free(r);
            return PV_FROM_INT(neg ? -(intptr_t)m : (intptr_t)m);
        }
    }
    if (n < r->len) r = gc_realloc(r, sizeof(pbig) + n * sizeof(limb)); /* shrinks in place */
    r->len = (uint16_t)n;
    r->neg = neg;
    return (pv)r;
}

pv big_from_view(const nview *w) {
    pbig *r = big_alloc(w->n);
    memcpy(r->d, w->d, w->n * sizeof(limb));
    return big_finish(r, w->neg);
}

pv rt_int(int64_t v) {
    if (SMALL_FITS(v)) return PV_FROM_INT(v);
    nview w;
    view_u64(&w, v < 0 ? 0 - (uint64_t)v : (uint64_t)v, v < 0);
    return big_from_view(&w);
}

int64_t rt_to_int(pv v) {
    if (PV_IS_INT(v)) return PV_INT(v);
    if (v == PV_TRUE || v == PV_FALSE) return v == PV_TRUE;
    if (!pv_is(v, &t_int)) rt_raise_fmt(&t_TypeError, "can't convert %s to int", rt_type_name(v));
    pbig *b = (pbig *)v;
    uint64_t m = 0;
    if (b->len > 4) goto overflow;
    for (size_t i = b->len; i-- > 0;) m = (m << LIMB_BITS) | b->d[i];
    if (m > (uint64_t)INT64_MAX + b->neg) goto overflow;
    return b->neg ? (int64_t)(0 - m) : (int64_t)m;
overflow:
    rt_raise_msg(&t_OverflowError, "overflow converting long int to machine word");
}

pv rt_uint64(uint64_t u) {
    if (u <= INT64_MAX) return rt_int((int64_t)u);
    nview w;
    view_u64(&w, u, false);
    return big_from_view(&w);
}

uint64_t rt_to_u64_wrap(pv v) {
    if (!pv_is(v, &t_int)) return (uint64_t)rt_to_int(v);
    nview w;
    num_view(v, &w);
    uint64_t m = 0;
    for (size_t i = w.n < 4 ? w.n : 4; i-- > 0;) m = (m << LIMB_BITS) | w.d[i];
    return w.neg ? 0 - m : m;
}

int32_t rt_to_small(pv v) {
    int64_t i = rt_to_int(v);
    if (i < INT32_MIN || i > INT32_MAX) rt_raise_msg(&t_OverflowError, "overflow converting long int to machine word");
    return (int32_t)i;
}

/* ---- magnitudes: limb arrays, no allocation ---- */
static int mag_cmp(const limb *a, size_t an, const limb *b, size_t bn) {
    if (an != bn) return an < bn ? -1 : 1;
    while (an--)
        if (a[an] != b[an]) return a[an] < b[an] ? -1 : 1;
    return 0;
}

int big_cmp_views(const nview *a, const nview *b) {
    if (a->neg != b->neg) return a->neg ? -1 : 1;
    int c = mag_cmp(a->d, a->n, b->d, b->n);
    return a->neg ? -c : c;
}

size_t big_bits(const nview *w) {
    if (!w->n) return 0;
    size_t bits = (w->n - 1) * LIMB_BITS;
    for (limb top = w->d[w->n - 1]; top; top >>= 1) bits++;
    return bits;
}

/* r = a + b, r has max(an, bn) + 1 limbs */
static void mag_add(limb *r, const limb *a, size_t an, const limb *b, size_t bn) {
    uint32_t carry = 0;
    size_t n = an > bn ? an : bn;
    for (size_t i = 0; i < n; i++) {
        carry += (uint32_t)(i < an ? a[i] : 0) + (i < bn ? b[i] : 0);
        r[i] = (limb)carry;
        carry >>= LIMB_BITS;
    }
    r[n] = (limb)carry;
}

/* r = a - b for a >= b; r has an limbs (r may be a) */
static void mag_sub(limb *r, const limb *a, size_t an, const limb *b, size_t bn) {
    int32_t borrow = 0;
    for (size_t i = 0; i < an; i++) {
        int32_t t = (int32_t)a[i] - (i < bn ? b[i] : 0) - borrow;
        r[i] = (limb)t;
        borrow = t < 0;
    }
}

/* r[0..n] = a[0..n) * m + add (r may be a); returns the carry out */
static limb mag_mul_small(limb *r, const limb *a, size_t n, uint32_t m, uint32_t add) {
    for (size_t i = 0; i < n; i++) {
        add += a[i] * m;
        r[i] = (limb)add;
        add >>= LIMB_BITS;
    }
    return (limb)add;
}

/* a[0..n) /= m in place; returns the remainder */
static uint32_t mag_div_small(limb *q, const limb *a, size_t n, uint32_t m) {
    uint32_t rem = 0;
    while (n--) {
        uint32_t cur = (rem << LIMB_BITS) | a[n];
        q[n] = (limb)(cur / m);
        rem = cur % m;
    }
    return rem;
}

/* r (zeroed, an + bn limbs) = a * b */
static void mag_mul(limb *r, const limb *a, size_t an, const limb *b, size_t bn) {
    for (size_t i = 0; i < an; i++) {
        uint32_t carry = 0, ai = a[i];
        if (!ai) continue;
        for (size_t j = 0; j < bn; j++) {
            carry += ai * b[j] + r[i + j];
            r[i + j] = (limb)carry;
            carry >>= LIMB_BITS;
        }
        r[i + bn] = (limb)carry;
        big_poll(bn);
    }
}

/* Knuth's algorithm D: q (an - bn + 1 limbs) and r (bn limbs) of a / b,
 * for bn >= 2 and a >= b; u is scratch of an + 1 limbs, v of bn limbs. */
static void mag_divmod(limb *q, limb *r, const limb *a, size_t an, const limb *b, size_t bn, limb *u, limb *v) {
    int s = 0;
    while (!((b[bn - 1] << s) & 0x8000)) s++;
    /* normalise so the divisor's top limb has its top bit set */
    for (size_t i = bn; i-- > 0;) v[i] = (limb)((b[i] << s) | (s && i ? b[i - 1] >> (LIMB_BITS - s) : 0));
    u[an] = s ? (limb)(a[an - 1] >> (LIMB_BITS - s)) : 0;
    for (size_t i = an; i-- > 0;) u[i] = (limb)((a[i] << s) | (s && i ? a[i - 1] >> (LIMB_BITS - s) : 0));
    uint32_t vtop = v[bn - 1], vnext = v[bn - 2];
    for (size_t j = an - bn + 1; j-- > 0;) {
        uint32_t num = ((uint32_t)u[j + bn] << LIMB_BITS) | u[j + bn - 1];
        uint32_t qhat = num / vtop, rhat = num % vtop;
        while (qhat > 0xFFFF || qhat * vnext > ((rhat << LIMB_BITS) | u[j + bn - 2])) {
            qhat--;
            rhat += vtop;
            if (rhat > 0xFFFF) break;
        }
        /* u[j..j+bn] -= qhat * v */
        uint32_t carry = 0;
        int32_t borrow = 0;
        for (size_t i = 0; i < bn; i++) {
            carry += qhat * v[i];
            int32_t t = (int32_t)u[i + j] - (int32_t)(carry & 0xFFFF) - borrow;
            u[i + j] = (limb)t;
            borrow = t < 0;
            carry >>= LIMB_BITS;
        }
        int32_t t = (int32_t)u[j + bn] - (int32_t)carry - borrow;
        u[j + bn] = (limb)t;
        if (t < 0) { /* qhat was one too many: add v back */
            qhat--;
            uint32_t c = 0;
            for (size_t i = 0; i < bn; i++) {
                c += (uint32_t)u[i + j] + v[i];
                u[i + j] = (limb)c;
                c >>= LIMB_BITS;
            }
            u[j + bn] = (limb)(u[j + bn] + c);
        }
        q[j] = (limb)qhat;
        big_poll(bn);
    }
    /* un-normalise the remainder */
    for (size_t i = 0; i < bn; i++) r[i] = (limb)((u[i] >> s) | (s ? (uint32_t)u[i + 1] << (LIMB_BITS - s) : 0));
}

/* ---- signed operations on views (the objects behind them are rooted by the caller) ---- */
static pv addsub(const nview *a, const nview *b, bool sub) {
    bool bneg = b->neg != sub;
    if (a->neg == bneg) {
        size_t n = (a->n > b->n ? a->n : b->n) + 1;
        pbig *r = big_alloc(n);
        mag_add(r->d, a->d, a->n, b->d, b->n);
        return big_finish(r, a->neg);
    }
    int c = mag_cmp(a->d, a->n, b->d, b->n);
    if (c == 0) return PV_FROM_INT(0);
    const nview *hi = c > 0 ? a : b, *lo = c > 0 ? b : a;
    pbig *r = big_alloc(hi->n);
    mag_sub(r->d, hi->d, hi->n, lo->d, lo->n);
    return big_finish(r, c > 0 ? a->neg : bneg);
}

static pv mul(const nview *a, const nview *b) {
    if (!a->n || !b->n) return PV_FROM_INT(0);
    pbig *r = big_alloc(a->n + b->n);
    mag_mul(r->d, a->d, a->n, b->d, b->n);
    return big_finish(r, a->neg != b->neg);
}

/* Floor division and modulo (Python's signs) into *q and *r, either of
 * which may be NULL; both are written last, after every allocation. */
static void divmod_views(const nview *a, const nview *b, pv *q, pv *r) {
    if (!b->n) num_zero_div();
    bool differ = a->neg != b->neg;
    size_t qn = a->n >= b->n ? a->n - b->n + 1 : 0;
    pv scratch = PV_NULL, qo = PV_NULL;
    gc_root_push(&scratch);
    gc_root_push(&qo);
    /* |a| / |b| into quotient qo (one spare limb for the floor's +1) and remainder rem */
    pbig *qb = big_alloc((qn ? qn : 1) + 1);
    qo = (pv)qb;
    pbig *rb = big_alloc(b->n);
    scratch = (pv)rb;
    if (qn == 0) {
        memcpy(rb->d, a->d, a->n * sizeof(limb));
    } else if (b->n == 1) {
        rb->d[0] = (limb)mag_div_small(qb->d, a->d, a->n, b->d[0]);
    } else {
        limb *u = gc_alloc((a->n + 1 + b->n) * sizeof(limb));
        mag_divmod(qb->d, rb->d, a->d, a->n, b->d, b->n, u, u + a->n + 1);
        gc_free(u);
    }
    size_t rn = b->n;
    while (rn && !rb->d[rn - 1]) rn--;
    if (differ && rn) {
        /* floor: q = -(|q| + 1), r = |b| - |r| with b's sign */
        mag_add(qb->d, qb->d, qn, (const limb[]){1}, 1);
        mag_sub(rb->d, b->d, b->n, rb->d, rn);
    }
    if (r) *r = big_finish(rb, b->neg);
    if (q) *q = big_finish(qb, differ);
    gc_root_pop(2);
}

static size_t shift_count(const nview *s) {
    if (s->neg) rt_raise_msg(&t_ValueError, "negative shift count");
    if (s->n > 2) return SIZE_MAX;
    return s->n ? s->d[0] | (s->n > 1 ? (size_t)s->d[1] << LIMB_BITS : 0) : 0;
}

static pv lshift(const nview *a, size_t s) {
    if (!a->n) return PV_FROM_INT(0);
    size_t whole = s / LIMB_BITS, n = a->n + whole + 1;
    if (s > (size_t)BIG_MAX_LIMBS * LIMB_BITS) rt_memory_error(s / 8 + 2);
    pbig *r = big_alloc(n);
    unsigned bits = s % LIMB_BITS;
    for (size_t i = 0; i < a->n; i++) {
        uint32_t x = (uint32_t)a->d[i] << bits;
        r->d[i + whole] |= (limb)x;
        r->d[i + whole + 1] = (limb)(x >> LIMB_BITS);
    }
    return big_finish(r, a->neg);
}

static pv rshift(const nview *a, size_t s) {
    size_t whole = s / LIMB_BITS;
    if (whole >= a->n) return PV_FROM_INT(a->neg ? -1 : 0);
    unsigned bits = s % LIMB_BITS;
    bool lost = false;
    for (size_t i = 0; i < whole; i++) lost |= a->d[i] != 0;
    lost |= (a->d[whole] & ((1u << bits) - 1)) != 0;
    size_t n = a->n - whole;
    pbig *r = big_alloc(n + 1);
    for (size_t i = 0; i < n; i++) {
        uint32_t x = a->d[i + whole] | (i + 1 < n ? (uint32_t)a->d[i + whole + 1] << LIMB_BITS : 0);
        r->d[i] = (limb)(x >> bits);
    }
    /* a negative value rounds toward minus infinity */
    if (a->neg && lost) mag_add(r->d, r->d, n, (const limb[]){1}, 1);
    return big_finish(r, a->neg);
}

/* limb i of v in two's complement; *borrow starts at 1 and carries the +1 of -x = ~x + 1 */
static limb twos_limb(const nview *v, size_t i, uint32_t *carry) {
    limb x = i < v->n ? v->d[i] : 0;
    if (!v->neg) return x;
    uint32_t t = (uint32_t)(limb)~x + *carry;
    *carry = t >> LIMB_BITS;
    return (limb)t;
}

static pv bitwise(int op, const nview *a, const nview *b) {
    size_t n = (a->n > b->n ? a->n : b->n) + 1;
    pbig *r = big_alloc(n);
    uint32_t ca = 1, cb = 1;
    for (size_t i = 0; i < n; i++) {
        limb x = twos_limb(a, i, &ca), y = twos_limb(b, i, &cb);
        r->d[i] = op == OP_AND ? x & y : op == OP_OR ? x | y : x ^ y;
    }
    bool neg = r->d[n - 1] & 0x8000;
    if (neg) { /* back to a magnitude: -x = ~x + 1 */
        uint32_t c = 1;
        for (size_t i = 0; i < n; i++) {
            c += (limb)~r->d[i];
            r->d[i] = (limb)c;
            c >>= LIMB_BITS;
        }
    }
    return big_finish(r, neg);
}

/* ---- powers ---- */
static pv pow_pv(pv base, pv exp) {
    nview b, e;
    num_view(base, &b);
    num_view(exp, &e);
    if (b.n == 0) return PV_FROM_INT(e.n == 0);
    if (b.n == 1 && b.d[0] == 1) return PV_FROM_INT(b.neg && e.n && (e.d[0] & 1) ? -1 : 1);
    /* refuse at once what cannot fit: the result has at least (bits-1)*e+1 bits */
    uint64_t k = e.n > 2 ? UINT64_MAX : e.n ? e.d[0] | (e.n > 1 ? (uint64_t)e.d[1] << LIMB_BITS : 0) : 0;
    size_t used, free_bytes, largest;
    gc_info(&used, &free_bytes, &largest);
    uint64_t min_bits = (uint64_t)(big_bits(&b) - 1) * (k > 0xFFFFFFFFu ? 0xFFFFFFFFu : k) + 1;
    if (min_bits / 8 > used + free_bytes) rt_memory_error(min_bits / 8 > SIZE_MAX / 2 ? SIZE_MAX / 2 : (size_t)(min_bits / 8));
    /* left to right: square, and multiply by the (usually small) base */
    pv acc = PV_FROM_INT(1);
    gc_root_push(&acc);
    gc_root_push(&base);
    int top = 63;
    while (top >= 0 && !((k >> top) & 1)) top--;
    for (int i = top; i >= 0; i--) {
        nview x, y;
        num_view(acc, &x);
        acc = mul(&x, &x);
        if ((k >> i) & 1) {
            num_view(acc, &x);
            num_view(base, &y);
            acc = mul(&x, &y);
        }
    }
    gc_root_pop(2);
    return acc;
}

/* pow(b, e, m) with Python's results (a negative e takes b's inverse modulo m) */
pv big_pow3(pv b, pv e, pv m) {
    if (!num_is_int(b) || !num_is_int(e) || !num_is_int(m))
        rt_raise_msg(&t_TypeError, "pow() with 3 arguments requires integers");
    if (m == PV_FROM_INT(0) || m == PV_FALSE) rt_raise_msg(&t_ValueError, "pow() 3rd argument cannot be 0");
    pv t[6] = {b, e, m, PV_NULL, PV_NULL, PV_NULL}; /* base, exponent, modulus, result, and scratch */
    for (int i = 0; i < 6; i++) gc_root_push(&t[i]);
    nview ev;
    num_view(t[1], &ev);
    if (ev.neg) {
        /* extended Euclid on (b mod |m|, |m|): t[3], t[4] = remainders; s values in t[5], t[0] */
        t[1] = big_binary(OP_SUB, PV_FROM_INT(0), t[1]);
        nview mv;
        num_view(t[2], &mv);
        pv am = mv.neg ? big_binary(OP_SUB, PV_FROM_INT(0), t[2]) : t[2];
        t[4] = am;
        t[3] = big_binary(OP_MOD, t[0], am);
        t[5] = PV_FROM_INT(1);
        t[0] = PV_FROM_INT(0);
        /* invariant: t[3] = t[5]*b (mod m), t[4] = t[0]*b (mod m) */
        while (t[4] != PV_FROM_INT(0)) {
            pv q = big_binary(OP_FLOORDIV, t[3], t[4]);
            gc_root_push(&q);
            pv r = big_binary(OP_SUB, t[3], big_binary(OP_MUL, q, t[4]));
            t[3] = t[4];
            t[4] = r;
            pv s = big_binary(OP_SUB, t[5], big_binary(OP_MUL, q, t[0]));
            t[5] = t[0];
            t[0] = s;
            gc_root_pop(1);
        }
        if (t[3] != PV_FROM_INT(1)) rt_raise_msg(&t_ValueError, "base is not invertible for the given modulus");
        t[0] = t[5];
    }
    t[0] = big_binary(OP_MOD, t[0], t[2]);
    t[3] = big_binary(OP_MOD, PV_FROM_INT(1), t[2]);
    num_view(t[1], &ev);
    size_t bits = big_bits(&ev);
    for (size_t i = 0; i < bits; i++) {
        num_view(t[1], &ev); /* the exponent stays rooted in t[1] */
        if ((ev.d[i / LIMB_BITS] >> (i % LIMB_BITS)) & 1) t[3] = big_binary(OP_MOD, big_binary(OP_MUL, t[3], t[0]), t[2]);
        if (i + 1 < bits) t[0] = big_binary(OP_MOD, big_binary(OP_MUL, t[0], t[0]), t[2]);
    }
    pv res = t[3];
    gc_root_pop(6);
    return res;
}

/* ---- the operators ---- */
pv big_binary(int op, pv a, pv b) {
    gc_root_push(&a);
    gc_root_push(&b);
    nview x, y;
    num_view(a, &x);
    num_view(b, &y);
    pv r;
    switch (op & ~OP_INPLACE) {
    case OP_ADD: r = addsub(&x, &y, false); break;
    case OP_SUB: r = addsub(&x, &y, true); break;
    case OP_MUL: r = mul(&x, &y); break;
    case OP_FLOORDIV: divmod_views(&x, &y, &r, NULL); break;
    case OP_MOD: divmod_views(&x, &y, NULL, &r); break;
    case OP_POW:
        if (y.neg) {
            gc_root_pop(2);
            return float_binary(OP_POW, big_to_float(a), big_to_float(b));
        }
        r = pow_pv(a, b);
        break;
    case OP_LSHIFT: r = lshift(&x, shift_count(&y)); break;
    case OP_RSHIFT: r = rshift(&x, shift_count(&y)); break;
    case OP_AND: case OP_OR: case OP_XOR: r = bitwise(op & ~OP_INPLACE, &x, &y); break;
    default: {
        int c = big_cmp_views(&x, &y);
        gc_root_pop(2);
        switch (op) {
        COMPARE_CASES(c, 0)
        default: return PV_NULL;
        }
    }
    }
    gc_root_pop(2);
    return r;
}

/* divmod(a, b) of two ints, as a tuple */
pv big_divmod(pv a, pv b) {
    gc_root_push(&a);
    gc_root_push(&b);
    nview x, y;
    num_view(a, &x);
    num_view(b, &y);
    pv t = tuple_new(2);
    gc_root_push(&t);
    ptuple *tp = (ptuple *)t;
    divmod_views(&x, &y, &tp->items[0], &tp->items[1]);
    gc_root_pop(3);
    return t;
}

pv big_unary(int op, pv v) {
    nview w;
    switch (op) {
    case OP_NEG:
    case OP_POS:
        if (op == OP_POS) return v;
        gc_root_push(&v);
        num_view(v, &w);
        w.neg = !w.neg;
        v = big_from_view(&w);
        gc_root_pop(1);
        return v;
    case OP_INVERT: /* ~x = -x - 1 */
        return big_binary(OP_SUB, big_unary(OP_NEG, v), PV_FROM_INT(1));
    case OP_BOOL: return PV_TRUE;
    case OP_HASH:
        num_view(v, &w);
        return big_hash(&w);
    default: return PV_NULL;
    }
}

/* The hash of an int too big for a small int (or of a float equal to one):
 * from the low 32 bits of its two's complement, kept within a small int so
 * every board computes the same. */
pv big_hash(const nview *w) {
    uint32_t c = 1, lo = twos_limb(w, 0, &c);
    lo |= (uint32_t)twos_limb(w, 1, &c) << LIMB_BITS;
    return PV_FROM_INT((int32_t)lo >> 2);
}

/* ---- floats ---- */

/* w * 2**-scale rounded to the nearest float, from its top 64 bits and
 * whether anything below them is nonzero */
static float view_to_float(const nview *w, int scale) {
    if (!w->n) return 0;
    uint64_t m = 0;
    bool sticky = false;
    size_t i = w->n;
    for (int got = 0; i > 0 && got < 64; got += LIMB_BITS) m = (m << LIMB_BITS) | w->d[--i];
    for (size_t k = 0; k < i; k++) sticky |= w->d[k] != 0;
    int e2 = (int)(i * LIMB_BITS) - scale;
    while (!(m >> 63)) {
        m <<= 1;
        e2--;
    }
    return fm_from_parts(m, e2, sticky, w->neg);
}

float big_to_float(pv v) {
    nview w;
    num_view(v, &w);
    return view_to_float(&w, 0);
}

/* a / b of ints (b nonzero) that stays finite when a and b are not: both
 * brought near 1 before dividing, the scale applied after */
float big_truediv(pv a, pv b) {
    nview x, y;
    num_view(a, &x);
    num_view(b, &y);
    int sx = (int)big_bits(&x), sy = (int)big_bits(&y);
    return fm_ldexp(view_to_float(&x, sx) / view_to_float(&y, sy), sx - sy);
}

/* trunc(f) as limbs: f = m * 2**e with a 24-bit m */
bool big_view_float(nview *w, float f) {
    uint32_t bits;
    memcpy(&bits, &f, 4);
    int be = (int)((bits >> 23) & 0xFF);
    w->d = w->tmp;
    w->n = 0;
    w->neg = false;
    if (be == 0xFF) return false;
    if (be < 127) return true; /* |f| < 1 */
    uint32_t m = (bits & 0x7FFFFF) | 0x800000;
    int e = be - 150;
    if (e < 0) {
        view_u64(w, m >> -e, bits >> 31);
        return true;
    }
    size_t whole = (size_t)e / LIMB_BITS;
    memset(w->tmp, 0, sizeof w->tmp);
    uint64_t x = (uint64_t)m << (e % LIMB_BITS);
    for (size_t i = whole; x; i++, x >>= LIMB_BITS) w->tmp[i] = (limb)x;
    w->n = whole + 3;
    while (!w->tmp[w->n - 1]) w->n--;
    w->neg = bits >> 31;
    return true;
}

pv big_from_float(float f) {
    nview w;
    big_view_float(&w, f);
    return big_from_view(&w);
}

/* ---- text ---- */
static const char digit_chars[] = "0123456789abcdefghijklmnopqrstuvwxyz";

void big_print(pout *o, pv v, int base, bool upper) {
    gc_root_push(&v);
    nview w;
    num_view(v, &w);
    if (w.neg) out_char(o, '-');
    int shift = base == 2 ? 1 : base == 8 ? 3 : base == 16 ? 4 : 0;
    char chunk[32];
    size_t k = 0;
    if (shift) {
        /* powers of two: digits straight from the bits, most significant first */
        size_t bits = big_bits(&w), nd = (bits + (size_t)shift - 1) / (size_t)shift;
        for (size_t i = nd; i-- > 0;) {
            size_t bit = i * (size_t)shift, li = bit / LIMB_BITS;
            uint32_t x = w.d[li] | (li + 1 < w.n ? (uint32_t)w.d[li + 1] << LIMB_BITS : 0);
            char c = digit_chars[(x >> (bit % LIMB_BITS)) & ((1u << shift) - 1)];
            chunk[k++] = upper && c > '9' ? (char)(c - 32) : c;
            if (k == sizeof chunk || i == 0) {
                out_n(o, chunk, k);
                k = 0;
                num_view(v, &w); /* output may allocate, but v is rooted: the limbs stay put */
            }
        }
        gc_root_pop(1);
        return;
    }
    /* other bases: divide a copy by per = base**nd repeatedly; the
     * remainders (nd digits each, least significant first) are kept as
     * limbs growing down from the end of the scratch while the copy
     * shrinks from its top, so both fit in about 2 bytes per remainder */
    uint32_t per = (uint32_t)base, nd = 1;
    while (per * (uint32_t)base <= 0xFFFF) {
        per *= (uint32_t)base;
        nd++;
    }
    unsigned per_bits = 0; /* floor(log2(per)) */
    while ((2u << per_bits) <= per) per_bits++;
    size_t n = w.n, nrem = big_bits(&w) / per_bits + 3;
    pv scratch = (pv)gc_alloc(nrem * sizeof(limb));
    gc_root_push(&scratch);
    num_view(v, &w);
    limb *q = (limb *)scratch, *rem = q + nrem;
    memcpy(q, w.d, n * sizeof(limb));
    while (n) {
        *--rem = (limb)mag_div_small(q, q, n, per);
        while (n && !q[n - 1]) n--;
        big_poll(n);
    }
    /* most significant first: the top remainder without its leading zeros */
    for (limb *r = rem; r < q + nrem; r++) {
        char digits[8];
        uint32_t x = *r;
        for (uint32_t i = nd; i-- > 0; x /= (uint32_t)base) {
            char c = digit_chars[x % (uint32_t)base];
            digits[i] = upper && c > '9' ? (char)(c - 32) : c;
        }
        uint32_t skip = 0;
        while (r == rem && skip + 1 < nd && digits[skip] == '0') skip++;
        for (uint32_t i = skip; i < nd; i++) {
            chunk[k++] = digits[i];
            if (k == sizeof chunk) {
                out_n(o, chunk, k);
                k = 0;
            }
        }
    }
    out_n(o, chunk, k);
    gc_root_pop(2);
}

/* digits (already checked) in base into a new int */
pv big_from_digits(const char *s, size_t n, size_t ndigits, int base, bool neg) {
    size_t bits_per = 1;
    while ((1 << bits_per) < base) bits_per++;
    pbig *r = big_alloc((ndigits * bits_per) / LIMB_BITS + 2);
    size_t used = 0;
    uint32_t chunk = 0, mult = 1;
    for (size_t i = 0; i <= n; i++) {
        int c = i < n ? (unsigned char)s[i] : -1;
        if (c == '_') continue;
        if (c >= 0) {
            chunk = chunk * (uint32_t)base + (uint32_t)(c <= '9' ? c - '0' : (c | 32) - 'a' + 10);
            mult *= (uint32_t)base;
        }
        if (c < 0 ? mult > 1 : mult * (uint32_t)base > 0xFFFF) {
            limb carry = mag_mul_small(r->d, r->d, used, mult, chunk);
            if (carry) r->d[used++] = carry;
            chunk = 0;
            mult = 1;
            big_poll(used);
        }
    }
    return big_finish(r, neg);
}
