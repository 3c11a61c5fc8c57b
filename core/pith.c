/* pith.c — the embedding API (pith.h): start, run source, report errors. */
#include "pith.h"

#include "compiler.h"
#include "fs.h"
#include "hal.h"
#include "import.h"
#include "obj.h"
#include "vm.h"

void rt_set_stack(void *top, size_t bytes);
void rand_unseed(void);
void microbit_reset(void);
static int exit_code;

void pith_init(void *arena, size_t size) {
    microbit_reset(); /* first: the display tick must stop reading the old heap */
    vm_reset();
    gc_init(arena, size);
    rand_unseed();
    rt_jmp = NULL;
    vm_main_globals = dict_new(8);
    dict_set(vm_main_globals, (pv)&N(__name__), (pv)&N(__main__));
    fs_mount();
}

void pith_stack_init(void *top, size_t bytes) { rt_set_stack(top, bytes); }

void pith_seed(uint32_t seed) { rand_seed(seed); }

static const pstr *file_name(const char *filename) {
    size_t n = 0;
    while (filename[n]) n++;
    return (const pstr *)str_intern(filename, n);
}

int pith_exec(const char *src, size_t len, const char *filename, int mode) {
    return pith_exec_owned(src, len, filename, mode, NULL);
}

int pith_exec_owned(const char *src, size_t len, const char *filename, int mode, void *owned) {
    lex_buf b = {src, src + len};
    return pith_exec_read(lex_buf_read, &b, filename, mode, owned);
}

int pith_exec_read(lex_reader read, void *ctx, const char *filename, int mode, void *owned) {
    pjmp j;
    volatile int result = PITH_OK;
    vm_last_exc = PV_NULL;
    hal_set_interrupt_char(3);
    if (TRY(j)) {
        pv keep = (pv)owned;
        gc_root_push(&keep);
        pcode *code = compile_stream(read, ctx, file_name(filename), mode);
        gc_root_pop(1);
        if (owned) gc_free(owned);
        vm_run_module(code, vm_main_globals);
        TRY_END(j);
    } else {
        gc_root_restore(j.roots);
        gc_top = false;
        pv e = j.exc;
        if (pv_is(e, &t_SystemExit)) {
            ptuple *a = (ptuple *)((pexc *)e)->args;
            exit_code = 0;
            if (a && a->len && a->items[0] != PV_NONE) {
                pv c = a->items[0];
                if (PV_IS_INT(c)) {
                    exit_code = (int)PV_INT(c);
                } else {
                    rt_print(&rt_stdout, c, false);
                    out_char(&rt_stdout, '\n');
                    exit_code = 1;
                }
            }
            result = PITH_SYSEXIT;
        } else {
            vm_last_exc = e;
            result = PITH_EXC;
        }
    }
    hal_set_interrupt_char(-1);
    /* a Ctrl-C that arrived after the last poll must not hit the next run */
    (void)hal_interrupted();
    gc_young_n = 0;
    return result;
}

void pith_print_exception(void) {
    if (vm_last_exc) exc_print_tb(&rt_stdout, vm_last_exc);
}

int pith_exit_code(void) { return exit_code; }

void pith_heap_info(size_t *used, size_t *free_bytes) { gc_info(used, free_bytes, NULL); }
