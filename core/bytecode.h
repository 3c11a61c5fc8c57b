/* bytecode.h — the VM's instruction set, shared by compiler.c and vm.c.
 *
 * One byte of opcode, then its operands: "a" is a variable-length index
 * (one byte below 128, else two), "j" a two-byte absolute code offset,
 * "b" one byte. Stack effects are in the comments. */
#ifndef PITH_BYTECODE_H
#define PITH_BYTECODE_H

enum {
    OP_NOP,
    OP_LOAD_CONST,      /* a: -> consts[a] */
    OP_LOAD_SMALL,      /* b (signed): -> int */
    OP_LOAD_NONE, OP_LOAD_TRUE, OP_LOAD_FALSE,
    OP_LOAD_FAST,       /* a */
    OP_STORE_FAST,      /* a */
    OP_DELETE_FAST,     /* a */
    OP_LOAD_NAME,       /* a: global, then builtins (name in consts[a]) */
    OP_STORE_NAME,      /* a */
    OP_DELETE_NAME,     /* a */
    OP_LOAD_ATTR,       /* a */
    OP_STORE_ATTR,      /* a: obj value -> */
    OP_LOAD_METHOD,     /* a: obj -> meth self | NULL attr */
    OP_CALL_METHOD,     /* b npos, b nkw */
    OP_CALL,            /* b npos, b nkw: fn args... (name value)... -> result */
    OP_CALL_VAR,        /* b npos, b nkw: fn args... seq (name value)... */
    OP_CALL_METHOD_VAR, /* b npos, b nkw: meth self args... seq (name value)... */
    OP_LOAD_SUBSCR,     /* obj index -> value */
    OP_STORE_SUBSCR,    /* value obj index -> */
    OP_DELETE_SUBSCR,   /* obj index -> */
    OP_BINARY,          /* b op */
    OP_UNARY,           /* b op */
    OP_COMPARE_CHAIN,   /* b op, j: a b -> b (a op b) ; false: jump keeping `false` */
    OP_BUILD_TUPLE,     /* a */
    OP_BUILD_LIST,      /* a */
    OP_BUILD_DICT,      /* a pairs */
    OP_BUILD_SLICE,     /* b 2 or 3 */
    OP_LIST_APPEND,     /* a depth of the list below TOS */
    OP_DICT_STORE,      /* a depth: key value -> */
    OP_UNPACK,          /* a */
    OP_POP_TOP, OP_DUP_TOP, OP_DUP_TOP_TWO, OP_ROT_TWO, OP_ROT_THREE,
    OP_JUMP,            /* j */
    OP_POP_JUMP_IF_FALSE, OP_POP_JUMP_IF_TRUE,   /* j */
    OP_JUMP_IF_FALSE_OR_POP, OP_JUMP_IF_TRUE_OR_POP, /* j */
    OP_GET_ITER,        /* obj -> iter */
    OP_FOR_ITER,        /* j: iter -> iter item | (exhausted) -> , jump */
    OP_RANGE_SETUP,     /* start stop step -> (checked) */
    OP_FOR_RANGE,       /* j: cur stop step -> cur' stop step cur | -> jump */
    OP_SETUP_EXCEPT,    /* j: pushes a handler record (2 slots) */
    OP_SETUP_FINALLY,   /* j */
    OP_POP_BLOCK,       /* pops the top handler record */
    OP_EXC_MATCH,       /* exc cls -> exc bool */
    OP_POP_EXCEPT,      /* ends an except clause */
    OP_END_FINALLY,     /* value kind -> (continue, raise, return or jump) */
    OP_UNWIND_JUMP,     /* j, b keep-handlers, b stack depth */
    OP_WITH_ENTER,      /* j: ctx -> exit (record) result */
    OP_WITH_EXIT,       /* exit value kind -> exit value' kind' */
    OP_RAISE,           /* b 0: re-raise, 1: raise TOS */
    OP_RETURN,          /* value -> */
    OP_MAKE_FUNCTION,   /* a code, b has-defaults: [defaults] -> fun */
    OP_IMPORT,          /* a name -> module */
    OP_IMPORT_FROM,     /* a name: module -> module value */
    OP_IMPORT_STAR,     /* module -> */
    OP_PRINT_EXPR,      /* value -> (REPL) */
    OP_COUNT
};

/* Kinds of the (value, kind) pair a finally block sees. */
enum { FIN_NORMAL = 0, FIN_EXC = 1, FIN_RETURN = 2, FIN_JUMP = 3 };

#endif
