/* lexer.c — turns source bytes into tokens, one at a time, with no copies.
 *
 * The whole state is the lexer struct, so the compiler can save it and come
 * back (it does so to compile `a if c else b` and comprehensions in one
 * pass, and to find a function's local names before compiling its body). */
#include <string.h>

#include "lexer.h"

static const char *const keywords[] = {
    "False", "None", "True", "and", "as", "assert", "break", "class", "continue",
    "def", "del", "elif", "else", "except", "finally", "for", "from", "global",
    "if", "import", "in", "is", "lambda", "nonlocal", "not", "or", "pass", "raise",
    "return", "try", "while", "with", "yield",
};

/* Operators, longest first so that "**=" wins over "**" and "*". */
static const struct { char s[4]; uint8_t tok; } ops[] = {
    {"**=", T_IPOW}, {"//=", T_IFLOORDIV}, {">>=", T_IRSHIFT}, {"<<=", T_ILSHIFT},
    {"...", T_ELLIPSIS},
    {"+=", T_IADD}, {"-=", T_ISUB}, {"*=", T_IMUL}, {"/=", T_IDIV}, {"%=", T_IMOD},
    {"&=", T_IAND}, {"|=", T_IOR}, {"^=", T_IXOR}, {"->", T_ARROW},
    {"**", T_DSTAR}, {"//", T_DSLASH}, {"<<", T_LSHIFT}, {">>", T_RSHIFT},
    {"<=", T_LE}, {">=", T_GE}, {"==", T_EQ}, {"!=", T_NE},
    {"(", T_LPAREN}, {")", T_RPAREN}, {"[", T_LBRACKET}, {"]", T_RBRACKET},
    {"{", T_LBRACE}, {"}", T_RBRACE}, {",", T_COMMA}, {":", T_COLON}, {".", T_DOT},
    {";", T_SEMI}, {"@", T_AT}, {"=", T_ASSIGN}, {"+", T_PLUS}, {"-", T_MINUS},
    {"*", T_STAR}, {"/", T_SLASH}, {"%", T_PERCENT}, {"&", T_AMP}, {"|", T_PIPE},
    {"^", T_CARET}, {"~", T_TILDE}, {"<", T_LT}, {">", T_GT},
};

void lex_init(lexer *L, const char *src, size_t len) {
    memset(L, 0, sizeof *L);
    L->src = src;
    L->len = len;
    L->line = 1;
    L->nindent = 1;
    L->at_bol = 1;
    lex_next(L);
}

void lex_save(const lexer *L, lexpos *p) {
    int d = L->depth, t = L->tok;
    if (t == T_LPAREN || t == T_LBRACKET || t == T_LBRACE) d--;
    if (t == T_RPAREN || t == T_RBRACKET || t == T_RBRACE) d++;
    p->pos = (uint32_t)L->tstart;
    p->line = L->tline;
    p->depth = (int16_t)d;
}

void lex_restore(lexer *L, const lexpos *p) {
    L->pos = p->pos;
    L->line = p->line;
    L->depth = p->depth;
    L->pending = 0;
    L->at_bol = 0;
    lex_next(L);
}

static int peekc(lexer *L, size_t k) { return L->pos + k < L->len ? (unsigned char)L->src[L->pos + k] : -1; }
static int is_ident_start(int c) { return c == '_' || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c >= 0x80; }
static int is_digit(int c) { return c >= '0' && c <= '9'; }
static int is_ident(int c) { return is_ident_start(c) || is_digit(c); }

static void error(lexer *L, const char *msg) {
    L->tok = T_ERROR;
    L->error = msg;
}

/* Skip a string literal starting at the quote; returns 0 when unterminated. */
static int skip_string(lexer *L) {
    int q = peekc(L, 0);
    int triple = peekc(L, 1) == q && peekc(L, 2) == q;
    L->pos += triple ? 3 : 1;
    for (;;) {
        int c = peekc(L, 0);
        if (c < 0) return 0;
        if (c == '\\') {
            if (peekc(L, 1) == '\n') L->line++;
            L->pos += 2;
            continue;
        }
        if (c == '\n') {
            if (!triple) return 0;
            L->line++;
        }
        if (c == q && (!triple || (peekc(L, 1) == q && peekc(L, 2) == q))) {
            L->pos += triple ? 3 : 1;
            return 1;
        }
        L->pos++;
    }
}

/* At the start of a logical line: measure indentation, skip blank lines. */
static void begin_line(lexer *L) {
    for (;;) {
        unsigned col = 0;
        while (peekc(L, 0) == ' ' || peekc(L, 0) == '\t' || peekc(L, 0) == '\f') {
            col = peekc(L, 0) == '\t' ? (col / 8 + 1) * 8 : col + 1;
            L->pos++;
        }
        int c = peekc(L, 0);
        if (c == '#') {
            while (peekc(L, 0) >= 0 && peekc(L, 0) != '\n') L->pos++;
            c = peekc(L, 0);
        }
        if (c == '\r') {
            L->pos++;
            continue;
        }
        if (c == '\n') {
            L->pos++;
            L->line++;
            continue;
        }
        if (c < 0) col = 0;
        L->at_bol = 0;
        if (col > L->indent[L->nindent - 1]) {
            if (L->nindent == LEX_MAX_INDENT) {
                error(L, "too many indentation levels");
                return;
            }
            L->indent[L->nindent++] = (uint16_t)col;
            L->pending = 1;
        } else {
            while (col < L->indent[L->nindent - 1]) {
                L->nindent--;
                L->pending--;
            }
            if (col != L->indent[L->nindent - 1]) error(L, "unindent doesn't match any outer indent level");
        }
        return;
    }
}

void lex_next(lexer *L) {
    if (L->tok == T_ERROR && L->error) return;
    if (L->at_bol && L->depth == 0) {
        begin_line(L);
        if (L->tok == T_ERROR) return;
    }
    L->tline = L->line;
    L->tstart = L->pos;
    L->tlen = 0;
    if (L->pending > 0) {
        L->pending--;
        L->tok = T_INDENT;
        return;
    }
    if (L->pending < 0) {
        L->pending++;
        L->tok = T_DEDENT;
        return;
    }
    for (;;) {
        int c = peekc(L, 0);
        if (c == ' ' || c == '\t' || c == '\f' || c == '\r') {
            L->pos++;
        } else if (c == '#') {
            while (peekc(L, 0) >= 0 && peekc(L, 0) != '\n') L->pos++;
        } else if (c == '\\' && (peekc(L, 1) == '\n' || (peekc(L, 1) == '\r' && peekc(L, 2) == '\n'))) {
            L->pos += peekc(L, 1) == '\r' ? 3 : 2;
            L->line++;
        } else if (c == '\n' && L->depth > 0) {
            L->pos++;
            L->line++;
        } else {
            break;
        }
    }
    L->tline = L->line;
    L->tstart = L->pos;
    int c = peekc(L, 0);
    if (c < 0) {
        /* end of input: close the last line, then the open blocks */
        if (L->tok != T_NEWLINE && L->tok != T_DEDENT && L->tok != T_INDENT && L->tok != T_EOF &&
            !(L->tok == 0 && L->pos == 0)) {
            L->tok = T_NEWLINE;
            return;
        }
        if (L->nindent > 1) {
            L->nindent--;
            L->tok = T_DEDENT;
            return;
        }
        L->tok = T_EOF;
        return;
    }
    if (c == '\n') {
        L->pos++;
        L->line++;
        L->at_bol = 1;
        L->tok = T_NEWLINE;
        L->tlen = 1;
        return;
    }
    if (is_ident_start(c)) {
        /* string prefixes: b, r, br, rb (any case) */
        size_t k = 0;
        while (k < 2 && strchr("bBrRuU", peekc(L, k) < 0 ? 0 : peekc(L, k)) && peekc(L, k) > 0) k++;
        for (size_t p = 1; p <= k; p++) {
            int q = peekc(L, p);
            if (q == '"' || q == '\'') {
                int isbytes = 0;
                for (size_t i = 0; i < p; i++) isbytes |= (peekc(L, i) | 32) == 'b';
                L->pos += p;
                if (!skip_string(L)) {
                    error(L, "unterminated string");
                    return;
                }
                L->tok = isbytes ? T_BYTES : T_STR;
                L->tlen = L->pos - L->tstart;
                return;
            }
            if (!strchr("bBrRuU", q)) break;
        }
        while (is_ident(peekc(L, 0))) L->pos++;
        L->tlen = L->pos - L->tstart;
        L->tok = T_NAME;
        for (unsigned i = 0; i < sizeof keywords / sizeof keywords[0]; i++) {
            if (strlen(keywords[i]) == L->tlen && memcmp(keywords[i], L->src + L->tstart, L->tlen) == 0) {
                L->tok = T_FALSE + (int)i;
                break;
            }
        }
        return;
    }
    if (is_digit(c) || (c == '.' && is_digit(peekc(L, 1)))) {
        int isfloat = 0;
        if (c == '0' && strchr("xXoObB", peekc(L, 1) > 0 ? peekc(L, 1) : '!')) {
            L->pos += 2;
            while (is_ident(peekc(L, 0))) L->pos++;
        } else {
            while (is_digit(peekc(L, 0)) || peekc(L, 0) == '_') L->pos++;
            if (peekc(L, 0) == '.') {
                isfloat = 1;
                L->pos++;
                while (is_digit(peekc(L, 0))) L->pos++;
            }
            if (peekc(L, 0) == 'e' || peekc(L, 0) == 'E') {
                int s = peekc(L, 1) == '+' || peekc(L, 1) == '-';
                if (is_digit(peekc(L, 1 + s))) {
                    isfloat = 1;
                    L->pos += 1 + s;
                    while (is_digit(peekc(L, 0))) L->pos++;
                }
            }
            if (is_ident_start(peekc(L, 0))) {
                error(L, "invalid syntax for number");
                return;
            }
        }
        L->tok = isfloat ? T_FLOAT : T_INT;
        L->tlen = L->pos - L->tstart;
        return;
    }
    if (c == '"' || c == '\'') {
        if (!skip_string(L)) {
            error(L, "unterminated string");
            return;
        }
        L->tok = T_STR;
        L->tlen = L->pos - L->tstart;
        return;
    }
    for (unsigned i = 0; i < sizeof ops / sizeof ops[0]; i++) {
        size_t n = strlen(ops[i].s);
        if (L->pos + n <= L->len && memcmp(L->src + L->pos, ops[i].s, n) == 0) {
            L->pos += n;
            L->tlen = n;
            L->tok = ops[i].tok;
            if (L->tok == T_LPAREN || L->tok == T_LBRACKET || L->tok == T_LBRACE) L->depth++;
            if ((L->tok == T_RPAREN || L->tok == T_RBRACKET || L->tok == T_RBRACE) && L->depth > 0) L->depth--;
            return;
        }
    }
    error(L, "invalid syntax");
}
