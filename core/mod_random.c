/* mod_random.c — the random module (urandom): xoshiro128**, seeded through
 * splitmix32 from the board's entropy unless the program seeds it. Errors
 * are MicroPython's: a bare ValueError for an empty range, a bare
 * IndexError for choice([]). */
#include "hal.h"
#include "obj.h"

uint32_t rand_state[4];
static bool rand_seeded;

void rand_seed(uint32_t seed) {
    for (int i = 0; i < 4; i++) {
        uint32_t z = (seed += 0x9E3779B9u);
        z = (z ^ (z >> 16)) * 0x85EBCA6Bu;
        z = (z ^ (z >> 13)) * 0xC2B2AE35u;
        rand_state[i] = z ^ (z >> 16);
    }
    if (!(rand_state[0] | rand_state[1] | rand_state[2] | rand_state[3])) rand_state[0] = 1;
    rand_seeded = true;
}

void rand_unseed(void) { rand_seeded = false; }

static uint32_t rotl(uint32_t x, int k) { return (x << k) | (x >> (32 - k)); }

static uint32_t rand_next(void) {
    if (!rand_seeded) rand_seed(hal_entropy());
    uint32_t *s = rand_state;
    uint32_t r = rotl(s[1] * 5, 7) * 9, t = s[1] << 9;
    s[2] ^= s[0];
    s[3] ^= s[1];
    s[1] ^= s[2];
    s[0] ^= s[3];
    s[2] ^= t;
    s[3] = rotl(s[3], 11);
    return r;
}

static uint32_t rand_bits(int k) { return k == 0 ? 0 : rand_next() >> (32 - k); }

/* uniform in [0, n) for 0 < n <= 2**32, by rejection */
static uint32_t rand_below(uint64_t n) {
    int bits = 0;
    while (bits < 32 && ((uint64_t)1 << bits) < n) bits++;
    for (;;) {
        uint32_t r = rand_bits(bits);
        if (r < n) return r;
    }
}

static _Noreturn void bare(const ptype *t) { builtin_raise(t, PV_NULL); }

static pv rnd_seed_fn(int n, const pv *args, int nkw, const pv *kw) {
    if (n == 0 || args[0] == PV_NONE) rand_seed(hal_entropy());
    else rand_seed((uint32_t)rt_to_int(args[0]));
    return PV_NONE;
}
static pv rnd_getrandbits_fn(int n, const pv *args, int nkw, const pv *kw) {
    int64_t k = rt_to_int(args[0]);
    if (k < 0 || k > 32) rt_raise_msg(&t_ValueError, "bits must be 32 or less");
    return rt_int(rand_bits((int)k));
}
/* start + step * i for a random i below the number of items of the range */
static pv randrange(int64_t start, int64_t stop, int64_t step) {
    if (step == 0) bare(&t_ValueError);
    int64_t count = step > 0 ? (stop - start + step - 1) / step : (start - stop - step - 1) / -step;
    if (count <= 0) bare(&t_ValueError);
    if (count > ((int64_t)1 << 32)) rt_raise_msg(&t_ValueError, "range too large");
    return rt_int(start + step * (int64_t)rand_below((uint64_t)count));
}
static pv rnd_randrange_fn(int n, const pv *args, int nkw, const pv *kw) {
    if (n == 1) return randrange(0, rt_to_int(args[0]), 1);
    return randrange(rt_to_int(args[0]), rt_to_int(args[1]), n > 2 ? rt_to_int(args[2]) : 1);
}
static pv rnd_randint_fn(int n, const pv *args, int nkw, const pv *kw) {
    return randrange(rt_to_int(args[0]), rt_to_int(args[1]) + 1, 1);
}
static pv rnd_choice_fn(int n, const pv *args, int nkw, const pv *kw) {
    size_t len = rt_len(args[0]);
    if (len == 0) bare(&t_IndexError);
    return rt_subscr(args[0], rt_int(rand_below(len)), SUB_LOAD);
}
/* 24 random bits: every float in [0, 1) with that spacing, never 1.0 */
static float rand_float(void) { return (float)(rand_next() >> 8) * (1.0f / 16777216.0f); }
static pv rnd_random_fn(int n, const pv *args, int nkw, const pv *kw) { return rt_float(rand_float()); }
static pv rnd_uniform_fn(int n, const pv *args, int nkw, const pv *kw) {
    float a = rt_to_float(args[0]), b = rt_to_float(args[1]);
    return rt_float(a + (b - a) * rand_float());
}
static BUILTIN(rnd_seed, seed, 0, 1, false);
static BUILTIN(rnd_getrandbits, getrandbits, 1, 1, false);
static BUILTIN(rnd_randrange, randrange, 1, 3, false);
static BUILTIN(rnd_randint, randint, 2, 2, false);
static BUILTIN(rnd_choice, choice, 1, 1, false);
static BUILTIN(rnd_random, random, 0, 0, false);
static BUILTIN(rnd_uniform, uniform, 2, 2, false);
TABLE(random_table, MEMBER(__name__, &N(urandom)), MEMBER(seed, &rnd_seed), MEMBER(getrandbits, &rnd_getrandbits),
      MEMBER(randrange, &rnd_randrange), MEMBER(randint, &rnd_randint), MEMBER(choice, &rnd_choice),
      MEMBER(random, &rnd_random), MEMBER(uniform, &rnd_uniform));
MODULE(mod_random, urandom, random_table);
