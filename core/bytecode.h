/* bytecode.h — the VM's instruction set, one table shared by the compiler,
 * the VM and the disassembler.
 *
 * An instruction is one opcode byte and its operands, by format:
 *   N  none
 *   B  one byte
 *   A  an index: one byte below 128, else two (high bit set in the first)
 *   J  a two-byte signed jump, relative to the end of the instruction
 *   BB two bytes   JB a jump and a byte   AB an index and a byte   JBB a jump and two bytes
 * The stack effect is what the compiler counts; VAR means the compiler
 * works it out from the operands. */
#ifndef PITH_BYTECODE_H
#define PITH_BYTECODE_H

#include <stdint.h>

enum { F_N, F_B, F_A, F_J, F_BB, F_JB, F_AB, F_JBB };
#define VAR 99

/* X(name, format, stack effect) */
#define PITH_OPCODES(X) \
    X(NOP, N, 0) \
    X(LOAD_CONST, A, 1)        /* -> consts[a] */ \
    X(LOAD_SMALL, B, 1)        /* -> int (signed byte) */ \
    X(LOAD_NONE, N, 1) X(LOAD_TRUE, N, 1) X(LOAD_FALSE, N, 1) \
    /* names before the compiler resolves them (never executed): b is a scope entry */ \
    X(NAME_LOAD, B, 1) X(NAME_STORE, B, -1) X(NAME_DELETE, B, 0) \
    X(LOAD_FAST, B, 1) X(STORE_FAST, B, -1) X(DELETE_FAST, B, 0) \
    X(LOAD_DEREF, B, 1) X(STORE_DEREF, B, -1) X(DELETE_DEREF, B, 0) \
    X(LOAD_GLOBAL, B, 1) X(STORE_GLOBAL, B, -1) X(DELETE_GLOBAL, B, 0) \
    X(LOAD_NAME, B, 1) X(STORE_NAME, B, -1) X(DELETE_NAME, B, 0) /* namespace in locals[0] */ \
    X(LOAD_CLOSURE, B, 1)      /* -> the cell in slot b itself */ \
    X(LOAD_ATTR, A, 0) X(STORE_ATTR, A, -2) X(DELETE_ATTR, A, -1) \
    X(LOAD_METHOD, A, 1)       /* obj -> meth self | NULL attr */ \
    X(CALL, BB, VAR)           /* fn args... (name value)... -> result */ \
    X(CALL_METHOD, BB, VAR)    /* meth self args... (name value)... -> result */ \
    X(CALL_EX, B, VAR)         /* fn list dict -> result; b=1: meth self list dict */ \
    X(ARGS_COLLECT, BB, VAR)   /* a1..an (name value)*k -> list dict */ \
    X(LOAD_SUBSCR, N, -1) X(STORE_SUBSCR, N, -3) X(DELETE_SUBSCR, N, -2) \
    X(BINARY, B, -1) X(UNARY, B, 0) \
    X(COMPARE_CHAIN, JB, -1)   /* a b -> b if (a op b), else False and jump */ \
    X(BUILD_TUPLE, A, VAR) X(BUILD_LIST, A, VAR) X(BUILD_SET, A, VAR) X(BUILD_DICT, A, VAR) \
    X(BUILD_SLICE, B, VAR) X(BUILD_STRING, A, VAR) \
    X(LIST_APPEND, A, -1) X(SET_ADD, A, -1) X(DICT_STORE, A, -2) /* a: depth of the container */ \
    X(LIST_EXTEND, A, -1) X(SET_UPDATE, A, -1) X(DICT_UPDATE, A, -1) \
    X(LIST_TO_TUPLE, N, 0) \
    X(UNPACK, A, VAR) X(UNPACK_EX, BB, VAR) /* before and after the starred target */ \
    X(POP_TOP, N, -1) X(DUP_TOP, N, 1) X(DUP_TOP_TWO, N, 2) X(ROT_TWO, N, 0) X(ROT_THREE, N, 0) \
    X(JUMP, J, 0) X(POP_JUMP_IF_FALSE, J, -1) X(POP_JUMP_IF_TRUE, J, -1) \
    X(JUMP_IF_FALSE_OR_POP, J, -1) X(JUMP_IF_TRUE_OR_POP, J, -1) \
    X(GET_ITER, N, 0) X(FOR_ITER, J, 1) \
    X(RANGE_SETUP, B, VAR)     /* range a1..ab -> start stop step; not range: f a1..ab -> iter None None */ \
    X(FOR_RANGE, J, 1)         /* cur stop step -> cur' stop step cur | jump (or FOR_ITER when not a range) */ \
    X(SETUP_EXCEPT, J, 2) X(SETUP_FINALLY, J, 2) X(SETUP_NONE, J, 2) X(SETUP_CLAUSE, N, 2) X(POP_BLOCK, N, -2) \
    X(EXC_MATCH, N, 0)         /* exc cls -> exc bool */ \
    X(POP_EXCEPT, N, -4)       /* prev exc record -> (ends an except clause) */ \
    X(RERAISE, N, -2)          /* prev exc -> (no clause matched) */ \
    X(END_FINALLY, N, -2)      /* value kind -> */ \
    X(UNWIND_JUMP, JBB, 0)     /* handler records to keep, stack depth above the kept ones */ \
    X(SETUP_WITH, J, 3)        /* ctx -> exit record(2) result */ \
    X(WITH_EXIT, N, 0)         /* exit value kind -> exit value' kind' */ \
    X(RAISE, B, VAR)           /* b 0: re-raise, 1: raise TOS, 2: raise TOS from TOS1 */ \
    X(RETURN, N, -1) \
    X(YIELD_VALUE, N, 0)       /* value -> sent */ \
    X(YIELD_FROM, N, -1)       /* iter sent -> result (re-runs while the iterator yields) */ \
    X(MAKE_FUNCTION, AB, VAR)  /* a code, b flags: 1 defaults tuple, 2 kw defaults dict */ \
    X(FORMAT_VALUE, B, VAR)    /* value [spec] -> str; b: conversion | 4 with spec */ \
    X(IMPORT, A, 1) X(IMPORT_FROM, A, 1) X(IMPORT_STAR, N, -1) \
    X(PRINT_EXPR, N, -1)

#define X(n, f, s) OP_##n,
enum { PITH_OPCODES(X) OP_COUNT };
#undef X

/* Kinds of the (value, kind) pair a finally block sees. */
enum { FIN_NORMAL = 0, FIN_EXC = 1, FIN_RETURN = 2, FIN_JUMP = 3 };
/* Kinds of handler records (the high bits of their first slot). */
enum { REC_EXCEPT = 0, REC_FINALLY = 1, REC_CLAUSE = 2, REC_NONE = 3 };
/* MAKE_FUNCTION flags */
enum { MF_DEFAULTS = 1, MF_KWDEFAULTS = 2 };

extern const uint8_t op_format[OP_COUNT];
int op_length(const uint8_t *ip);  /* bytes of the instruction at ip */

#endif
