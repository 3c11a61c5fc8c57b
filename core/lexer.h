/* lexer.h — tokens of Python source, read one byte at a time from a reader.
 *
 * The source is a stream (a buffer in RAM or flash, or the serial line in
 * the raw REPL): the lexer never goes back, so the compiler never needs
 * the whole source in memory. A token's value (an interned name, a number,
 * a decoded string) is a heap object in `val`, which the compiler roots. */
#ifndef PITH_LEXER_H
#define PITH_LEXER_H

#include <stddef.h>
#include <stdint.h>

#include "obj.h"

enum {
    T_EOF, T_NEWLINE, T_INDENT, T_DEDENT, T_NAME, T_INT, T_FLOAT, T_STR, T_BYTES, T_FSTR,
    /* keywords, in the order of lexer.c's table */
    T_FALSE, T_NONE, T_TRUE, T_AND, T_AS, T_ASSERT, T_BREAK, T_CLASS, T_CONTINUE,
    T_DEF, T_DEL, T_ELIF, T_ELSE, T_EXCEPT, T_FINALLY, T_FOR, T_FROM, T_GLOBAL,
    T_IF, T_IMPORT, T_IN, T_IS, T_LAMBDA, T_NONLOCAL, T_NOT, T_OR, T_PASS, T_RAISE,
    T_RETURN, T_TRY, T_WHILE, T_WITH, T_YIELD,
    /* punctuation */
    T_LPAREN, T_RPAREN, T_LBRACKET, T_RBRACKET, T_LBRACE, T_RBRACE, T_COMMA,
    T_COLON, T_DOT, T_SEMI, T_AT, T_ASSIGN, T_ARROW, T_ELLIPSIS, T_WALRUS,
    /* augmented assignment, same order as the binary operators below */
    T_IADD, T_ISUB, T_IMUL, T_IFLOORDIV, T_IDIV, T_IMOD, T_IPOW, T_ILSHIFT,
    T_IRSHIFT, T_IAND, T_IOR, T_IXOR,
    T_PLUS, T_MINUS, T_STAR, T_DSLASH, T_SLASH, T_PERCENT, T_DSTAR, T_LSHIFT,
    T_RSHIFT, T_AMP, T_PIPE, T_CARET, T_TILDE,
    T_LT, T_GT, T_LE, T_GE, T_EQ, T_NE,
    T_ERROR
};

#define LEX_MAX_INDENT 32

/* The source: read() returns the next byte, or -1 at the end. */
typedef int (*lex_reader)(void *ctx);

typedef struct {
    lex_reader read;
    void *ctx;
    int ch, ch1;          /* the next two characters (-1: end) */
    int pb;               /* a raw byte read ahead while folding "\r\n", or -2 */
    uint32_t line;        /* line of ch */
    int depth;            /* open brackets: newlines inside are not tokens */
    int nindent;
    uint16_t indent[LEX_MAX_INDENT];
    int pending;          /* >0: INDENTs to emit, <0: DEDENTs */
    uint8_t at_bol;       /* at the beginning of a logical line */
    uint8_t had_tokens;   /* the current logical line has a token (NEWLINE is due at EOF) */
    uint8_t fstr_raw;     /* T_FSTR: the string had an r prefix */
    /* the current token */
    int tok;
    uint32_t tline;
    pv val;               /* T_NAME: interned str; T_INT/T_FLOAT: number; T_STR/T_BYTES: value;
                           * T_FSTR: the raw text between the quotes */
    const char *error;
    vstr buf;             /* scratch for the token being read */
} lexer;

/* Reading starts at the first token; `buf` must be rooted by the caller
 * (lex_roots gives the two slots) before lex_init runs. */
void lex_init(lexer *L, lex_reader read, void *ctx);
/* An expression alone (an f-string field): as if inside brackets, from `line`. */
void lex_init_expr(lexer *L, lex_reader read, void *ctx, uint32_t line);
void lex_next(lexer *L);
/* Decode the escapes of a string body (no quotes) into v: for f-strings. */
void lex_decode(lexer *L, vstr *v, const char *s, size_t n, int raw, int isbytes);

/* A reader over bytes in memory. */
typedef struct {
    const char *p, *end;
} lex_buf;
int lex_buf_read(void *ctx);

#endif
