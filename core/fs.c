/* fs.c — the flash filesystem: a flat namespace of files in the board's
 * flash region (on the micro:bit, every page between the firmware and the
 * top of flash), the same bytes on every board.
 *
 * The region is cut into chunks of FS_CHUNK bytes, eight to an erase page.
 * A chunk's first word is its header, programmed after the rest of the
 * chunk, so a chunk cut short by a reset never looks written:
 *
 *   0xFFFFFFFF  not written: free when the whole chunk reads 0xFF, else a
 *               write was cut short and it waits for its page's erase;
 *   HEAD | id << 8 | name length << 20
 *               a file's head: word 1 is its commit word (0xFFFFFFFF while
 *               the file is being written, then size | generation << 20),
 *               the name (without '/') follows from byte 8;
 *   DATA | id << 8 | index << 20
 *               bytes [(index - 1) * FS_DATA, index * FS_DATA) of file id,
 *               from byte 4;
 *   0           dead (removed, replaced, abandoned): reclaimed with its page;
 *   anything else is not ours (a foreign .hex) and is reclaimed the same way.
 *
 * A write never touches the old file until the new one is whole: the new
 * file gets a fresh id, its chunks, then its commit word (one word write);
 * only then is the old file zeroed. fs_mount finishes what a reset cut
 * short: an uncommitted head is dropped, of two committed files with one
 * name (or one id: a rename) the newer generation stays, and data chunks
 * without a committed head are dropped.
 *
 * Wear: new chunks are taken round-robin from a cursor that starts at a
 * random chunk after each mount, so every page takes its share of writes.
 * When free chunks run short, the page with the most dead chunks is
 * compacted: its live chunks are copied elsewhere and it is erased (and
 * now and then a page in turn, so pages of files that never change wear
 * too). One page's worth of free chunks is held back for that copy, so
 * compaction always has room.
 *
 * Flash is read in place (the region is memory on every board); a word is
 * written at most twice between erases (once with data, once to zero it). */
#include <string.h>

#include "fs.h"
#include "hal.h"

#define PER_PAGE (HAL_FLASH_PAGE / FS_CHUNK)
#define MAGIC_HEAD 0xA5u          /* neither is a bit subset of the other, */
#define MAGIC_DATA 0x5Au          /* and neither is 'M' of v1's "MP" script */
#define ID_MAX 0xFFEu             /* ids and indices take 12 bits */
#define ERASED 0xFFFFFFFFu
#define SIZE_MASK 0xFFFFFu
#define GEN_SHIFT 20
#define GEN_MASK 0xFFFu
#define RESERVE PER_PAGE
#define NO_PAGE 0xFFFFu
#define REFRESH_EVERY 16

static uint16_t compactions;

static const uint8_t *base;
static uint16_t nchunks, nfree, cursor, last_id;

static const uint32_t *words(unsigned c) { return (const uint32_t *)(base + (size_t)c * FS_CHUNK); }
static uint32_t header(unsigned c) { return words(c)[0]; }
static unsigned h_id(uint32_t h) { return (h >> 8) & 0xFFF; }
static unsigned h_arg(uint32_t h) { return h >> 20; }  /* a head's name length, a data chunk's index */

static bool valid(uint32_t h, unsigned magic, unsigned arg_max) {
    return (h & 0xFF) == magic && h_id(h) - 1 < ID_MAX && h_arg(h) - 1 < arg_max;
}
static bool is_head(uint32_t h) { return valid(h, MAGIC_HEAD, FS_NAME_MAX); }
static bool is_data(uint32_t h) { return valid(h, MAGIC_DATA, ID_MAX); }
static bool is_live(uint32_t h) { return is_head(h) || is_data(h); }
static bool committed(unsigned c) { return is_head(header(c)) && words(c)[1] != ERASED; }
static unsigned gen(unsigned head) { return (words(head)[1] >> GEN_SHIFT) & GEN_MASK; }
/* Generations count up modulo 4096; of two versions one is a step ahead. */
static bool newer(unsigned a, unsigned b) { return ((a - b) & GEN_MASK) - 1 < GEN_MASK / 2; }

static bool is_free(unsigned c) {
    const uint32_t *w = words(c);
    for (unsigned i = 0; i < FS_CHUNK / 4; i++)
        if (w[i] != ERASED) return false;
    return true;
}

/* Program n bytes at byte `off` (a multiple of 4) of chunk c; a last
 * partial word is padded with 0xFF. */
static void put(unsigned c, size_t off, const void *src, size_t n) {
    const uint8_t *at = base + (size_t)c * FS_CHUNK + off;
    size_t whole = n & ~(size_t)3;
    hal_flash_write(at, src, whole);
    if (whole < n) {
        uint32_t tail = ERASED;
        memcpy(&tail, (const uint8_t *)src + whole, n - whole);
        hal_flash_write(at + whole, &tail, 4);
    }
}

static void put_word(unsigned c, size_t off, uint32_t w) { put(c, off, &w, 4); }
static void kill(unsigned c) { put_word(c, 0, 0); }

/* ---- allocation and compaction ---- */

/* A free chunk, searched round-robin from the cursor, not in page `avoid`. */
static int take_free(unsigned avoid) {
    for (unsigned i = 0; i < nchunks; i++) {
        unsigned c = (cursor + i) % nchunks;
        if (c / PER_PAGE != avoid && is_free(c)) {
            cursor = (uint16_t)((c + 1) % nchunks);
            nfree--;
            return (int)c;
        }
    }
    return -1;
}

/* A page's live chunks and free chunks. */
static void census(unsigned p, unsigned *live, unsigned *nf) {
    *live = *nf = 0;
    for (unsigned c = p * PER_PAGE; c < (p + 1) * PER_PAGE; c++) {
        if (is_live(header(c))) ++*live;
        else if (is_free(c)) ++*nf;
    }
}

/* Copy page p's live chunks elsewhere and erase it, when the other pages
 * have room for them. */
static bool empty_page(unsigned p) {
    unsigned live, nf;
    census(p, &live, &nf);
    if (nf == PER_PAGE) return true; /* already erased */
    if (nfree - nf < live) return false;
    for (unsigned c = p * PER_PAGE; c < (p + 1) * PER_PAGE; c++) {
        uint32_t h = header(c);
        if (!is_live(h)) continue;
        int to = take_free(p);
        put((unsigned)to, 4, words(c) + 1, FS_CHUNK - 4);
        put_word((unsigned)to, 0, h);
    }
    hal_flash_erase(base + (size_t)p * HAL_FLASH_PAGE);
    nfree = (uint16_t)(nfree + PER_PAGE - nf);
    return true;
}

/* Empty the page with the most reclaimable chunks. False when no page
 * would give anything back. Every REFRESH_EVERY times, a page taken in
 * turn is emptied too, whatever it holds: a file that never changes would
 * otherwise keep its pages from ever being erased, and the others would
 * wear out first. */
static bool compact(void) {
    unsigned pages = nchunks / PER_PAGE, best = NO_PAGE, best_gain = 0;
    for (unsigned i = 0; i < pages; i++) {
        unsigned p = (cursor / PER_PAGE + i) % pages, live, nf;
        census(p, &live, &nf);
        unsigned gain = PER_PAGE - live - nf;
        if (gain > best_gain && nfree - nf >= live) {
            best = p;
            best_gain = gain;
        }
    }
    if (!best_gain) return false;
    empty_page(best);
    if (++compactions % REFRESH_EVERY == 0) empty_page(compactions / REFRESH_EVERY % pages);
    return true;
}

static int alloc(void) {
    while (nfree <= RESERVE)
        if (!compact()) return -1;
    return take_free(NO_PAGE);
}

/* ---- lookups ---- */

static bool id_used(unsigned id) {
    for (unsigned c = 0; c < nchunks; c++) {
        uint32_t h = header(c);
        if (is_live(h) && h_id(h) == id) return true;
    }
    return false;
}

static unsigned new_id(void) {
    for (unsigned tries = 0; tries < ID_MAX; tries++) {
        last_id = (uint16_t)(last_id % ID_MAX + 1);
        if (!id_used(last_id)) return last_id;
    }
    return 0;
}

/* The head of file id: committed or being written (want_committed -1),
 * only committed (1), only uncommitted (0). */
static int head_of(unsigned id, int want_committed) {
    for (unsigned c = 0; c < nchunks; c++) {
        uint32_t h = header(c);
        if (is_head(h) && h_id(h) == id && (want_committed < 0 || committed(c) == want_committed)) return (int)c;
    }
    return -1;
}

int fs_next(int head) {
    for (unsigned c = (unsigned)(head + 1); c < nchunks; c++)
        if (committed(c)) return (int)c;
    return -1;
}

const char *fs_name(int head, size_t *len) {
    *len = h_arg(header((unsigned)head));
    return (const char *)(words((unsigned)head) + 2);
}

uint32_t fs_size(int head) { return committed((unsigned)head) ? words((unsigned)head)[1] & SIZE_MASK : 0; }
uint16_t fs_id(int head) { return (uint16_t)h_id(header((unsigned)head)); }
bool fs_exists(uint16_t id) { return head_of(id, 1) >= 0; }
int fs_head(uint16_t id) { return head_of(id, -1); }

static bool named(unsigned c, const char *name, size_t len) {
    size_t n;
    const char *s = fs_name((int)c, &n);
    return n == len && memcmp(s, name, len) == 0;
}

int fs_lookup(const char *name, size_t len) {
    for (int c = fs_next(-1); c >= 0; c = fs_next(c))
        if (named((unsigned)c, name, len)) return c;
    return -1;
}

/* A file being written shows up, as in v1, unless an older version (or
 * another writer's head before it) already stands for its name. */
static bool listed(unsigned c) {
    if (!is_head(header(c)) || committed(c)) return committed(c);
    size_t len;
    const char *name = fs_name((int)c, &len);
    if (fs_lookup(name, len) >= 0) return false;
    for (unsigned d = 0; d < c; d++)
        if (is_head(header(d)) && named(d, name, len)) return false;
    return true;
}

int fs_next_listed(int head) {
    for (unsigned c = (unsigned)(head + 1); c < nchunks; c++)
        if (listed(c)) return (int)c;
    return -1;
}

int fs_find_listed(const char *name, size_t len) {
    for (int c = fs_next_listed(-1); c >= 0; c = fs_next_listed(c))
        if (named((unsigned)c, name, len)) return c;
    return -1;
}

/* ---- writing ---- */

int fs_create(const char *name, size_t len, uint16_t *id) {
    unsigned nid = new_id();
    int c = nid ? alloc() : -1;
    if (c < 0) return FS_ENOSPC;
    put((unsigned)c, 8, name, len);
    put_word((unsigned)c, 0, MAGIC_HEAD | nid << 8 | (uint32_t)len << 20);
    *id = (uint16_t)nid;
    return FS_OK;
}

int fs_append(uint16_t id, unsigned index, const void *data, size_t n) {
    int c = index <= ID_MAX ? alloc() : -1;
    if (c < 0) return FS_ENOSPC;
    put((unsigned)c, 4, data, n);
    put_word((unsigned)c, 0, MAGIC_DATA | (uint32_t)id << 8 | (uint32_t)index << 20);
    return FS_OK;
}

void fs_discard(uint16_t id) {
    /* the heads first: once they are gone the file is gone, and a reset
     * before the data chunks are zeroed leaves them to fs_mount */
    for (int pass = 0; pass < 2; pass++) {
        for (unsigned c = 0; c < nchunks; c++) {
            uint32_t h = header(c);
            if ((pass ? is_data(h) : is_head(h)) && h_id(h) == id) kill(c);
        }
    }
}

int fs_commit(uint16_t id, uint32_t size) {
    int head = head_of(id, 0);
    if (head < 0) return FS_EBADF;
    size_t len;
    const char *name = fs_name(head, &len);
    int old = fs_lookup(name, len);
    unsigned g = old >= 0 ? (gen((unsigned)old) + 1) & GEN_MASK : 0;
    put_word((unsigned)head, 4, size | (uint32_t)g << GEN_SHIFT);
    if (old >= 0) fs_discard(fs_id(old));
    return FS_OK;
}

int fs_remove(const char *name, size_t len) {
    int head = fs_lookup(name, len);
    if (head < 0) return FS_ENOENT;
    fs_discard(fs_id(head));
    return FS_OK;
}

/* Over an existing file: a copy under the new name, committed as the
 * target's next version (so a reset leaves the old target or the new one),
 * then the source is removed. */
static int copy_over(const char *from, size_t flen, const char *to, size_t tlen) {
    uint16_t id;
    int err = fs_create(to, tlen, &id);
    int src = fs_lookup(from, flen);
    uint16_t sid = fs_id(src), hint = 0;
    uint32_t size = fs_size(src);
    uint8_t buf[FS_DATA]; /* a chunk may move while the next one is allocated */
    for (uint32_t pos = 0; !err && pos < size; pos += FS_DATA) {
        size_t k;
        const uint8_t *p = fs_span(sid, pos, &hint, &k);
        if (!p) break;
        if (k > size - pos) k = size - pos;
        memcpy(buf, p, k);
        err = fs_append(id, pos / FS_DATA + 1, buf, k);
    }
    if (err) {
        fs_discard(id);
        return err;
    }
    fs_commit(id, size);
    return fs_remove(from, flen);
}

/* Without a target: a new head for the same data under the new name, a
 * generation ahead of the old head, which is then zeroed; of the two a
 * reset may leave, fs_mount keeps the newer. */
int fs_rename(const char *from, size_t flen, const char *to, size_t tlen) {
    if (fs_lookup(from, flen) < 0) return FS_ENOENT;
    if (flen == tlen && memcmp(from, to, flen) == 0) return FS_OK;
    if (fs_lookup(to, tlen) >= 0) return copy_over(from, flen, to, tlen);
    int c = alloc();
    if (c < 0) return FS_ENOSPC;
    int head = fs_lookup(from, flen); /* the allocation may have moved it */
    put_word((unsigned)c, 4, fs_size(head) | (uint32_t)((gen((unsigned)head) + 1) & GEN_MASK) << GEN_SHIFT);
    put((unsigned)c, 8, to, tlen);
    put_word((unsigned)c, 0, MAGIC_HEAD | (uint32_t)fs_id(head) << 8 | (uint32_t)tlen << 20);
    kill((unsigned)head);
    return FS_OK;
}

int fs_put(const char *name, size_t len, const void *data, size_t n) {
    uint16_t id;
    int err = fs_create(name, len, &id);
    for (size_t at = 0; !err && at < n; at += FS_DATA)
        err = fs_append(id, (unsigned)(at / FS_DATA + 1), (const uint8_t *)data + at, n - at < FS_DATA ? n - at : FS_DATA);
    if (!err) return fs_commit(id, (uint32_t)n);
    if (err == FS_ENOSPC) fs_discard(id);
    return err;
}

/* ---- reading ---- */

const uint8_t *fs_span(uint16_t id, uint32_t pos, uint16_t *hint, size_t *n) {
    uint32_t want = MAGIC_DATA | (uint32_t)id << 8 | (pos / FS_DATA + 1) << 20;
    unsigned c = *hint;
    if (!(c < nchunks && header(c) == want)) {
        c = c + 1 < nchunks && header(c + 1) == want ? c + 1 : 0;
        while (c < nchunks && header(c) != want) c++;
    }
    if (c >= nchunks) {
        *n = 0;
        return NULL;
    }
    *hint = (uint16_t)c;
    *n = FS_DATA - pos % FS_DATA;
    return (const uint8_t *)(words(c) + 1) + pos % FS_DATA;
}

/* ---- mounting ---- */

/* Undo or finish what a reset interrupted (see the top of the file). */
static void repair(void) {
    size_t capacity = (size_t)nchunks * FS_DATA;
    for (unsigned c = 0; c < nchunks; c++) {
        uint32_t h = header(c);
        if (is_head(h) && (!committed(c) || fs_size((int)c) > capacity || memchr(words(c) + 2, '/', h_arg(h))))
            kill(c);
    }
    for (int a = fs_next(-1); a >= 0; a = fs_next(a)) {
        for (int b = fs_next(a); b >= 0; b = fs_next(b)) {
            size_t len;
            const char *name = fs_name(a, &len);
            bool same_id = fs_id(a) == fs_id(b);
            if (!same_id && !named((unsigned)b, name, len)) continue;
            int older = newer(gen((unsigned)a), gen((unsigned)b)) ? b : a;
            /* the same id: a rename; the data stay with the newer head */
            if (same_id) kill((unsigned)older);
            else fs_discard(fs_id(older));
            if (older == a) break;
        }
    }
    unsigned known = 0, orphan = 0;
    for (unsigned c = 0; c < nchunks; c++) {
        uint32_t h = header(c);
        if (!is_data(h) || h_id(h) == known) continue;
        if (h_id(h) != orphan && fs_exists((uint16_t)h_id(h))) {
            known = h_id(h);
            continue;
        }
        orphan = h_id(h);
        kill(c);
    }
}

void fs_mount(void) {
    size_t pages = 0;
    base = hal_flash_region(&pages);
    nchunks = base ? (uint16_t)(pages * PER_PAGE) : 0;
    repair();
    nfree = last_id = 0;
    for (unsigned c = 0; c < nchunks; c++) {
        uint32_t h = header(c);
        if (is_free(c)) nfree++;
        else if (is_live(h) && h_id(h) > last_id) last_id = (uint16_t)h_id(h);
    }
    cursor = nchunks ? (uint16_t)(hal_entropy() % nchunks) : 0;
}

void fs_format(void) {
    for (unsigned p = 0; p < nchunks / PER_PAGE; p++) hal_flash_erase(base + (size_t)p * HAL_FLASH_PAGE);
    fs_mount();
}

size_t fs_capacity(void) { return nchunks > RESERVE ? (size_t)(nchunks - RESERVE) * FS_CHUNK : 0; }

size_t fs_free(void) {
    unsigned live = 0;
    for (unsigned c = 0; c < nchunks; c++) live += is_live(header(c));
    return nchunks > RESERVE + live ? (size_t)(nchunks - RESERVE - live) * FS_CHUNK : 0;
}
