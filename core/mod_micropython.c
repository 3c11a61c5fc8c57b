/* mod_micropython.c — the micropython module: const, the optimisation
 * level, memory reports, the heap lock, the Ctrl-C character and the
 * scheduler, whose queue lives in the heap (vm_extra_roots) and runs at the
 * VM's poll points (rt_poll). */
#include "hal.h"
#include "obj.h"
#include "vm.h"

#define SCHED_DEPTH 4 /* pending callbacks, as MicroPython's default */

static uint8_t opt_level;

static pv mp_const_fn(int n, const pv *args, int nkw, const pv *kw) { return args[0]; }

static pv mp_opt_level_fn(int n, const pv *args, int nkw, const pv *kw) {
    if (n == 0) return PV_FROM_INT(opt_level);
    opt_level = (uint8_t)rt_to_int(args[0]);
    return PV_NONE;
}

static void put_figure(const char *label, size_t v) {
    out_str(&rt_stdout, label);
    out_int(&rt_stdout, (int64_t)v);
}

static pv mp_mem_info_fn(int n, const pv *args, int nkw, const pv *kw) {
    size_t used, free_bytes, largest, limit, stack = rt_stack_used(&limit);
    gc_info(&used, &free_bytes, &largest);
    put_figure("stack: ", stack);
    put_figure(" out of ", limit);
    put_figure("\nGC: total: ", used + free_bytes);
    put_figure(", used: ", used);
    put_figure(", free: ", free_bytes);
    put_figure("\n max free sz: ", largest);
    out_char(&rt_stdout, '\n');
    return PV_NONE;
}

/* The names interned at run time (the core's own live in flash). */
static pv mp_qstr_info_fn(int n, const pv *args, int nkw, const pv *kw) {
    size_t count = 0, bytes = 0;
    if (vm_intern) {
        plist *l = (plist *)vm_intern;
        count = l->len;
        for (size_t i = 0; i < l->len; i++) bytes += ((pstr *)l->items[i])->len + 1;
    }
    put_figure("qstr pool: n_pool=", vm_intern ? 1 : 0);
    put_figure(", n_qstr=", count);
    put_figure(", n_str_data_bytes=", bytes);
    put_figure(", n_total_bytes=", bytes + count * (sizeof(pstr) + sizeof(pv)));
    out_char(&rt_stdout, '\n');
    return PV_NONE;
}

static pv mp_stack_use_fn(int n, const pv *args, int nkw, const pv *kw) {
    size_t limit;
    return rt_int((int64_t)rt_stack_used(&limit));
}

static pv mp_heap_lock_fn(int n, const pv *args, int nkw, const pv *kw) {
    if (gc_locked < 255) gc_locked++;
    return PV_NONE;
}

/* returns the depth left, as MicroPython does */
static pv mp_heap_unlock_fn(int n, const pv *args, int nkw, const pv *kw) {
    if (gc_locked) gc_locked--;
    return PV_FROM_INT(gc_locked);
}

static pv mp_kbd_intr_fn(int n, const pv *args, int nkw, const pv *kw) {
    hal_set_interrupt_char((int)rt_to_int(args[0]));
    return PV_NONE;
}

/* The queue is a list of function, argument pairs. */
static pv mp_schedule_fn(int n, const pv *args, int nkw, const pv *kw) {
    pv q = vm_extra_roots[VM_ROOT_SCHED];
    if (q && ((plist *)q)->len >= 2 * SCHED_DEPTH) rt_raise_msg(&t_RuntimeError, "schedule queue full");
    if (!q) q = vm_extra_roots[VM_ROOT_SCHED] = list_new(0);
    list_append(q, args[0]);
    list_append(q, args[1]);
    return PV_NONE;
}

/* Run the pending callbacks, oldest first; one that raises passes its
 * exception on to the code that was running. Callbacks do not nest. */
void sched_run(void) {
    static bool running;
    if (running) return;
    pv f = PV_NULL, a = PV_NULL;
    gc_root_push(&f);
    gc_root_push(&a);
    pv q;
    while ((q = vm_extra_roots[VM_ROOT_SCHED]) != PV_NULL) {
        plist *l = (plist *)q;
        f = l->items[0];
        a = l->items[1];
        if (l->len == 2) {
            vm_extra_roots[VM_ROOT_SCHED] = PV_NULL;
        } else {
            l->len -= 2;
            for (size_t i = 0; i < l->len; i++) l->items[i] = l->items[i + 2];
        }
        running = true;
        pjmp j;
        if (TRY(j)) {
            rt_call1(f, a);
            TRY_END(j);
            running = false;
        } else {
            gc_root_restore(j.roots);
            running = false;
            rt_raise(j.exc);
        }
    }
    gc_root_pop(2);
}

static BUILTIN(mp_const, const, 1, 1, false);
static BUILTIN(mp_opt_level, opt_level, 0, 1, false);
static BUILTIN(mp_mem_info, mem_info, 0, 1, false);
static BUILTIN(mp_qstr_info, qstr_info, 0, 1, false);
static BUILTIN(mp_stack_use, stack_use, 0, 0, false);
static BUILTIN(mp_heap_lock, heap_lock, 0, 0, false);
static BUILTIN(mp_heap_unlock, heap_unlock, 0, 0, false);
static BUILTIN(mp_kbd_intr, kbd_intr, 1, 1, false);
static BUILTIN(mp_schedule, schedule, 2, 2, false);
TABLE(mp_table, MEMBER(__name__, &N(micropython)), MEMBER(const, &mp_const), MEMBER(opt_level, &mp_opt_level),
      MEMBER(mem_info, &mp_mem_info), MEMBER(qstr_info, &mp_qstr_info), MEMBER(stack_use, &mp_stack_use),
      MEMBER(heap_lock, &mp_heap_lock), MEMBER(heap_unlock, &mp_heap_unlock), MEMBER(kbd_intr, &mp_kbd_intr),
      MEMBER(schedule, &mp_schedule));
MODULE(mod_micropython, micropython, mp_table);
