/* lexer.c — turns a stream of source bytes into tokens, one at a time.
 *
 * It reads each byte once and never goes back: "\r\n" and a lone "\r" are
 * folded into "\n" as bytes arrive, and a token's text collects in a
 * scratch buffer from which its value (interned name, number, decoded
 * string) is made. Two characters of lookahead are enough for Python. */
#include <string.h>

#include "lexer.h"

static const char *const keywords[] = {
    "False", "None", "True", "and", "as", "assert", "break", "class", "continue",
    "def", "del", "elif", "else", "except", "finally", "for", "from", "global",
    "if", "import", "in", "is", "lambda", "nonlocal", "not", "or", "pass", "raise",
    "return", "try", "while", "with", "yield",
};

/* One- and two-character operators; a third character is checked below. */
static const struct { char s[3]; uint8_t tok; } ops[] = {
    {"+=", T_IADD}, {"-=", T_ISUB}, {"*=", T_IMUL}, {"/=", T_IDIV}, {"%=", T_IMOD},
    {"&=", T_IAND}, {"|=", T_IOR}, {"^=", T_IXOR}, {"->", T_ARROW}, {":=", T_WALRUS},
    {"**", T_DSTAR}, {"//", T_DSLASH}, {"<<", T_LSHIFT}, {">>", T_RSHIFT},
    {"<=", T_LE}, {">=", T_GE}, {"==", T_EQ}, {"!=", T_NE},
    {"(", T_LPAREN}, {")", T_RPAREN}, {"[", T_LBRACKET}, {"]", T_RBRACKET},
    {"{", T_LBRACE}, {"}", T_RBRACE}, {",", T_COMMA}, {":", T_COLON}, {".", T_DOT},
    {";", T_SEMI}, {"@", T_AT}, {"=", T_ASSIGN}, {"+", T_PLUS}, {"-", T_MINUS},
    {"*", T_STAR}, {"/", T_SLASH}, {"%", T_PERCENT}, {"&", T_AMP}, {"|", T_PIPE},
    {"^", T_CARET}, {"~", T_TILDE}, {"<", T_LT}, {">", T_GT},
};

int lex_buf_read(void *ctx) {
    lex_buf *b = ctx;
    return b->p < b->end ? (unsigned char)*b->p++ : -1;
}

/* The next byte of the source with line endings folded to "\n". */
static int raw(lexer *L) {
    int c;
    if (L->pb != -2) {
        c = L->pb;
        L->pb = -2;
    } else {
        c = L->read(L->ctx);
    }
    if (c == '\r') {
        int d = L->read(L->ctx);
        if (d != '\n') L->pb = d;
        c = '\n';
    }
    return c;
}

static void advance(lexer *L) {
    if (L->ch == '\n') L->line++;
    L->ch = L->ch1;
    L->ch1 = L->ch < 0 ? -1 : raw(L);
}

static void start(lexer *L, lex_reader read, void *ctx, uint32_t line, int expr) {
    L->read = read;
    L->ctx = ctx;
    L->pb = -2;
    L->line = line;
    L->depth = expr;
    L->nindent = 1;
    L->indent[0] = 0;
    L->pending = 0;
    L->at_bol = !expr;
    L->had_tokens = 0;
    L->tok = T_NEWLINE;
    L->error = NULL;
    L->val = PV_NULL;
    gc_top = true;
    vstr_init(&L->buf, 32);
    gc_top = false;
    L->ch = raw(L);
    L->ch1 = L->ch < 0 ? -1 : raw(L);
    /* a UTF-8 byte order mark */
    if (L->ch == 0xEF && L->ch1 == 0xBB) {
        advance(L);
        advance(L);
        if (L->ch == 0xBF) advance(L);
    }
    lex_next(L);
}

void lex_init(lexer *L, lex_reader read, void *ctx) { start(L, read, ctx, 1, 0); }

void lex_init_expr(lexer *L, lex_reader read, void *ctx, uint32_t line) { start(L, read, ctx, line, 1); }

static int is_ident_start(int c) { return c == '_' || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c >= 0x80; }
static int is_digit(int c) { return c >= '0' && c <= '9'; }
static int is_ident(int c) { return is_ident_start(c) || is_digit(c); }

static void error(lexer *L, const char *msg) {
    L->tok = T_ERROR;
    L->error = msg;
}

/* The token buffer is compiler scratch: at the top of the arena. */
static void buf_add(lexer *L, const char *s, size_t n) {
    gc_top = true;
    vstr_add(&L->buf, s, n);
    gc_top = false;
}

static void take(lexer *L) {
    char c = (char)L->ch;
    buf_add(L, &c, 1);
    advance(L);
}

static void skip_comment(lexer *L) {
    while (L->ch >= 0 && L->ch != '\n') advance(L);
}

/* At the start of a logical line: measure indentation, skip blank lines. */
static void begin_line(lexer *L) {
    for (;;) {
        unsigned col = 0;
        while (L->ch == ' ' || L->ch == '\t' || L->ch == '\f') {
            col = L->ch == '\t' ? (col / 8 + 1) * 8 : col + 1;
            advance(L);
        }
        if (L->ch == '#') skip_comment(L);
        if (L->ch == '\n') {
            advance(L);
            continue;
        }
        if (L->ch == '\\' && L->ch1 == '\n') {
            /* a continuation line that starts the logical line */
            advance(L);
            advance(L);
            continue;
        }
        if (L->ch < 0) col = 0;
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

static int hexval(int ch) {
    if (ch >= '0' && ch <= '9') return ch - '0';
    if ((ch | 32) >= 'a' && (ch | 32) <= 'f') return (ch | 32) - 'a' + 10;
    return -1;
}

static void put_cp(vstr *v, uint32_t cp, int isbytes) {
    char b[4];
    if (isbytes) {
        b[0] = (char)cp;
        vstr_add(v, b, 1);
    } else {
        vstr_add(v, b, utf8_encode(cp, b));
    }
}

/* Escapes of a string body. Unknown escapes are kept, backslash included. */
void lex_decode(lexer *L, vstr *v, const char *p, size_t n, int raw_str, int isbytes) {
    const char *end = p + n;
    while (p < end) {
        char ch = *p++;
        if (ch != '\\' || raw_str || p == end) {
            vstr_add(v, &ch, 1);
            if (raw_str && ch == '\\' && p < end) vstr_add(v, p++, 1);
            continue;
        }
        char e = *p++;
        uint32_t cp;
        switch (e) {
        case '\n': continue;
        case 'n': cp = '\n'; break;
        case 't': cp = '\t'; break;
        case 'r': cp = '\r'; break;
        case 'a': cp = 7; break;
        case 'b': cp = 8; break;
        case 'f': cp = 12; break;
        case 'v': cp = 11; break;
        case '\\': case '\'': case '"': cp = (uint32_t)e; break;
        case '0': case '1': case '2': case '3': case '4': case '5': case '6': case '7':
            cp = (uint32_t)(e - '0');
            for (int i = 0; i < 2 && p < end && *p >= '0' && *p <= '7'; i++) cp = cp * 8 + (uint32_t)(*p++ - '0');
            break;
        case 'x':
            if (end - p < 2 || hexval(p[0]) < 0 || hexval(p[1]) < 0) {
                error(L, "invalid \\x escape");
                return;
            }
            cp = (uint32_t)(hexval(p[0]) * 16 + hexval(p[1]));
            p += 2;
            break;
        case 'u': case 'U':
            if (!isbytes) {
                int len = e == 'u' ? 4 : 8;
                cp = 0;
                for (int i = 0; i < len; i++) {
                    if (p >= end || hexval(*p) < 0) {
                        error(L, "invalid \\u escape");
                        return;
                    }
                    cp = cp * 16 + (uint32_t)hexval(*p++);
                }
                if (cp > 0x10FFFF) {
                    error(L, "invalid \\U escape");
                    return;
                }
                break;
            }
            vstr_add(v, "\\", 1); /* not an escape in bytes */
            vstr_add(v, &e, 1);
            continue;
        default:
            vstr_add(v, "\\", 1);
            vstr_add(v, &e, 1);
            continue;
        }
        put_cp(v, cp, isbytes);
    }
}

/* A string literal; the opening quote is L->ch. flags: 1 raw, 2 bytes, 4 f-string. */
static void string(lexer *L, int flags) {
    int q = L->ch;
    advance(L);
    int triple = 0;
    if (L->ch == q && L->ch1 == q) {
        triple = 1;
        advance(L);
        advance(L);
    }
    L->buf.len = 0;
    for (;;) {
        int c = L->ch;
        if (c < 0 || (c == '\n' && !triple)) {
            error(L, "invalid syntax");
            return;
        }
        if (c == '\\') {
            take(L);
            if (L->ch < 0) continue;
            take(L); /* the escaped character, kept for lex_decode */
            continue;
        }
        if (c == q) {
            if (!triple) {
                advance(L);
                break;
            }
            if (L->ch1 == q) {
                advance(L);
                advance(L);
                if (L->ch == q) {
                    advance(L);
                    break;
                }
                char qq[2] = {(char)q, (char)q};
                buf_add(L, qq, 2);
                continue;
            }
        }
        take(L);
    }
    if (flags & 4) {
        L->fstr_raw = flags & 1;
        L->val = str_new(&t_str, L->buf.buf, L->buf.len);
        L->tok = T_FSTR;
        return;
    }
    vstr out;
    vstr_init(&out, L->buf.len + 1);
    gc_root_push((pv *)&out.buf);
    lex_decode(L, &out, L->buf.buf, L->buf.len, flags & 1, flags & 2);
    gc_root_pop(1);
    if (L->tok == T_ERROR) return;
    L->val = vstr_to_str(&out, (flags & 2) ? &t_bytes : &t_str);
    L->tok = (flags & 2) ? T_BYTES : T_STR;
}

static void number(lexer *L) {
    L->buf.len = 0;
    int isfloat = 0;
    if (L->ch == '0' && L->ch1 >= 0 && strchr("xXoObB", L->ch1)) {
        take(L);
        take(L);
        while (is_ident(L->ch)) take(L);
    } else {
        while (is_digit(L->ch) || L->ch == '_') take(L);
        if (L->ch == '.') {
            isfloat = 1;
            take(L);
            while (is_digit(L->ch) || L->ch == '_') take(L);
        }
        if ((L->ch == 'e' || L->ch == 'E') &&
            (is_digit(L->ch1) || L->ch1 == '+' || L->ch1 == '-')) {
            isfloat = 1;
            take(L);
            if (L->ch == '+' || L->ch == '-') take(L);
            if (!is_digit(L->ch)) {
                error(L, "invalid syntax for number");
                return;
            }
            while (is_digit(L->ch)) take(L);
        }
        if (is_ident_start(L->ch)) {
            error(L, (L->ch | 32) == 'j' ? "complex values not supported" : "invalid syntax for number");
            return;
        }
    }
    /* underscores may only separate digits */
    size_t n = 0;
    char *s = L->buf.buf;
    for (size_t i = 0; i < L->buf.len; i++) {
        if (s[i] == '_') {
            if (i == 0 || i + 1 == L->buf.len || s[i + 1] == '_' || !is_ident(s[i - 1]) || !is_ident(s[i + 1])) {
                error(L, "invalid syntax for number");
                return;
            }
            continue;
        }
        s[n++] = s[i];
    }
    bool ok;
    L->val = isfloat ? float_from_str(s, n, &ok) : int_from_str(s, n, 0, &ok);
    if (!ok) {
        int b = n > 1 && s[0] == '0' ? s[1] | 32 : 0;
        error(L, isfloat     ? "invalid syntax for number"
                 : b == 'x' ? "invalid syntax for integer with base 16"
                 : b == 'o' ? "invalid syntax for integer with base 8"
                 : b == 'b' ? "invalid syntax for integer with base 2"
                            : "invalid syntax for integer with base 10");
        return;
    }
    L->tok = isfloat ? T_FLOAT : T_INT;
}

static void name_or_keyword(lexer *L) {
    L->buf.len = 0;
    while (is_ident(L->ch)) take(L);
    const char *s = L->buf.buf;
    size_t n = L->buf.len;
    /* string prefixes: r b u f and their pairs */
    if ((L->ch == '"' || L->ch == '\'') && n <= 2) {
        int flags = 0, ok = 1;
        for (size_t i = 0; i < n; i++) {
            int c = s[i] | 32;
            int bit = c == 'r' ? 1 : c == 'b' ? 2 : c == 'f' ? 4 : c == 'u' ? 8 : 0;
            if (!bit || (flags & bit)) ok = 0;
            flags |= bit;
        }
        if ((flags & 8) && n > 1) ok = 0;
        if ((flags & 6) == 6) ok = 0;
        if (ok) {
            string(L, flags & 7);
            return;
        }
    }
    for (unsigned i = 0; i < sizeof keywords / sizeof keywords[0]; i++) {
        if (strlen(keywords[i]) == n && memcmp(keywords[i], s, n) == 0) {
            L->tok = T_FALSE + (int)i;
            return;
        }
    }
    L->val = str_intern(s, n);
    L->tok = T_NAME;
}

void lex_next(lexer *L) {
    if (L->tok == T_ERROR) return;
    L->val = PV_NULL;
    if (L->at_bol && L->depth == 0) {
        begin_line(L);
        if (L->tok == T_ERROR) return;
    }
    L->tline = L->line;
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
        int c = L->ch;
        if (c == ' ' || c == '\t' || c == '\f') {
            advance(L);
        } else if (c == '#') {
            skip_comment(L);
        } else if (c == '\\' && L->ch1 == '\n') {
            advance(L);
            advance(L);
        } else if (c == '\\' && L->ch1 < 0) {
            advance(L); /* a continuation at the end of input ends the line */
        } else if (c == '\n' && L->depth > 0) {
            advance(L);
        } else {
            break;
        }
    }
    L->tline = L->line;
    int c = L->ch;
    if (c < 0) {
        /* end of input: close the last line, then the open blocks */
        if (L->had_tokens) {
            L->had_tokens = 0;
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
        advance(L);
        L->at_bol = 1;
        L->had_tokens = 0;
        L->tok = T_NEWLINE;
        return;
    }
    L->had_tokens = 1;
    if (is_ident_start(c)) {
        name_or_keyword(L);
        return;
    }
    if (is_digit(c) || (c == '.' && is_digit(L->ch1))) {
        number(L);
        return;
    }
    if (c == '"' || c == '\'') {
        string(L, 0);
        return;
    }
    if (c == '.' && L->ch1 == '.') {
        advance(L);
        advance(L);
        if (L->ch != '.') {
            error(L, "invalid syntax");
            return;
        }
        advance(L);
        L->tok = T_ELLIPSIS;
        return;
    }
    for (unsigned i = 0; i < sizeof ops / sizeof ops[0]; i++) {
        if (ops[i].s[0] != c || (ops[i].s[1] && ops[i].s[1] != L->ch1)) continue;
        advance(L);
        if (ops[i].s[1]) advance(L);
        int t = ops[i].tok;
        /* the three-character operators */
        if (L->ch == '=' && (t == T_DSTAR || t == T_DSLASH || t == T_LSHIFT || t == T_RSHIFT)) {
            advance(L);
            t = t == T_DSTAR ? T_IPOW : t == T_DSLASH ? T_IFLOORDIV : t == T_LSHIFT ? T_ILSHIFT : T_IRSHIFT;
        }
        if (t == T_LPAREN || t == T_LBRACKET || t == T_LBRACE) L->depth++;
        if ((t == T_RPAREN || t == T_RBRACKET || t == T_RBRACE) && L->depth > 0) L->depth--;
        L->tok = t;
        return;
    }
    error(L, c == '$' || c == '?' || c == '`' || c == '!' ? "invalid syntax" : "invalid character in identifier");
}
