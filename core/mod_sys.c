/* mod_sys.c — the sys module. Its constant members live in a flash table;
 * argv, path and modules, which programs change (and import.c fills), live
 * in the dict of a heap module made on first use and kept in
 * vm_extra_roots. stdin, stdout and stderr are constant objects in flash. */
#include "hal.h"
#include "obj.h"
#include "vm.h"

#ifndef PITH_PLATFORM
#define PITH_PLATFORM "pith"
#endif

static pv sys_exit_fn(int n, const pv *args, int nkw, const pv *kw) {
    pv t = tuple_new(n ? 1 : 0);
    if (n) ((ptuple *)t)->items[0] = args[0];
    builtin_raise(&t_SystemExit, t);
}

static pv sys_print_exception_fn(int n, const pv *args, int nkw, const pv *kw) {
    pfileout fo;
    pout *o = fileout_open(&fo, n > 1 ? args[1] : PV_NONE);
    exc_print_tb(o, args[0]);
    fileout_close(o);
    return PV_NONE;
}

/* ---- stdin, stdout, stderr ---- */
static void stdio_print(pout *o, pv self, bool repr) {
    out_str(o, "<io.TextIOWrapper ");
    out_char(o, self == (pv)&sys_stdin_obj ? '0' : self == (pv)&sys_stdout_obj ? '1' : '2');
    out_char(o, '>');
}

/* write(s): str or bytes, to the terminal; returns the bytes written */
static pv stdio_write_fn(int n, const pv *args, int nkw, const pv *kw) {
    pbuf b;
    rt_need_buffer(args[1], &b, false);
    out_n(&rt_stdout, (const char *)b.data, b.len);
    return rt_int((int64_t)b.len);
}

/* read([n]) up to n bytes (all, without n), readline() up to a newline */
static pv read_until(int64_t max, bool line) {
    vstr s;
    vstr_init(&s, 16);
    gc_root_push((pv *)&s.buf);
    while (max < 0 || (int64_t)s.len < max) {
        int c = stdin_char();
        if (c == 3) builtin_raise(&t_KeyboardInterrupt, PV_NULL);
        if (c < 0 || c == 4) break;
        char ch = c == '\r' ? '\n' : (char)c;
        vstr_add(&s, &ch, 1);
        if (line && ch == '\n') break;
    }
    gc_root_pop(1);
    return vstr_to_str(&s, &t_str);
}

static pv stdio_read_fn(int n, const pv *args, int nkw, const pv *kw) {
    return read_until(n > 1 && args[1] != PV_NONE ? rt_to_int(args[1]) : -1, false);
}

static pv stdio_readline_fn(int n, const pv *args, int nkw, const pv *kw) { return read_until(-1, true); }

static BUILTIN(stdio_write, write, 2, 2, false);
static BUILTIN(stdio_read, read, 1, 2, false);
static BUILTIN(stdio_readline, readline, 1, 1, false);
TABLE(stdio_locals, MEMBER(read, &stdio_read), MEMBER(readline, &stdio_readline), MEMBER(write, &stdio_write));
static const ptype t_stdio = {TYPE_HEAD(TextIOWrapper), .print = stdio_print, .locals = &stdio_locals};
const pobj sys_stdin_obj = {&t_stdio}, sys_stdout_obj = {&t_stdio}, sys_stderr_obj = {&t_stdio};

/* ---- implementation: (name='pith', version=(0, 1, 0)) ---- */
static const ptuple impl_version = {&t_tuple, 3, {PV_FROM_INT(0), PV_FROM_INT(1), PV_FROM_INT(0)}};

static void impl_print(pout *o, pv self, bool repr) {
    out_str(o, "(name=");
    rt_print(o, (pv)&N(pith), true);
    out_str(o, ", version=");
    rt_print(o, (pv)&impl_version, true);
    out_char(o, ')');
}

static pv impl_attr(pv self, const pstr *name) {
    if (name == &N(name)) return (pv)&N(pith);
    if (name == &N(version)) return (pv)&impl_version;
    return PV_NULL;
}

static const ptype t_impl = {TYPE_HEAD(implementation), .print = impl_print, .attr = impl_attr};
static const pobj impl_obj = {&t_impl};

/* ---- the module ---- */
static BUILTIN(sys_exit, exit, 0, 1, false);
static BUILTIN(sys_print_exception, print_exception, 1, 2, false);
static const pstr platform_str = {&t_str, sizeof(PITH_PLATFORM) - 1, PITH_PLATFORM};
static const pstr version_str = {&t_str, 5, "3.4.0"};
static const ptuple version_info = {&t_tuple, 3, {PV_FROM_INT(3), PV_FROM_INT(4), PV_FROM_INT(0)}};
/* 2**31 - 1, as on the micro:bit: a big int in flash, laid out as pbig (num.h) */
static const struct {
    const ptype *type;
    uint16_t len;
    bool neg;
    uint16_t d[2];
} maxsize = {&t_int, 2, false, {0xFFFF, 0x7FFF}};
TABLE(sys_table, MEMBER(__name__, &N(sys)), MEMBER(exit, &sys_exit), MEMBER(print_exception, &sys_print_exception),
      MEMBER(implementation, &impl_obj), MEMBER(platform, &platform_str), MEMBER(version, &version_str),
      MEMBER(version_info, &version_info), MEMBER(byteorder, &N(little)), MEMBER(maxsize, &maxsize),
      MEMBER(stdin, &sys_stdin_obj), MEMBER(stdout, &sys_stdout_obj), MEMBER(stderr, &sys_stderr_obj));
MODULE(mod_sys, sys, sys_table);

static const pstr lib_str = {&t_str, 4, "/lib"};

pv sys_module(void) {
    pv m = vm_extra_roots[VM_ROOT_SYS];
    if (m) return m;
    pmodule *mod = gc_alloc(sizeof(pmodule));
    *mod = mod_sys;
    vm_extra_roots[VM_ROOT_SYS] = (pv)mod;
    mod->dict = dict_new(4);
    pv v = list_new(0);
    gc_root_push(&v);
    dict_set(mod->dict, (pv)&N(argv), v);
    v = list_new(2);
    ((plist *)v)->items[0] = (pv)&N(empty);
    ((plist *)v)->items[1] = (pv)&lib_str;
    dict_set(mod->dict, (pv)&N(path), v);
    v = dict_new(4);
    dict_set(mod->dict, (pv)&N(modules), v);
    gc_root_pop(1);
    return (pv)mod;
}

pv sys_modules(void) {
    pv m = sys_module();
    pv d = dict_get(((pmodule *)m)->dict, (pv)&N(modules));
    if (!d || !pv_is(d, &t_dict)) rt_raise_msg(&t_RuntimeError, "lost sys.modules");
    return d;
}
