/* check.h — PITH_ASSERT: the invariants the checking builds verify.
 *
 * The host's test builds (host-asan, host-stress, host-strict, and
 * the fuzzer) define PITH_CHECKS; the shipped micro:bit and browser builds
 * do not, so every check compiles to nothing there. A failed check prints
 * `pith: assertion failed: FILE:LINE: CONDITION` and traps at once, before
 * a broken invariant turns into a wrong result somewhere else.
 *
 * What is checked (gc.c): reading an object's type asserts that a heap
 * object is a live head block and its type pointer a type; the block table
 * is consistent and every free block still holds its poison; root pushes
 * and pops balance. (Named check.h, not assert.h: -Icore must not shadow
 * the C library's header.) */
#ifndef PITH_CHECK_H
#define PITH_CHECK_H

#ifdef PITH_CHECKS
_Noreturn void pith_assert_fail(const char *file, int line, const char *what);
#define PITH_ASSERT(c) ((c) ? (void)0 : pith_assert_fail(__FILE__, __LINE__, #c))
#else
#define PITH_ASSERT(c) ((void)0)
#endif

#endif
