/* vm.h — the bytecode interpreter's interface to the rest of the core. */
#ifndef PITH_VM_H
#define PITH_VM_H

#include "obj.h"

/* Run a code object as a module body with the given globals dict. */
pv vm_run_module(pcode *code, pv globals);
/* Run module-level code with separate globals and locals (exec, eval). */
pv vm_exec(pcode *code, pv globals, pv locals);
/* Call a Python function from C (sorted's key, map...): a nested run loop.
 * A generator function returns its generator. */
pv vm_call_function(pfun *f, int n, const pv *args, int nkw, const pv *kw);
/* The same with `self` before the arguments. */
pv vm_call_self(pfun *f, pv self, int n, const pv *args, int nkw, const pv *kw);
/* The running code's globals, and its namespace (globals in a function). */
pv vm_globals(void);
/* Resume a generator: what it yielded, or (*done) what it returned. */
pv vm_gen_send(pv gen, pv value, bool *done);
pv vm_locals(void);
void vm_mark_roots(void);
void vm_mark_chunks(void);
void vm_reset(void);
void gc_mark(pv v);
void gc_mark_range(const pv *p, size_t n);
void gc_mark_shallow(const void *p);

/* core state that survives between REPL entries */
extern pv vm_main_globals;     /* __main__'s dict */
extern pv vm_last_exc;         /* for pith_print_exception */
extern pv vm_intern;           /* list of heap-interned names */
/* Module state kept in the heap, one named slot each. */
enum {
    VM_ROOT_DISPLAY,  /* the microbit display's animation (mod_microbit.c) */
    VM_ROOT_SIM,      /* simulated button presses, the test hooks (mod_microbit.c) */
    VM_ROOT_SYS,      /* the sys module: argv, path, modules (mod_sys.c; import.c fills modules) */
    VM_ROOT_SCHED,    /* micropython.schedule's queue (mod_micropython.c) */
    VM_ROOT_REPL,     /* the entry being typed or pasted (repl.c) */
    VM_ROOTS
};
extern pv vm_extra_roots[VM_ROOTS];
/* Calls and backward jumps (and items drained by C, and tokens compiled)
 * until the next Ctrl-C check; a collection sets it to 1, so a loop whose
 * turns allocate heavily checks every turn. */
extern int vm_poll_count;

#endif
