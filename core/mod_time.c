/* mod_time.c — the time module (utime): sleeps that stay responsive to
 * Ctrl-C, and MicroPython's wrapping tick counters. */
#include "hal.h"
#include "obj.h"

/* Ticks wrap at 2**30, MicroPython's period, so they stay small ints. */
#define TICKS_PERIOD (1u << 30)
#define TICKS_MASK (TICKS_PERIOD - 1)

/* Sleep by the microsecond clock, in slices of at most 10 ms (on the host
 * only these ticks move the display and buttons, and Ctrl-C ends the wait
 * within a slice); the last fraction of a millisecond is waited out. */
static void sleep_span(uint32_t us) {
    uint32_t start = hal_ticks_us();
    for (;;) {
        rt_poll();
        uint32_t elapsed = hal_ticks_us() - start;
        if (elapsed >= us) return;
        uint32_t left = us - elapsed;
        if (left < 1000) {
            while (hal_ticks_us() - start < us) {
            }
            return;
        }
        hal_sleep_ms(left / 1000 < 10 ? left / 1000 : 10);
    }
}

/* The microsecond clock wraps after 71 minutes: longer sleeps go in spans. */
#define SPAN_US 1000000000u

static void sleep_us(int64_t us) {
    if (us <= 0) rt_poll();
    for (; us > 0; us -= SPAN_US) sleep_span(us > SPAN_US ? SPAN_US : (uint32_t)us);
}

/* At least ms milliseconds (none for ms <= 0), responsive to Ctrl-C. */
void rt_sleep_ms(int64_t ms) { sleep_us(ms > INT64_MAX / 1000 ? INT64_MAX : ms * 1000); }

/* sleep(seconds): an int, or any number as a float */
static pv time_sleep_fn(int n, const pv *args, int nkw, const pv *kw) {
    pv s = args[0];
    if (PV_IS_INT(s) || pv_is(s, &t_int) || pv_is(s, &t_bool)) rt_sleep_ms(rt_to_int(s) * 1000);
    else sleep_us(float_trunc(rt_to_float(s) * 1e6f));
    return PV_NONE;
}
static pv time_sleep_ms_fn(int n, const pv *args, int nkw, const pv *kw) {
    rt_sleep_ms(rt_to_int(args[0]));
    return PV_NONE;
}
static pv time_sleep_us_fn(int n, const pv *args, int nkw, const pv *kw) {
    sleep_us(rt_to_int(args[0]));
    return PV_NONE;
}
static pv time_ticks_ms_fn(int n, const pv *args, int nkw, const pv *kw) {
    return PV_FROM_INT(hal_ticks_ms() & TICKS_MASK);
}
static pv time_ticks_us_fn(int n, const pv *args, int nkw, const pv *kw) {
    return PV_FROM_INT(hal_ticks_us() & TICKS_MASK);
}
static pv time_ticks_diff_fn(int n, const pv *args, int nkw, const pv *kw) {
    uint32_t d = ((uint32_t)rt_to_int(args[0]) - (uint32_t)rt_to_int(args[1]) + TICKS_PERIOD / 2) & TICKS_MASK;
    return PV_FROM_INT((int32_t)d - (int32_t)(TICKS_PERIOD / 2));
}
/* The delta must keep ticks_diff(ticks_add(t, d), t) == d. */
static pv time_ticks_add_fn(int n, const pv *args, int nkw, const pv *kw) {
    int64_t delta = rt_to_int(args[1]);
    if (delta <= -(int64_t)(TICKS_PERIOD / 2) || delta >= (int64_t)(TICKS_PERIOD / 2))
        rt_raise_msg(&t_OverflowError, "ticks interval overflow");
    return PV_FROM_INT(((uint32_t)rt_to_int(args[0]) + (uint32_t)delta) & TICKS_MASK);
}
static pv time_time_fn(int n, const pv *args, int nkw, const pv *kw) { return rt_int(hal_ticks_ms() / 1000); }
static BUILTIN(time_sleep, sleep, 1, 1, false);
static BUILTIN(time_sleep_ms, sleep_ms, 1, 1, false);
static BUILTIN(time_sleep_us, sleep_us, 1, 1, false);
static BUILTIN(time_ticks_ms, ticks_ms, 0, 0, false);
static BUILTIN(time_ticks_us, ticks_us, 0, 0, false);
static const pbuiltin time_ticks_cpu = {&t_builtin, time_ticks_us_fn, NAME_ticks_cpu, 0, 0};
static BUILTIN(time_ticks_diff, ticks_diff, 2, 2, false);
static BUILTIN(time_ticks_add, ticks_add, 2, 2, false);
static BUILTIN(time_time, time, 0, 0, false);
TABLE(time_table, MEMBER(__name__, &N(utime)), MEMBER(sleep, &time_sleep), MEMBER(sleep_ms, &time_sleep_ms),
      MEMBER(sleep_us, &time_sleep_us), MEMBER(ticks_ms, &time_ticks_ms), MEMBER(ticks_us, &time_ticks_us),
      MEMBER(ticks_cpu, &time_ticks_cpu), MEMBER(ticks_add, &time_ticks_add), MEMBER(ticks_diff, &time_ticks_diff),
      MEMBER(time, &time_time));
MODULE(mod_time, utime, time_table);
