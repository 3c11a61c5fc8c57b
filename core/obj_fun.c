/* obj_fun.c — callables and namespaces: functions, built-ins, bound
 * methods, code, modules and the type of types. */
#include "obj.h"

pv fun_new(pcode *code, pv globals, pv defaults) {
    pfun *f = gc_alloc(sizeof(pfun));
    f->type = &t_function;
    f->code = code;
    f->globals = globals;
    f->defaults = defaults;
    return (pv)f;
}

static void fun_print(pout *o, pv self, bool repr) {
    out_str(o, "<function ");
    out_str(o, ((pfun *)self)->code->name->data);
    out_char(o, '>');
}

static pv fun_attr(pv self, const pstr *name) {
    if (name == &N(__name__)) return (pv)((pfun *)self)->code->name;
    return PV_NULL;
}

const ptype t_function = {TYPE_HEAD(function), .print = fun_print, .attr = fun_attr};
const ptype t_code = {TYPE_HEAD(code)};

static void builtin_print(pout *o, pv self, bool repr) {
    out_str(o, "<function ");
    out_str(o, BUILTIN_NAME((pbuiltin *)self)->data);
    out_char(o, '>');
}

static pv builtin_attr(pv self, const pstr *name) {
    if (name == &N(__name__)) return (pv)BUILTIN_NAME((pbuiltin *)self);
    return PV_NULL;
}

const ptype t_builtin = {TYPE_HEAD(function), .print = builtin_print, .attr = builtin_attr};

pv bound_new(pv self, pv fn) {
    pbound *b = gc_alloc(sizeof(pbound));
    b->type = &t_bound;
    b->self = self;
    b->fn = fn;
    return (pv)b;
}

static void bound_print(pout *o, pv self, bool repr) {
    out_str(o, "<bound_method>");
}

const ptype t_bound = {TYPE_HEAD(bound_method), .print = bound_print};

static void module_print(pout *o, pv self, bool repr) {
    out_str(o, "<module '");
    out_str(o, ((pmodule *)self)->name->data);
    out_str(o, "'>");
}

static pv module_attr(pv self, const pstr *name) {
    if (name == &N(__name__)) return (pv)((pmodule *)self)->name;
    return PV_NULL;
}

const ptype t_module = {TYPE_HEAD(module), .print = module_print, .attr = module_attr};

static void type_print(pout *o, pv self, bool repr) {
    out_str(o, "<class '");
    out_str(o, ((const ptype *)self)->name->data);
    out_str(o, "'>");
}

static pv type_make(const ptype *t, int n, const pv *args, int nkw, const pv *kw) {
    rt_check_args(n, 1, 1);
    return (pv)pv_type(args[0]);
}

static pv type_unary(int op, pv self) {
    if (op == OP_HASH) return PV_FROM_INT((self >> 2) & 0xFFFFFFF);
    return PV_NULL;
}

const ptype t_type = {TYPE_HEAD(type), .make = type_make, .print = type_print, .unary = type_unary};
