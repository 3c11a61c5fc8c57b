/* gc.c — the one heap arena: a block allocator with a mark-sweep collector.
 *
 * The arena is cut into blocks of two words. A table at its start keeps two
 * bits per block (free, head of an object, tail of an object, marked head),
 * so any size from one block to nearly the whole arena can be handed out,
 * and a pointer into the arena is recognised as an object by looking it up.
 *
 * Marking is conservative inside objects: every word of a live object that
 * points at a head block keeps that block alive. That way no type needs a
 * mark function, and a memoryview keeps its base alive simply by holding a
 * pointer to it. Roots are precise: the VM's value stacks, core statics, the
 * last few allocations (gc_young, so C code may allocate twice in a row
 * without ceremony) and slots registered with gc_root_push. The C stack is
 * never scanned — WebAssembly cannot scan it — so the same rules hold on
 * every board.
 *
 * The checking builds (PITH_CHECKS, check.h) poison every freed block, so
 * a use after free reads garbage that fails at once, and assert the
 * table's invariants (gc_check) at every collection. */
#include <string.h>

#include "hal.h"
#include "obj.h"
#include "vm.h"

/* Freed memory gets a pattern no pointer, length or small int has; under
 * AddressSanitizer it is also made unreadable, so the first read of a
 * freed object is reported with its stack, whatever field it reads. */
#if defined(__has_feature)
#if __has_feature(address_sanitizer)
#define PITH_ASAN
#endif
#endif
#ifdef __SANITIZE_ADDRESS__
#define PITH_ASAN
#endif
#if defined(PITH_CHECKS) && defined(PITH_ASAN)
#include <sanitizer/asan_interface.h>
#define POISON 0xA5
#define poison(p, n) (memset((p), POISON, (n)), ASAN_POISON_MEMORY_REGION((p), (n)))
#define unpoison(p, n) ASAN_UNPOISON_MEMORY_REGION((p), (n))
#elif defined(PITH_CHECKS)
#define POISON 0xA5
#define poison(p, n) memset((p), POISON, (n))
#define unpoison(p, n) ((void)0)
#else
#define poison(p, n) ((void)0)
#define unpoison(p, n) ((void)0)
#endif

#define BLOCK (2 * sizeof(void *))
enum { B_FREE = 0, B_HEAD = 1, B_TAIL = 2, B_MARK = 3 };

static uint8_t *atb;          /* 2 bits per block */
static uint8_t *pool;         /* first block */
static size_t nblocks;
static size_t first_free;     /* no free block below this index */
static size_t next_fit;       /* where the last allocation ended: the next looks there first */

pv gc_young[8];
/* The stress build keeps only 4 (PITH_GC_YOUNG): code relying on the
 * last allocations being roots then has twice the margin it needs. The
 * strict build (PITH_GC_STRICT) keeps none: it checks the rooting rule of
 * core/README.md, under which no code relies on them. */
#ifdef PITH_GC_YOUNG
#define YOUNG PITH_GC_YOUNG
#else
#define YOUNG 8
#endif
uint8_t gc_young_n;
bool gc_top;

/* Switches of the gc and micropython modules (mod_gc.c): gc.disable()
 * clears gc_auto, so a full arena fails the allocation instead of
 * collecting; micropython.heap_lock() fails every allocation; gc.threshold
 * collects after that many bytes were allocated since the last collection. */
bool gc_auto;
uint8_t gc_locked;
uint32_t gc_threshold;
static uint32_t allocated;

#define MAX_ROOTS 32
static pv *roots[MAX_ROOTS];
static int nroots;

static inline int get_state(size_t b) { return (atb[b >> 2] >> ((b & 3) * 2)) & 3; }
static inline void set_state(size_t b, int s) {
    uint8_t *p = &atb[b >> 2];
    int sh = (b & 3) * 2;
    *p = (uint8_t)((*p & ~(3 << sh)) | (s << sh));
}

void gc_init(void *arena, size_t size) {
    uint8_t *a = (uint8_t *)(((uintptr_t)arena + BLOCK - 1) & ~(uintptr_t)(BLOCK - 1));
    size -= (size_t)(a - (uint8_t *)arena);
    /* size = table + blocks, with the table holding 4 blocks a byte */
    nblocks = (size * 4) / (4 * BLOCK + 1);
    size_t table = (nblocks + 3) / 4;
    table = (table + BLOCK - 1) & ~(BLOCK - 1);
    while (table + nblocks * BLOCK > size) nblocks--;
    atb = a;
    pool = a + table;
    memset(atb, 0, table);
    unpoison(pool, nblocks * BLOCK); /* a soft reboot: the old heap may be poisoned */
    poison(pool, nblocks * BLOCK);
    first_free = next_fit = 0;
    nroots = 0;
    gc_young_n = 0;
    gc_top = false;
    memset(gc_young, 0, sizeof gc_young);
    gc_auto = true;
    gc_locked = 0;
    gc_threshold = GC_NO_THRESHOLD;
    allocated = 0;
}

bool gc_owns(const void *p) {
    return (const uint8_t *)p >= pool && (const uint8_t *)p < pool + nblocks * BLOCK;
}

static size_t block_of(const void *p) { return (size_t)((const uint8_t *)p - pool) / BLOCK; }

static size_t obj_blocks(size_t b) {
    size_t e = b + 1;
    while (e < nblocks && get_state(e) == B_TAIL) e++;
    return e - b;
}

/* ---- marking ---- */
#define MARK_STACK 12
static size_t mark_stack[MARK_STACK];
static int mark_sp;
static bool mark_overflow;

/* ---- leaf blocks: raw bytes the collector never scans ----
 * Scanning raw data (bytecode, buffers, digits) conservatively would keep
 * alive whatever block its bytes happen to point at — and what they point
 * at depends on where the board's arena sits (the browser's is at a low
 * address, where small numbers land), so boards would run out of heap at
 * different places. A leaf block starts with LEAF, a word no pointer and
 * no small int has (its low bits are 10), and hands out the bytes after it;
 * a pointer to those bytes keeps the block alive. */
#define LEAF ((pv)0xB10CCAFEu)

/* The block of a leaf's data pointer, or -1. */
static intptr_t leaf_block(const void *p) {
    if (!gc_owns(p) || ((uintptr_t)p - (uintptr_t)pool) % BLOCK != sizeof(pv)) return -1;
    size_t b = block_of(p);
    int st = get_state(b);
    return (st == B_HEAD || st == B_MARK) && ((const pv *)p)[-1] == LEAF ? (intptr_t)b : -1;
}

void *gc_alloc_leaf(size_t bytes) {
    pv *p = gc_alloc_try(bytes + sizeof(pv));
    if (!p) rt_memory_error(bytes);
    p[0] = LEAF;
    return p + 1;
}

void gc_mark(pv v) {
    if (!PV_IS_OBJ(v) || !gc_owns((void *)v)) return;
    if (((uintptr_t)v - (uintptr_t)pool) % BLOCK) {
        intptr_t leaf = leaf_block((void *)v);
        if (leaf >= 0 && get_state((size_t)leaf) == B_HEAD) set_state((size_t)leaf, B_MARK);
        return;
    }
    size_t b = block_of((void *)v);
    if (get_state(b) != B_HEAD) return;
    set_state(b, B_MARK);
    if (mark_sp < MARK_STACK)
        mark_stack[mark_sp++] = b;
    else
        mark_overflow = true;
}

static void scan_block(size_t b) {
    pv *w = (pv *)(pool + b * BLOCK);
    if (w[0] == LEAF) return;
    size_t n = obj_blocks(b) * BLOCK / sizeof(pv);
    for (size_t i = 0; i < n; i++) gc_mark(w[i]);
}

static void drain(void) {
    while (mark_sp > 0) scan_block(mark_stack[--mark_sp]);
}

void gc_mark_range(const pv *p, size_t n) {
    for (size_t i = 0; i < n; i++) {
        gc_mark(p[i]);
        drain();
    }
}

/* Mark a block as live without scanning its words (the VM scans the used
 * part of its stack chunks itself, so stale slots keep nothing alive). */
void gc_mark_shallow(const void *p) {
    if (gc_owns(p)) {
        intptr_t leaf = leaf_block(p);
        size_t b = leaf >= 0 ? (size_t)leaf : block_of(p);
        if (get_state(b) == B_HEAD) set_state(b, B_MARK);
    }
}

/* Free every unmarked object. Whole table bytes of four tails or four free
 * blocks are handled at once: big objects make most of the table. */
static void sweep(void) {
    first_free = nblocks;
    bool in_free = false;
    for (size_t b = 0; b < nblocks;) {
        if ((b & 3) == 0 && b + 4 <= nblocks) {
            uint8_t *x = &atb[b >> 2];
            if (*x == 0xAA || *x == 0) {
                if (*x == 0 || in_free) {
                    if (*x) poison(pool + b * BLOCK, 4 * BLOCK);
                    *x = 0;
                    in_free = true;
                    if (b < first_free) first_free = b;
                }
                b += 4;
                continue;
            }
        }
        int st = get_state(b);
        if (st == B_MARK) {
            set_state(b, B_HEAD);
            in_free = false;
        } else if (st == B_HEAD || (st == B_TAIL && in_free)) {
            set_state(b, B_FREE);
            poison(pool + b * BLOCK, BLOCK);
            in_free = true;
        } else if (st == B_FREE) {
            in_free = true;
        }
        if (get_state(b) == B_FREE && b < first_free) first_free = b;
        b++;
    }
}

void gc_collect(void) {
#ifdef PITH_CHECKS
    gc_check();
#endif
    allocated = 0;
#ifndef PITH_GC_STRESS
    next_fit = 0;
#endif
    mark_sp = 0;
    mark_overflow = false;
    vm_mark_roots();
#ifndef PITH_GC_STRICT
    gc_mark_range(gc_young, gc_young_n < YOUNG ? gc_young_n : YOUNG);
#endif
    for (int i = 0; i < nroots; i++) {
        gc_mark(*roots[i]);
        drain();
    }
    while (mark_overflow) {
        mark_overflow = false;
        for (size_t b = 0; b < nblocks; b++)
            if (get_state(b) == B_MARK) {
                scan_block(b);
                drain();
            }
    }
    vm_mark_chunks();
    sweep();
#ifndef PITH_GC_STRESS /* whose collections are not the program's: polls as on the boards */
    vm_poll_count = 1; /* a loop that keeps the collector busy checks for Ctrl-C at its next turn */
#endif
}

/* ---- allocation ---- */
static void *claim(size_t start, size_t n) {
    set_state(start, B_HEAD);
    size_t b = start + 1, end = start + n;
    for (; b < end && (b & 3); b++) set_state(b, B_TAIL);
    for (; b + 4 <= end; b += 4) atb[b >> 2] = 0xAA; /* four tails */
    for (; b < end; b++) set_state(b, B_TAIL);
    void *p = pool + start * BLOCK;
    unpoison(p, n * BLOCK);
    memset(p, 0, n * BLOCK);
    gc_young[gc_young_n++ % YOUNG] = (pv)p;
    return p;
}

/* Last fit, from the top: for the compiler's scratch buffers, so the
 * objects that outlive compilation stay packed at the bottom and the
 * arena's largest free run is not cut by holes they leave. */
static void *find_top(size_t n) {
    size_t run = 0;
    for (size_t b = nblocks; b-- > first_free;) {
        if (get_state(b) != B_FREE) {
            run = 0;
            continue;
        }
        if (++run == n) return claim(b, n);
    }
    return NULL;
}

/* First fit from `from`, skipping table bytes with no free block and
 * taking bytes of four free blocks at once; NULL when no run of n fits. */
static void *find_from(size_t from, size_t n) {
    size_t run = 0, b = from;
    while (b < nblocks && run < n) {
        if ((b & 3) == 0 && b + 4 <= nblocks) {
            uint8_t x = atb[b >> 2];
            if (x == 0) { /* four free blocks */
                run += 4;
                b += 4;
                continue;
            }
            if (((x | x >> 1) & 0x55) == 0x55) { /* no free block among the four */
                run = 0;
                b += 4;
                continue;
            }
        }
        run = get_state(b) == B_FREE ? run + 1 : 0;
        b++;
    }
    if (run < n) return NULL;
    size_t start = b - run; /* the run may be longer than n: take its start */
    if (start == first_free) first_free = start + n;
    next_fit = start + n;
    return claim(start, n);
}

/* Next fit: look after the previous allocation first, so a run of
 * allocations does not walk the whole table each time; when that fails,
 * first fit from the bottom. A collection starts again from the bottom —
 * except in the stress builds, which collect before every allocation:
 * there next fit goes on around the arena, so a block freed by mistake is
 * not handed out again at once, and a late read of it still finds poison. */
static void *find(size_t n) {
    if (gc_top) return find_top(n);
    void *p = NULL;
    if (next_fit > first_free) p = find_from(next_fit, n);
    return p ? p : find_from(first_free, n);
}

#ifdef PITH_CHECKS
unsigned long gc_allocs, gc_fail_at;

/* The --fail-alloc test mode: the chosen allocation fails as if the heap
 * were full (after the collection a full heap would have run). */
static bool fail_now(void) {
    if (++gc_allocs != gc_fail_at) return false;
    gc_collect();
    return true;
}
#else
#define fail_now() false
#endif

void *gc_alloc_try(size_t bytes) {
    size_t n = (bytes + BLOCK - 1) / BLOCK;
    if (n == 0) n = 1;
    if (n > nblocks || gc_locked || fail_now()) return NULL;
#ifdef PITH_GC_STRESS
    if (gc_auto) gc_collect();
#endif
    if (gc_auto && allocated >= gc_threshold) gc_collect();
    void *p = find(n);
    if (!p && gc_auto) {
        gc_collect();
        p = find(n);
    }
    if (p) allocated += (uint32_t)(n * BLOCK);
    return p;
}

/* Is there a free run of at least `bytes` (without allocating it)? */
bool gc_has_free(size_t bytes) {
    size_t n = (bytes + BLOCK - 1) / BLOCK, run = 0;
    for (size_t b = first_free; b < nblocks; b++) {
        run = get_state(b) == B_FREE ? run + 1 : 0;
        if (run >= n) return true;
    }
    return false;
}

void *gc_alloc(size_t bytes) {
    void *p = gc_alloc_try(bytes);
    if (!p) rt_memory_error(bytes);
    return p;
}

void gc_free(void *p) {
    if (!p || !gc_owns(p)) return;
    if (leaf_block(p) >= 0) p = (pv *)p - 1;
    size_t b = block_of(p);
    PITH_ASSERT(get_state(b) == B_HEAD); /* not freed twice, not inside an object */
    if (get_state(b) != B_HEAD) return;
    size_t n = obj_blocks(b);
    for (size_t i = 0; i < n; i++) set_state(b + i, B_FREE);
    poison(p, n * BLOCK);
    if (b < first_free) first_free = b;
    for (int i = 0; i < 8; i++)
        if (gc_young[i] == (pv)p) gc_young[i] = PV_NULL;
}

/* Grow block b (have blocks) to n blocks where it stands: into free blocks
 * after it, and if that is not enough, before it (the data moves down: a
 * buffer at the top of the arena grows into the space below). NULL when
 * the free blocks around it are too few. */
static void *grow_in_place(void *p, size_t b, size_t have, size_t n) {
    size_t e = b + have;
    while (e < b + n && e < nblocks && get_state(e) == B_FREE) e++;
    size_t up = e - (b + have), s = b;
    while (s > 0 && b - s + have + up < n && get_state(s - 1) == B_FREE) s--;
    if (b - s + have + up < n) return NULL;
    uint8_t *q = pool + s * BLOCK;
    unpoison(q, n * BLOCK);
    if (s != b) memmove(q, p, have * BLOCK);
    set_state(s, B_HEAD);
    for (size_t i = s + 1; i < s + n; i++) set_state(i, B_TAIL);
    memset(q + have * BLOCK, 0, (n - have) * BLOCK);
    while (first_free < nblocks && get_state(first_free) != B_FREE) first_free++;
    for (int i = 0; i < 8; i++)
        if (gc_young[i] == (pv)p) gc_young[i] = (pv)q;
    return q;
}

void *gc_realloc(void *p, size_t bytes) {
    if (!p) return gc_alloc(bytes);
    if (leaf_block(p) >= 0) /* its LEAF word moves with it */
        return (pv *)gc_realloc((pv *)p - 1, bytes + sizeof(pv)) + 1;
    size_t b = block_of(p);
    PITH_ASSERT(gc_owns(p) && get_state(b) == B_HEAD);
    size_t have = obj_blocks(b);
    size_t n = (bytes + BLOCK - 1) / BLOCK;
    if (n == 0) n = 1;
    if (n <= have) {
        for (size_t i = b + n; i < b + have; i++) set_state(i, B_FREE);
        poison(pool + (b + n) * BLOCK, (have - n) * BLOCK);
        if (b + n < first_free && n < have) first_free = b + n;
        return p;
    }
    if (fail_now()) rt_memory_error(bytes);
    void *q = grow_in_place(p, b, have, n);
    if (q) return q;
    pv keep = (pv)p;
    gc_root_push(&keep);
#ifdef PITH_GC_STRESS
    gc_collect();
#endif
    q = n <= nblocks ? find(n) : NULL;
    if (!q) {
        /* collect, then try in place again: garbage next to it may have gone */
        gc_collect();
        q = grow_in_place(p, b, have, n);
        if (q) {
            gc_root_pop(1);
            return q;
        }
        q = n <= nblocks ? find(n) : NULL;
    }
    gc_root_pop(1);
    if (!q) rt_memory_error(bytes);
    memcpy(q, (void *)keep, have * BLOCK);
    gc_free((void *)keep);
    return q;
}

void gc_each(const ptype *type, void (*fn)(void *obj, void *ctx), void *ctx) {
    for (size_t b = 0; b < nblocks; b++) {
        if (get_state(b) != B_HEAD) continue;
        pobj *o = (pobj *)(pool + b * BLOCK);
        if (o->type == type) fn(o, ctx);
    }
}

void gc_info(size_t *used, size_t *free_bytes, size_t *largest) {
    size_t u = 0, f = 0, run = 0, big = 0;
    for (size_t b = 0; b < nblocks; b++) {
        if (get_state(b) == B_FREE) {
            f++;
            if (++run > big) big = run;
        } else {
            u++;
            run = 0;
        }
    }
    if (used) *used = u * BLOCK;
    if (free_bytes) *free_bytes = f * BLOCK;
    if (largest) *largest = big * BLOCK;
}

/* Roots pile up only while C code calls back into Python, nested: running
 * out of them is running out of recursion. The last few slots are kept
 * for raising that error (which roots its own parts). */
#define ROOTS_SPARE 8
void gc_root_push(pv *slot) {
    if (nroots >= MAX_ROOTS - ROOTS_SPARE) {
        if (nroots == MAX_ROOTS - ROOTS_SPARE) {
            roots[nroots++] = slot;
            rt_raise_msg(&t_RuntimeError, "maximum recursion depth exceeded");
        }
        if (nroots == MAX_ROOTS) rt_memory_error(0); /* never: the error above roots less */
    }
    roots[nroots++] = slot;
}
void gc_root_pop(int n) {
    PITH_ASSERT(n >= 0 && n <= nroots); /* more pops than pushes */
    nroots -= n;
}
int gc_root_depth(void) { return nroots; }
/* A raise goes back to the depth of its TRY, which can only be lower:
 * a deeper one means a function popped roots it had not pushed. */
void gc_root_restore(int depth) {
    PITH_ASSERT(depth >= 0 && depth <= nroots);
    nroots = depth;
}

#ifdef PITH_CHECKS
_Noreturn void pith_assert_fail(const char *file, int line, const char *what) {
    char num[12];
    int k = sizeof num;
    do num[--k] = (char)('0' + line % 10);
    while ((line /= 10) != 0);
    static const char head[] = "pith: assertion failed: ";
    hal_stdout(head, sizeof head - 1);
    hal_stdout(file, strlen(file));
    hal_stdout(":", 1);
    hal_stdout(num + k, sizeof num - (size_t)k);
    hal_stdout(": ", 2);
    hal_stdout(what, strlen(what));
    hal_stdout("\n", 1);
    __builtin_trap();
}

static bool live_head(const void *p) {
    if (((uintptr_t)p - (uintptr_t)pool) % BLOCK) return false;
    int st = get_state(block_of(p));
    return st == B_HEAD || st == B_MARK;
}

/* pv_type in the checking builds: the first read of a freed or stray
 * object stops here, not three calls later as garbage. */
const ptype *gc_checked_type(pv v) {
    PITH_ASSERT(PV_IS_OBJ(v));
    const pobj *o = PV_OBJ(v);
    PITH_ASSERT(!gc_owns(o) || live_head(o)); /* a use after free, or not an object */
    const ptype *t = o->type;
    PITH_ASSERT(t != NULL && ((uintptr_t)t & (sizeof(void *) - 1)) == 0);
    PITH_ASSERT(!gc_owns(t) || live_head(t));
    PITH_ASSERT(t->type == &t_type);
    return t;
}

/* The block table's invariants: no marks outside a collection, no tail
 * without its head, no free block below first_free, the roots within
 * bounds, and every free block still poisoned (a write after free). */
void gc_check(void) {
    PITH_ASSERT(nroots >= 0 && nroots <= MAX_ROOTS);
    PITH_ASSERT(first_free <= nblocks && next_fit <= nblocks);
    int prev = B_FREE;
    for (size_t b = 0; b < nblocks; b++) {
        int st = get_state(b);
        PITH_ASSERT(st != B_MARK);
        PITH_ASSERT(st != B_TAIL || prev != B_FREE);
        if (st == B_FREE) {
            PITH_ASSERT(b >= first_free);
#ifndef PITH_ASAN /* there a write after free is reported when it happens */
            const uint8_t *w = pool + b * BLOCK;
            for (size_t i = 0; i < BLOCK; i++) PITH_ASSERT(w[i] == POISON);
#endif
        }
        prev = st;
    }
}
#endif
