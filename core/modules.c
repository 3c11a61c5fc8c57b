/* modules.c — the built-in modules: gc, sys, time/utime, urandom/random,
 * micropython; `import` finds them here (array lives in obj_array.c). */
#include <string.h>

#include "hal.h"
#include "obj.h"
#include "vm.h"

#ifndef PITH_PLATFORM
#define PITH_PLATFORM "pith"
#endif


/* ---- gc ---- */
static pv mgc_collect_fn(int n, const pv *a, int nkw, const pv *kw) {
    gc_collect();
    return PV_NONE;
}
static pv gc_mem_free_fn(int n, const pv *a, int nkw, const pv *kw) {
    size_t f;
    gc_info(NULL, &f, NULL);
    return rt_int((int64_t)f);
}
static pv gc_mem_alloc_fn(int n, const pv *a, int nkw, const pv *kw) {
    size_t u;
    gc_info(&u, NULL, NULL);
    return rt_int((int64_t)u);
}
static pv gc_nothing_fn(int n, const pv *a, int nkw, const pv *kw) { return PV_NONE; }
static BUILTIN(mgc_collect, collect, 0, 0, false);
static BUILTIN(gc_nothing, enable, 0, 0, false);
static const pbuiltin gc_disable = {&t_builtin, gc_nothing_fn, NAME_disable, 0, 0};
static pv gc_isenabled_fn(int n, const pv *a, int nkw, const pv *kw) { return PV_TRUE; }
static BUILTIN(gc_isenabled, isenabled, 0, 0, false);
static BUILTIN(gc_mem_free, mem_free, 0, 0, false);
static BUILTIN(gc_mem_alloc, mem_alloc, 0, 0, false);
TABLE(gc_table, MEMBER(__name__, &N(gc)), MEMBER(collect, &mgc_collect), MEMBER(mem_free, &gc_mem_free),
      MEMBER(mem_alloc, &gc_mem_alloc), MEMBER(enable, &gc_nothing), MEMBER(disable, &gc_disable), MEMBER(isenabled, &gc_isenabled));
MODULE(mod_gc, gc, gc_table);

/* ---- sys ---- */
static pv sys_exit_fn(int n, const pv *args, int nkw, const pv *kw) {
    pv t = tuple_new(n ? 1 : 0);
    if (n) ((ptuple *)t)->items[0] = args[0];
    rt_raise(exc_new(&t_SystemExit, t));
}
static BUILTIN(sys_exit, exit, 0, 1, false);
static const pstr platform_str = {&t_str, sizeof(PITH_PLATFORM) - 1, PITH_PLATFORM};
static const pstr version_str = {&t_str, 5, "3.4.0"};
static const ptuple impl_version = {&t_tuple, 3, {PV_FROM_INT(0), PV_FROM_INT(1), PV_FROM_INT(0)}};
TABLE(impl_table, MEMBER(name, &N(pith)), MEMBER(version, &impl_version));
static MODULE(sys_impl, implementation, impl_table);
TABLE(sys_table, MEMBER(__name__, &N(sys)), MEMBER(exit, &sys_exit), MEMBER(implementation, &sys_impl),
      MEMBER(platform, &platform_str), MEMBER(version, &version_str), MEMBER(byteorder, &N(little)),
      {&N(maxsize), PV_FROM_INT(SMALL_MAX)});
MODULE(mod_sys, sys, sys_table);

/* ---- time ---- */
#define TICKS_PERIOD (1u << 30)

void rt_sleep_ms(int64_t ms) {
    if (ms <= 0) {
        rt_poll();
        return;
    }
    uint32_t start = hal_ticks_ms();
    for (;;) {
        uint32_t elapsed = hal_ticks_ms() - start;
        if (elapsed >= (uint64_t)ms) break;
        /* in short slices: on the host only these ticks move the display and buttons */
        hal_sleep_ms((uint32_t)(ms - elapsed < 10 ? ms - elapsed : 10));
        rt_poll();
    }
    rt_poll();
}

static pv time_sleep_fn(int n, const pv *args, int nkw, const pv *kw) {
    rt_sleep_ms(pv_is(args[0], &t_float) ? float_trunc(rt_to_float(args[0]) * 1000) : rt_to_int(args[0]) * 1000);
    return PV_NONE;
}
static pv time_sleep_ms_fn(int n, const pv *args, int nkw, const pv *kw) {
    rt_sleep_ms(rt_to_int(args[0]));
    return PV_NONE;
}
static pv time_sleep_us_fn(int n, const pv *args, int nkw, const pv *kw) {
    rt_sleep_ms(rt_to_int(args[0]) / 1000);
    return PV_NONE;
}
static pv time_ticks_ms_fn(int n, const pv *args, int nkw, const pv *kw) {
    return PV_FROM_INT(hal_ticks_ms() & (TICKS_PERIOD - 1));
}
static pv time_ticks_us_fn(int n, const pv *args, int nkw, const pv *kw) {
    return PV_FROM_INT((hal_ticks_ms() * 1000u) & (TICKS_PERIOD - 1));
}
static pv time_ticks_diff_fn(int n, const pv *args, int nkw, const pv *kw) {
    uint32_t d = ((uint32_t)rt_to_int(args[0]) - (uint32_t)rt_to_int(args[1]) + TICKS_PERIOD / 2) & (TICKS_PERIOD - 1);
    return PV_FROM_INT((int32_t)d - (int32_t)(TICKS_PERIOD / 2));
}
static pv time_ticks_add_fn(int n, const pv *args, int nkw, const pv *kw) {
    return PV_FROM_INT(((uint32_t)rt_to_int(args[0]) + (uint32_t)rt_to_int(args[1])) & (TICKS_PERIOD - 1));
}
static pv time_time_fn(int n, const pv *args, int nkw, const pv *kw) { return rt_int(hal_ticks_ms() / 1000); }
static BUILTIN(time_sleep, sleep, 1, 1, false);
static BUILTIN(time_sleep_ms, sleep_ms, 1, 1, false);
static BUILTIN(time_sleep_us, sleep_us, 1, 1, false);
static BUILTIN(time_ticks_ms, ticks_ms, 0, 0, false);
static BUILTIN(time_ticks_us, ticks_us, 0, 0, false);
static BUILTIN(time_ticks_diff, ticks_diff, 2, 2, false);
static BUILTIN(time_ticks_add, ticks_add, 2, 2, false);
static BUILTIN(time_time, time, 0, 0, false);
TABLE(time_table, MEMBER(__name__, &N(utime)), MEMBER(sleep, &time_sleep), MEMBER(sleep_ms, &time_sleep_ms),
      MEMBER(sleep_us, &time_sleep_us), MEMBER(ticks_ms, &time_ticks_ms), MEMBER(ticks_us, &time_ticks_us),
      MEMBER(ticks_diff, &time_ticks_diff), MEMBER(ticks_add, &time_ticks_add), MEMBER(time, &time_time));
MODULE(mod_time, utime, time_table);

/* ---- urandom: xoshiro128**, seeded through splitmix32 ---- */
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
static pv randrange_common(int64_t start, int64_t stop, int64_t step) {
    if (step == 0) rt_raise_msg(&t_ValueError, "zero step for randrange()");
    int64_t count = step > 0 ? (stop - start + step - 1) / step : (start - stop - step - 1) / -step;
    if (count <= 0) rt_raise_msg(&t_ValueError, "empty range for randrange()");
    if (count > ((int64_t)1 << 32)) rt_raise_msg(&t_ValueError, "range too large");
    return rt_int(start + step * (int64_t)rand_below((uint64_t)count));
}
static pv rnd_randrange_fn(int n, const pv *args, int nkw, const pv *kw) {
    if (n == 1) return randrange_common(0, rt_to_int(args[0]), 1);
    return randrange_common(rt_to_int(args[0]), rt_to_int(args[1]), n > 2 ? rt_to_int(args[2]) : 1);
}
static pv rnd_randint_fn(int n, const pv *args, int nkw, const pv *kw) {
    return randrange_common(rt_to_int(args[0]), rt_to_int(args[1]) + 1, 1);
}
static pv rnd_choice_fn(int n, const pv *args, int nkw, const pv *kw) {
    size_t len = rt_len(args[0]);
    if (len == 0) rt_raise_msg(&t_IndexError, "can't choose from an empty sequence");
    return rt_subscr(args[0], PV_FROM_INT(rand_below(len)), SUB_LOAD);
}
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

/* ---- micropython ---- */
static pv mp_const_fn(int n, const pv *args, int nkw, const pv *kw) { return args[0]; }
static pv mp_mem_info_fn(int n, const pv *args, int nkw, const pv *kw) {
    size_t used, free_bytes, largest;
    gc_info(&used, &free_bytes, &largest);
    out_str(&rt_stdout, "heap: total: ");
    out_int(&rt_stdout, (int64_t)(used + free_bytes));
    out_str(&rt_stdout, ", used: ");
    out_int(&rt_stdout, (int64_t)used);
    out_str(&rt_stdout, ", free: ");
    out_int(&rt_stdout, (int64_t)free_bytes);
    out_str(&rt_stdout, ", max free block: ");
    out_int(&rt_stdout, (int64_t)largest);
    out_char(&rt_stdout, '\n');
    return PV_NONE;
}
static BUILTIN(mp_const, const, 1, 1, false);
static BUILTIN(mp_mem_info, mem_info, 0, 1, false);
TABLE(mp_table, MEMBER(__name__, &N(micropython)), MEMBER(const, &mp_const), MEMBER(mem_info, &mp_mem_info));
MODULE(mod_micropython, micropython, mp_table);
