/* lexer.h — tokens of Python source, read straight from the buffer (flash on the device). */
#ifndef PITH_LEXER_H
#define PITH_LEXER_H

#include <stddef.h>
#include <stdint.h>

enum {
    T_EOF, T_NEWLINE, T_INDENT, T_DEDENT, T_NAME, T_INT, T_FLOAT, T_STR, T_BYTES,
    /* keywords, in the order of lexer.c's table */
    T_FALSE, T_NONE, T_TRUE, T_AND, T_AS, T_ASSERT, T_BREAK, T_CLASS, T_CONTINUE,
    T_DEF, T_DEL, T_ELIF, T_ELSE, T_EXCEPT, T_FINALLY, T_FOR, T_FROM, T_GLOBAL,
    T_IF, T_IMPORT, T_IN, T_IS, T_LAMBDA, T_NONLOCAL, T_NOT, T_OR, T_PASS, T_RAISE,
    T_RETURN, T_TRY, T_WHILE, T_WITH, T_YIELD,
    /* punctuation */
    T_LPAREN, T_RPAREN, T_LBRACKET, T_RBRACKET, T_LBRACE, T_RBRACE, T_COMMA,
    T_COLON, T_DOT, T_SEMI, T_AT, T_ASSIGN, T_ARROW, T_ELLIPSIS,
    /* augmented assignment, same order as the binary operators below */
    T_IADD, T_ISUB, T_IMUL, T_IFLOORDIV, T_IDIV, T_IMOD, T_IPOW, T_ILSHIFT,
    T_IRSHIFT, T_IAND, T_IOR, T_IXOR,
    T_PLUS, T_MINUS, T_STAR, T_DSLASH, T_SLASH, T_PERCENT, T_DSTAR, T_LSHIFT,
    T_RSHIFT, T_AMP, T_PIPE, T_CARET, T_TILDE,
    T_LT, T_GT, T_LE, T_GE, T_EQ, T_NE,
    T_ERROR
};

#define LEX_MAX_INDENT 24

typedef struct {
    const char *src;
    size_t len, pos;
    uint32_t line;
    int depth;            /* open brackets: newlines inside are not tokens */
    int nindent;
    uint16_t indent[LEX_MAX_INDENT];
    int pending;          /* >0: INDENTs to emit, <0: DEDENTs */
    int at_bol;           /* at the beginning of a logical line */
    /* the current token */
    int tok;
    size_t tstart, tlen;
    uint32_t tline;
    const char *error;
} lexer;

/* A token to come back to, within one logical line (the indentation stack
 * is not saved: rewinds never cross a line's start). Restoring lexes that
 * token again; small, because the compiler keeps these on a 2 KiB C stack. */
typedef struct {
    uint32_t pos, line;
    int16_t depth;   /* bracket depth before the token */
} lexpos;

void lex_init(lexer *L, const char *src, size_t len);
void lex_save(const lexer *L, lexpos *p);
void lex_restore(lexer *L, const lexpos *p);
void lex_next(lexer *L);

#endif
