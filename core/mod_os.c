/* mod_os.c — files for Python over the flash filesystem (fs.c): open() and
 * its TextIO/BytesIO objects, and the os module (listdir, ilistdir, remove,
 * rename, size, stat, statvfs, uname), with MicroPython v1's names and
 * messages, plus what mpremote, pyboard.py and Thonny send (ilistdir,
 * stat, getcwd, chdir, 'a' mode, paths given as "/name" or "./name").
 *
 * A missing file is OSError(ENOENT), as on today's MicroPython, not v1's
 * OSError('file not found'): mpremote tells a missing file from a failure
 * by that errno (its `cp` first reads back the file it would overwrite).
 *
 * A file open for writing keeps the data chunk it is filling in its own
 * object (FS_DATA bytes of heap, as v1 does); nothing else stays in RAM. */
#include <string.h>

#include "fs.h"
#include "obj.h"
#include "pith.h"

#ifndef PITH_PLATFORM
#define PITH_PLATFORM "pith"
#endif
#ifndef PITH_BOARD_NAME
#define PITH_BOARD_NAME "host"
#endif

enum { FILE_WRITE = 1, FILE_OPEN = 2 };
enum { MODE_DIR = 0x4000, MODE_FILE = 0x8000 };  /* st_mode, as MicroPython's VFS */
enum { E_NOTDIR = 20 };

typedef struct {
    const ptype *type;     /* t_file_text or t_file_bytes */
    uint32_t pos;          /* reading: the next byte; writing: bytes already in flash */
    uint32_t size;         /* reading: the file's size */
    uint16_t id, hint;     /* the file, and where its last chunk was found */
    uint8_t mode;          /* FILE_WRITE | FILE_OPEN */
    uint8_t fill;          /* writing: bytes waiting in buf */
    uint8_t buf[];         /* writing: the data chunk being filled */
} pfile;

extern const ptype t_file_text, t_file_bytes;

static _Noreturn void os_error(int err) {
    pv args = tuple_new(1);
    gc_root_push(&args);
    ((ptuple *)args)->items[0] = PV_FROM_INT(err);
    rt_raise(exc_new(&t_OSError, args));
}

/* A name or mode: str, or bytes as v1 takes them too. */
static const pstr *str_arg(pv v) {
    if (!pv_is(v, &t_str) && !pv_is(v, &t_bytes)) rt_raise_fmt(&t_TypeError, "can't convert '%s' object to str implicitly", rt_type_name(v));
    return (const pstr *)v;
}

/* A path: MicroPython's tools name files "/x" or "./x", and the root "",
 * "/" or "."; *len is 0 for the root. */
static const char *path_arg(pv v, size_t *len) {
    const pstr *p = str_arg(v);
    const char *s = p->data;
    size_t n = p->len;
    if (n >= 2 && s[0] == '.' && s[1] == '/') s += 2, n -= 2;
    else if (n && s[0] == '/') s++, n--;
    if (n == 1 && s[0] == '.') n = 0;
    *len = n;
    return s;
}

static bool is_root(int n, const pv *args) {
    size_t len = 0;
    if (n) path_arg(args[0], &len);
    return len == 0;
}

static bool name_ok(const char *s, size_t n) { return n && n <= FS_NAME_MAX && !memchr(s, '/', n); }

/* A file's name (v1 answers a bad one as a missing file). */
static const char *name_arg(pv v, size_t *len) {
    const char *s = path_arg(v, len);
    if (!name_ok(s, *len)) os_error(FS_ENOENT);
    return s;
}

static pv name_str(int head) {
    size_t len;
    const char *s = fs_name(head, &len);
    return str_new(&t_str, s, len);
}

/* ---- file objects ---- */

static pfile *open_file(pv self) {
    pfile *f = (pfile *)self;
    if (!(f->mode & FILE_OPEN)) rt_raise_msg(&t_ValueError, "I/O operation on closed file");
    return f;
}

/* A file open for reading whose data still exist (a removal or a newer
 * version takes them away). */
static pfile *reader(pv self) {
    pfile *f = open_file(self);
    if ((f->mode & FILE_WRITE) || !fs_exists(f->id)) os_error(FS_EBADF);
    return f;
}

static pfile *writer(pv self) {
    pfile *f = open_file(self);
    if (!(f->mode & FILE_WRITE)) os_error(FS_EBADF);
    return f;
}

/* Write the chunk being filled; on a full filesystem the new file is
 * dropped (the old one, if any, stays) and the object closed. */
static void flush(pfile *f) {
    int err = fs_append(f->id, f->pos / FS_DATA + 1, f->buf, f->fill);
    if (err) {
        fs_discard(f->id);
        f->mode = 0;
        os_error(err);
    }
    f->pos += f->fill;
    f->fill = 0;
}

static void file_put(pfile *f, const uint8_t *p, size_t n) {
    while (n) {
        size_t k = FS_DATA - f->fill < n ? FS_DATA - f->fill : n;
        memcpy(f->buf + f->fill, p, k);
        f->fill = (uint8_t)(f->fill + k);
        p += k;
        n -= k;
        if (f->fill == FS_DATA) flush(f);
    }
}

/* How many bytes from f->pos make up to `limit` items (characters when
 * `chars`, else bytes; -1: no limit), ending after a '\n' when `line`. */
static size_t measure(pfile *f, intptr_t limit, bool chars, bool line) {
    uint32_t pos = f->pos;
    uint16_t hint = f->hint;
    intptr_t count = 0;
    while (pos < f->size) {
        size_t k;
        const uint8_t *p = fs_span(f->id, pos, &hint, &k);
        if (!p) break;
        if (k > f->size - pos) k = f->size - pos;
        for (size_t i = 0; i < k; i++) {
            if (!chars || (p[i] & 0xC0) != 0x80) {
                if (count == limit) return pos + i - f->pos;
                count++;
            }
            if (line && p[i] == '\n') return pos + i + 1 - f->pos;
        }
        pos += (uint32_t)k;
    }
    return pos - f->pos;
}

static void copy_out(pfile *f, uint8_t *d, size_t n) {
    while (n) {
        size_t k;
        const uint8_t *p = fs_span(f->id, f->pos, &f->hint, &k);
        if (!p) {
            memset(d, 0, n);
            return;
        }
        if (k > n) k = n;
        memcpy(d, p, k);
        f->pos += (uint32_t)k;
        d += k;
        n -= k;
    }
}

/* The next n bytes as str (text files) or bytes. */
static pv take(pfile *f, size_t n) {
    pv s = str_new(f->type == &t_file_text ? &t_str : &t_bytes, NULL, n);
    copy_out(f, (uint8_t *)((pstr *)s)->data, n);
    return s;
}

static intptr_t limit_arg(int n, const pv *args) {
    if (n < 2 || args[1] == PV_NONE) return -1;
    int64_t v = rt_to_int(args[1]);
    return v < 0 ? -1 : (intptr_t)v;
}

static pv file_read_fn(int n, const pv *args, int nkw, const pv *kw) {
    pfile *f = reader(args[0]);
    return take(f, measure(f, limit_arg(n, args), f->type == &t_file_text, false));
}

static pv file_readline_fn(int n, const pv *args, int nkw, const pv *kw) {
    pfile *f = reader(args[0]);
    return take(f, measure(f, limit_arg(n, args), f->type == &t_file_text, true));
}

static pv file_readlines_fn(int n, const pv *args, int nkw, const pv *kw) {
    pv lines = list_new(0);
    gc_root_push(&lines);
    for (;;) {
        pfile *f = reader(args[0]);
        size_t len = measure(f, -1, false, true);
        if (!len) break;
        list_append(lines, take(f, len));
    }
    gc_root_pop(1);
    return lines;
}

static pv file_readinto_fn(int n, const pv *args, int nkw, const pv *kw) {
    pfile *f = reader(args[0]);
    pbuf b;
    rt_need_buffer(args[1], &b, true);
    intptr_t limit = limit_arg(n - 1, args + 1);
    size_t len = measure(f, limit < 0 || (size_t)limit > b.len ? (intptr_t)b.len : limit, false, false);
    copy_out(f, b.data, len);
    return PV_FROM_INT(len);
}

static pv file_write_fn(int n, const pv *args, int nkw, const pv *kw) {
    pfile *f = writer(args[0]);
    pbuf b;
    if (pv_is(args[1], &t_str)) {
        b.data = (uint8_t *)((pstr *)args[1])->data;
        b.len = ((pstr *)args[1])->len;
    } else {
        rt_need_buffer(args[1], &b, false);
    }
    file_put(f, b.data, b.len);
    return rt_int((int64_t)b.len);
}

static pv file_close_fn(int n, const pv *args, int nkw, const pv *kw) {
    pfile *f = (pfile *)args[0];
    if (!(f->mode & FILE_OPEN)) return PV_NONE;
    f->mode &= (uint8_t)~FILE_OPEN;
    if (f->mode & FILE_WRITE) {
        if (f->fill) flush(f);
        int err = fs_commit(f->id, f->pos);
        if (err) os_error(err);
    }
    return PV_NONE;
}

/* Whole chunks are in flash as soon as they fill; the last, partial one
 * can only be written with the commit at close (chunks are whole but the
 * last, and the commit makes the new version appear at once), so there is
 * nothing more to push. MicroPython's files have flush; Thonny calls it. */
static pv file_flush_fn(int n, const pv *args, int nkw, const pv *kw) {
    open_file(args[0]);
    return PV_NONE;
}

static pv file_name_fn(int n, const pv *args, int nkw, const pv *kw) {
    int head = fs_head(((pfile *)args[0])->id);
    if (head < 0) os_error(FS_EBADF);
    return name_str(head);
}

static pv file_writable_fn(int n, const pv *args, int nkw, const pv *kw) {
    return PV_BOOL(((pfile *)args[0])->mode & FILE_WRITE);
}

static pv file_enter_fn(int n, const pv *args, int nkw, const pv *kw) { return args[0]; }

static BUILTIN(file_read, read, 1, 2, false);
static BUILTIN(file_readline, readline, 1, 2, false);
static BUILTIN(file_readlines, readlines, 1, 1, false);
static BUILTIN(file_readinto, readinto, 2, 3, false);
static BUILTIN(file_write, write, 2, 2, false);
static BUILTIN(file_close, close, 1, 1, false);
static BUILTIN(file_flush, flush, 1, 1, false);
static BUILTIN(file_name, name, 1, 1, false);
static BUILTIN(file_writable, writable, 1, 1, false);
static BUILTIN(file_enter, __enter__, 1, 1, false);
static const pbuiltin file_exit = {&t_builtin, file_close_fn, NAME___exit__, 1, 4};
TABLE(file_locals, MEMBER(read, &file_read), MEMBER(readline, &file_readline), MEMBER(readlines, &file_readlines),
      MEMBER(readinto, &file_readinto), MEMBER(write, &file_write), MEMBER(close, &file_close), MEMBER(flush, &file_flush),
      MEMBER(name, &file_name), MEMBER(writable, &file_writable), MEMBER(__enter__, &file_enter),
      MEMBER(__exit__, &file_exit));

static void file_print(pout *o, pv self, bool repr) {
    out_char(o, '<');
    out_str(o, ((pfile *)self)->type->name->data);
    out_char(o, '>');
}

static pv file_iter(pv self) { return self; }

/* Iteration gives lines, as readline does, until the end. */
static pv file_next(pv self) {
    pv line = file_readline_fn(1, &self, 0, NULL);
    return ((pstr *)line)->len ? line : PV_NULL;
}

const ptype t_file_text = {TYPE_HEAD(TextIO), .print = file_print, .iter = file_iter, .next = file_next, .locals = &file_locals};
const ptype t_file_bytes = {TYPE_HEAD(BytesIO), .print = file_print, .iter = file_iter, .next = file_next, .locals = &file_locals};

/* 'a' starts the new version with a copy of the old one's data. */
static void copy_old(pfile *f, const char *name, size_t len) {
    int old = fs_lookup(name, len);
    if (old < 0) return;
    uint16_t id = fs_id(old), hint = 0;
    uint32_t size = fs_size(old);
    while (f->pos + f->fill < size) {
        size_t k;
        const uint8_t *p = fs_span(id, f->pos + f->fill, &hint, &k);
        if (!p) break;
        if (k > size - (f->pos + f->fill)) k = size - (f->pos + f->fill);
        file_put(f, p, k);
    }
}

/* open(name, mode='r'): mode is one of r, w, a, optionally with b or t. */
static pv builtin_open_fn(int n, const pv *args, int nkw, const pv *kw) {
    char rw = 0, bt = 0;
    if (n > 1) {
        const pstr *m = str_arg(args[1]);
        for (uint32_t i = 0; i < m->len; i++) {
            char c = m->data[i];
            char *slot = c == 'r' || c == 'w' || c == 'a' ? &rw : c == 'b' || c == 't' ? &bt : NULL;
            if (!slot || *slot) rt_raise_msg(&t_ValueError, "illegal mode");
            *slot = c;
        }
    }
    size_t len;
    const char *name = name_arg(args[0], &len);
    bool write = rw == 'w' || rw == 'a';
    int head = write ? -1 : fs_lookup(name, len);
    if (!write && head < 0) os_error(FS_ENOENT);
    pfile *f = gc_alloc(sizeof(pfile) + (write ? FS_DATA : 0));
    f->type = bt == 'b' ? &t_file_bytes : &t_file_text;
    if (!write) {
        f->id = fs_id(head);
        f->size = fs_size(head);
        f->mode = FILE_OPEN;
        return (pv)f;
    }
    int err = fs_create(name, len, &f->id);
    if (err) os_error(err);
    f->mode = FILE_OPEN | FILE_WRITE;
    if (rw == 'a') copy_old(f, name, len);
    return (pv)f;
}
BUILTIN(builtin_open, open, 1, 2, false);

/* ---- the os module ---- */

static pv os_listdir_fn(int n, const pv *args, int nkw, const pv *kw) {
    if (!is_root(n, args)) os_error(FS_ENOENT);
    pv list = list_new(0);
    gc_root_push(&list);
    for (int h = fs_next_listed(-1); h >= 0; h = fs_next_listed(h)) list_append(list, name_str(h));
    gc_root_pop(1);
    return list;
}

/* (name, type, inode, size) for each file, as MicroPython's VFS gives them. */
static pv os_ilistdir_fn(int n, const pv *args, int nkw, const pv *kw) {
    if (!is_root(n, args)) os_error(FS_ENOENT);
    pv list = list_new(0);
    gc_root_push(&list);
    for (int h = fs_next_listed(-1); h >= 0; h = fs_next_listed(h)) {
        pv entry = tuple_new(4);
        list_append(list, entry);
        ptuple *t = (ptuple *)entry;
        t->items[1] = PV_FROM_INT(MODE_FILE);
        t->items[2] = PV_FROM_INT(0);
        t->items[3] = PV_FROM_INT(fs_size(h));
        t->items[0] = name_str(h);
    }
    pv it = rt_iter(list);
    gc_root_pop(1);
    return it;
}

static pv os_remove_fn(int n, const pv *args, int nkw, const pv *kw) {
    size_t len;
    const char *name = name_arg(args[0], &len);
    if (fs_remove(name, len)) os_error(FS_ENOENT);
    return PV_NONE;
}

static pv os_rename_fn(int n, const pv *args, int nkw, const pv *kw) {
    size_t flen, tlen;
    const char *from = name_arg(args[0], &flen), *to = name_arg(args[1], &tlen);
    int err = fs_rename(from, flen, to, tlen);
    if (err) os_error(err);
    return PV_NONE;
}

static pv os_size_fn(int n, const pv *args, int nkw, const pv *kw) {
    size_t len;
    const char *name = name_arg(args[0], &len);
    int head = fs_find_listed(name, len);
    if (head < 0) os_error(FS_ENOENT);
    return rt_int(fs_size(head));
}

static pv int_tuple(size_t n, const uint32_t *v) {
    pv t = tuple_new(n);
    for (size_t i = 0; i < n; i++) ((ptuple *)t)->items[i] = rt_int(v[i]);
    return t;
}

/* os.stat: (mode, ino, dev, nlink, uid, gid, size, atime, mtime, ctime). */
static pv os_stat_fn(int n, const pv *args, int nkw, const pv *kw) {
    uint32_t st[10] = {MODE_DIR};
    size_t len;
    const char *name = path_arg(args[0], &len);
    if (len) {
        int head = name_ok(name, len) ? fs_find_listed(name, len) : -1;
        if (head < 0) os_error(FS_ENOENT);
        st[0] = MODE_FILE;
        st[6] = fs_size(head);
    }
    return int_tuple(10, st);
}

/* The one directory, the root, is always the current one. */
static pv os_getcwd_fn(int n, const pv *args, int nkw, const pv *kw) { return str_new(&t_str, "/", 1); }

static pv os_chdir_fn(int n, const pv *args, int nkw, const pv *kw) {
    size_t len;
    const char *name = path_arg(args[0], &len);
    if (len) os_error(name_ok(name, len) && fs_find_listed(name, len) >= 0 ? E_NOTDIR : FS_ENOENT);
    return PV_NONE;
}

/* os.statvfs: (bsize, frsize, blocks, bfree, bavail, files, ffree, favail, flag, namemax). */
static pv os_statvfs_fn(int n, const pv *args, int nkw, const pv *kw) {
    if (!is_root(n, args)) os_error(FS_ENOENT);
    uint32_t free_blocks = (uint32_t)(fs_free() / FS_CHUNK);
    uint32_t st[10] = {FS_CHUNK, FS_CHUNK, (uint32_t)(fs_capacity() / FS_CHUNK), free_blocks, free_blocks,
                       0, 0, 0, 0, FS_NAME_MAX};
    return int_tuple(10, st);
}

/* os.uname(): a tuple whose items are also attributes, printed with
 * their names as MicroPython does. */
#define FLASH_STR(s) {&t_str, sizeof(s) - 1, s}
static const pstr uname_values[] = {
    FLASH_STR(PITH_PLATFORM), FLASH_STR(PITH_PLATFORM), FLASH_STR(PITH_VERSION),
    FLASH_STR("pith " PITH_VERSION), FLASH_STR(PITH_BOARD_NAME),
};
static const uint16_t uname_fields[] = {NAME_sysname, NAME_nodename, NAME_release, NAME_version, NAME_machine};
#define UNAME_N (sizeof uname_fields / sizeof uname_fields[0])

static void uname_print(pout *o, pv self, bool repr) {
    for (unsigned i = 0; i < UNAME_N; i++) {
        out_str(o, i ? ", " : "(");
        out_str(o, names_table[uname_fields[i]].data);
        out_char(o, '=');
        rt_print(o, (pv)&uname_values[i], true);
    }
    out_char(o, ')');
}

static pv uname_attr(pv self, const pstr *name) {
    for (unsigned i = 0; i < UNAME_N; i++)
        if (name == &names_table[uname_fields[i]]) return (pv)&uname_values[i];
    return PV_NULL;
}

static pv uname_subscr(pv self, pv index, pv value) {
    if (value != SUB_LOAD) return PV_NULL;
    return (pv)&uname_values[rt_index(index, UNAME_N, "tuple")];
}

static pv uname_unary(int op, pv self) { return op == OP_LEN ? PV_FROM_INT(UNAME_N) : PV_NULL; }

static const ptype t_uname = {TYPE_HEAD(uname_result), .print = uname_print, .unary = uname_unary,
                              .attr = uname_attr, .subscr = uname_subscr, .iter = seq_iter_new};
static const pobj uname_result = {&t_uname};

static pv os_uname_fn(int n, const pv *args, int nkw, const pv *kw) { return (pv)&uname_result; }

static BUILTIN(os_listdir, listdir, 0, 1, false);
static BUILTIN(os_ilistdir, ilistdir, 0, 1, false);
static BUILTIN(os_remove, remove, 1, 1, false);
static BUILTIN(os_rename, rename, 2, 2, false);
static BUILTIN(os_size, size, 1, 1, false);
static BUILTIN(os_stat, stat, 1, 1, false);
static BUILTIN(os_statvfs, statvfs, 1, 1, false);
static BUILTIN(os_getcwd, getcwd, 0, 0, false);
static BUILTIN(os_chdir, chdir, 1, 1, false);
static BUILTIN(os_uname, uname, 0, 0, false);
TABLE(os_table, MEMBER(__name__, &N(os)), MEMBER(listdir, &os_listdir), MEMBER(ilistdir, &os_ilistdir),
      MEMBER(remove, &os_remove), MEMBER(rename, &os_rename), MEMBER(size, &os_size), MEMBER(stat, &os_stat),
      MEMBER(statvfs, &os_statvfs), MEMBER(uname, &os_uname), MEMBER(getcwd, &os_getcwd),
      MEMBER(chdir, &os_chdir));
MODULE(mod_os, os, os_table);
