/* mod_gc.c — the gc module: collect, the automatic-collection switch, the
 * allocation threshold, and heap figures. The switches live in gc.c, which
 * obeys them on every allocation. */
#include "obj.h"

static pv mgc_collect_fn(int n, const pv *a, int nkw, const pv *kw) {
    gc_collect();
    return PV_NONE;
}
static pv mgc_mem_free_fn(int n, const pv *a, int nkw, const pv *kw) {
    size_t f;
    gc_info(NULL, &f, NULL);
    return rt_int((int64_t)f);
}
static pv mgc_mem_alloc_fn(int n, const pv *a, int nkw, const pv *kw) {
    size_t u;
    gc_info(&u, NULL, NULL);
    return rt_int((int64_t)u);
}
static pv mgc_enable_fn(int n, const pv *a, int nkw, const pv *kw) {
    gc_auto = true;
    return PV_NONE;
}
static pv mgc_disable_fn(int n, const pv *a, int nkw, const pv *kw) {
    gc_auto = false;
    return PV_NONE;
}
static pv mgc_isenabled_fn(int n, const pv *a, int nkw, const pv *kw) { return PV_BOOL(gc_auto); }
/* threshold() reads it (-1: none), threshold(bytes) sets it, -1 removes it */
static pv mgc_threshold_fn(int n, const pv *a, int nkw, const pv *kw) {
    if (n == 0) return gc_threshold == GC_NO_THRESHOLD ? PV_FROM_INT(-1) : rt_int(gc_threshold);
    int64_t v = rt_to_int(a[0]);
    gc_threshold = v < 0 ? GC_NO_THRESHOLD : v >= GC_NO_THRESHOLD ? GC_NO_THRESHOLD - 1 : (uint32_t)v;
    return PV_NONE;
}
static BUILTIN(mgc_collect, collect, 0, 0, false);
static BUILTIN(mgc_enable, enable, 0, 0, false);
static BUILTIN(mgc_disable, disable, 0, 0, false);
static BUILTIN(mgc_isenabled, isenabled, 0, 0, false);
static BUILTIN(mgc_mem_free, mem_free, 0, 0, false);
static BUILTIN(mgc_mem_alloc, mem_alloc, 0, 0, false);
static BUILTIN(mgc_threshold, threshold, 0, 1, false);
TABLE(gc_table, MEMBER(__name__, &N(gc)), MEMBER(collect, &mgc_collect), MEMBER(disable, &mgc_disable),
      MEMBER(enable, &mgc_enable), MEMBER(isenabled, &mgc_isenabled), MEMBER(mem_free, &mgc_mem_free),
      MEMBER(mem_alloc, &mgc_mem_alloc), MEMBER(threshold, &mgc_threshold));
MODULE(mod_gc, gc, gc_table);
