/* obj_fun.c — callables and namespaces: functions (with their closure
 * cells), built-ins, bound methods, code, modules and the type of types. */
#include "obj.h"

pv fun_new(pcode *code, pv globals, pv defaults) {
    pfun *f = gc_alloc(sizeof(pfun) + code->nfree * sizeof(pv));
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
    if (name == &N(__globals__)) return ((pfun *)self)->globals;
    return PV_NULL;
}

const ptype t_function = {TYPE_HEAD(function), .print = fun_print, .attr = fun_attr};
const ptype t_code = {TYPE_HEAD(code)};

const ptype t_cell = {TYPE_HEAD(cell)};

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

static pv bound_attr(pv self, const pstr *name) {
    pbound *b = (pbound *)self;
    if (name == &N(__self__)) return b->self;
    if (name == &N(__func__)) return b->fn;
    if (name == &N(__name__)) return rt_getattr_try(b->fn, name);
    return PV_NULL;
}

const ptype t_bound = {TYPE_HEAD(bound_method), .print = bound_print, .attr = bound_attr};

/* list.append taken from the type: like the built-in, but calling it
 * checks its first argument's type (issue: a wrong self must not crash). */
pv method_check_new(const ptype *owner, pv fn) {
    pbound *b = (pbound *)bound_new((pv)owner, fn);
    b->type = &t_methchk;
    return (pv)b;
}

static void methchk_print(pout *o, pv self, bool repr) { rt_print(o, ((pbound *)self)->fn, repr); }

static pv methchk_attr(pv self, const pstr *name) { return rt_getattr_try(((pbound *)self)->fn, name); }

const ptype t_methchk = {TYPE_HEAD(function), .print = methchk_print, .attr = methchk_attr};

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
    if (n == 3) return class_from_type_call(n, args);
    if (n != 1) rt_raise_msg(&t_TypeError, "type() takes 1 or 3 arguments");
    return (pv)pv_type(args[0]);
}

static pv type_unary(int op, pv self) {
    if (op == OP_HASH) return PV_FROM_INT((self >> 2) & 0xFFFFFFF);
    return PV_NULL;
}

const ptype t_type = {TYPE_HEAD(type), .make = type_make, .print = type_print, .unary = type_unary};
