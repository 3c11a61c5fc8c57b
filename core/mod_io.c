/* mod_io.c — the io module (uio): StringIO and BytesIO, in-memory files.
 *
 * Both keep bytes and a position, as in MicroPython: positions and sizes
 * count bytes, except that read(n) and readline(n) of a StringIO count
 * characters (as CPython), so a read never splits one. BytesIO.write()
 * takes any buffer (a str too, as MicroPython), StringIO.write() a str.
 * Writing past the end leaves a gap of zero bytes. print(..., file=f)
 * reaches them through write(). */
#include <string.h>

#include "str.h"

typedef struct {
    const ptype *type;
    char *buf;         /* heap block of cap bytes, reached through this object */
    uint32_t len, cap, pos;
    bool closed;
} pstringio;

extern const ptype t_stringio, t_bytesio;

static pstringio *open_io(pv self) {
    pstringio *s = (pstringio *)self;
    if (s->closed) rt_raise_msg(&t_ValueError, "I/O operation on closed file");
    return s;
}

static const ptype *result_type(const pstringio *s) { return s->type == &t_stringio ? &t_str : &t_bytes; }

/* Writes n bytes at the position; the data must not live in s->buf. */
static void io_put(pv self, const char *p, size_t n) {
    pstringio *s = open_io(self);
    size_t end = (size_t)s->pos + n;
    if (end > s->cap) {
        size_t cap = s->cap * 2 > end ? s->cap * 2 : end;
        s->buf = gc_realloc(s->buf, cap);
        s->cap = (uint32_t)cap;
    }
    if (s->pos > s->len) memset(s->buf + s->len, 0, s->pos - s->len);
    memcpy(s->buf + s->pos, p, n);
    s->pos = (uint32_t)end;
    if (end > s->len) s->len = (uint32_t)end;
}

/* A StringIO takes str only, so its text stays UTF-8; a BytesIO any buffer. */
static void io_data(pv self, pv data, pbuf *b) {
    if (pv_type(self) == &t_stringio && !pv_is(data, &t_str)) str_bad_conversion(data, &t_str);
    rt_need_buffer(data, b, false);
}

static pv io_make(const ptype *t, int n, const pv *args, int nkw, const pv *kw) {
    rt_check_args(n, 0, 1);
    pv self = (pv)gc_alloc(sizeof(pstringio));
    gc_root_push(&self);
    pstringio *s = (pstringio *)self;
    memset(s, 0, sizeof *s);
    s->type = t;
    if (n && (PV_IS_INT(args[0]) || pv_is(args[0], &t_int))) {
        int64_t cap = rt_to_int(args[0]); /* MicroPython: an initial capacity */
        if (cap > 0) {
            s->buf = gc_alloc((size_t)cap);
            s->cap = (uint32_t)cap;
        }
    } else if (n) {
        pbuf b;
        io_data(self, args[0], &b);
        io_put(self, (const char *)b.data, b.len);
        s->pos = 0;
    }
    gc_root_pop(1);
    return self;
}

static pv io_write_fn(int n, const pv *args, int nkw, const pv *kw) {
    pbuf b;
    io_data(args[0], args[1], &b);
    io_put(args[0], (const char *)b.data, b.len);
    return PV_FROM_INT(b.len);
}

/* Up to n bytes from the position (to the end when n < 0), stopping after
 * a newline when `line`. */
static pv io_take(pv self, int n, const pv *args, bool line) {
    pstringio *s = open_io(self);
    int64_t want = n > 1 && args[1] != PV_NONE ? rt_to_int(args[1]) : -1;
    size_t avail = s->pos < s->len ? s->len - s->pos : 0;
    if (want >= 0 && (uint64_t)want < avail)
        avail = s->type == &t_stringio ? utf8_offset(s->buf + s->pos, avail, (size_t)want) : (size_t)want;
    if (line) {
        const char *nl = memchr(s->buf + s->pos, '\n', avail);
        if (nl) avail = (size_t)(nl - (s->buf + s->pos)) + 1;
    }
    pv r = str_new(result_type(s), avail ? s->buf + s->pos : "", avail);
    s->pos += (uint32_t)avail;
    return r;
}

static pv io_read_fn(int n, const pv *args, int nkw, const pv *kw) { return io_take(args[0], n, args, false); }
static pv io_readline_fn(int n, const pv *args, int nkw, const pv *kw) { return io_take(args[0], n, args, true); }

static pv io_readinto_fn(int n, const pv *args, int nkw, const pv *kw) {
    pstringio *s = open_io(args[0]);
    pbuf b;
    rt_need_buffer(args[1], &b, true);
    size_t avail = s->pos < s->len ? s->len - s->pos : 0, k = avail < b.len ? avail : b.len;
    memcpy(b.data, s->buf + s->pos, k);
    s->pos += (uint32_t)k;
    return PV_FROM_INT(k);
}

static pv io_getvalue_fn(int n, const pv *args, int nkw, const pv *kw) {
    pstringio *s = open_io(args[0]);
    return str_new(result_type(s), s->len ? s->buf : "", s->len);
}

/* seek(offset, whence=0): from the start, the position (1) or the end (2);
 * a position before the start is an error from the start, else 0. */
static pv io_seek_fn(int n, const pv *args, int nkw, const pv *kw) {
    pstringio *s = open_io(args[0]);
    int64_t off = rt_to_int(args[1]), whence = n > 2 ? rt_to_int(args[2]) : 0;
    if (whence < 0 || whence > 2) rt_raise_msg(&t_ValueError, "invalid whence");
    if (whence == 0 && off < 0) rt_raise_msg(&t_ValueError, "negative seek position");
    int64_t pos = off + (whence == 1 ? s->pos : whence == 2 ? s->len : 0);
    if (pos < 0) pos = 0;
    if (pos > 0x7FFFFFFF) rt_memory_error((size_t)pos);
    s->pos = (uint32_t)pos;
    return rt_int(pos);
}

static pv io_tell_fn(int n, const pv *args, int nkw, const pv *kw) { return PV_FROM_INT(open_io(args[0])->pos); }

static pv io_flush_fn(int n, const pv *args, int nkw, const pv *kw) {
    open_io(args[0]);
    return PV_NONE;
}

static pv io_close_fn(int n, const pv *args, int nkw, const pv *kw) {
    pstringio *s = (pstringio *)args[0];
    s->closed = true;
    if (s->buf) gc_free(s->buf);
    s->buf = NULL;
    s->len = s->cap = s->pos = 0;
    return PV_NONE;
}

static pv io_enter_fn(int n, const pv *args, int nkw, const pv *kw) {
    open_io(args[0]);
    return args[0];
}

/* Iteration gives lines until one is empty. */
static pv io_iter(pv self) { return self; }
static pv io_next(pv self) {
    pv line = io_take(self, 0, NULL, true);
    return ((pstr *)line)->len ? line : PV_NULL;
}

static BUILTIN(io_write, write, 2, 2, false);
static BUILTIN(io_read, read, 1, 2, false);
static BUILTIN(io_readline, readline, 1, 2, false);
static BUILTIN(io_readinto, readinto, 2, 2, false);
static BUILTIN(io_getvalue, getvalue, 1, 1, false);
static BUILTIN(io_seek, seek, 2, 3, false);
static BUILTIN(io_tell, tell, 1, 1, false);
static BUILTIN(io_flush, flush, 1, 1, false);
static BUILTIN(io_close, close, 1, 1, false);
static BUILTIN(io_enter, __enter__, 1, 1, false);
static const pbuiltin io_exit = {&t_builtin, io_close_fn, NAME___exit__, 1, 4};
TABLE(io_locals, MEMBER(write, &io_write), MEMBER(read, &io_read), MEMBER(readline, &io_readline),
      MEMBER(readinto, &io_readinto), MEMBER(getvalue, &io_getvalue), MEMBER(seek, &io_seek),
      MEMBER(tell, &io_tell), MEMBER(flush, &io_flush), MEMBER(close, &io_close),
      MEMBER(__enter__, &io_enter), MEMBER(__exit__, &io_exit));

/* MicroPython's form: <io.StringIO 0x20001234> */
static void io_print(pout *o, pv self, bool repr) {
    out_str(o, "<io.");
    out_str(o, pv_type(self)->name->data);
    out_str(o, " 0x");
    out_hex(o, (uint64_t)(uintptr_t)self, 0);
    out_char(o, '>');
}

const ptype t_stringio = {TYPE_HEAD(StringIO), .make = io_make, .print = io_print, .iter = io_iter, .next = io_next,
                          .locals = &io_locals};
const ptype t_bytesio = {TYPE_HEAD(BytesIO), .make = io_make, .print = io_print, .iter = io_iter, .next = io_next,
                         .locals = &io_locals};

TABLE(io_table, MEMBER(__name__, &N(io)), MEMBER(StringIO, &t_stringio), MEMBER(BytesIO, &t_bytesio));
MODULE(mod_io, io, io_table);
