/* cstack.c — the C stack on the Cortex-M0: a setjmp that saves only what
 * the Thumb-1 procedure call standard needs, and calls on a stack segment.
 *
 * newlib's jmp_buf is 92 bytes; these save 10 words (r4-r11, sp, lr). Every
 * TRY in the core keeps one on the C stack, and every nested run of the VM
 * has one, so the 40 bytes instead of 92 buy recursion depth on a 2 KiB
 * stack.
 *
 * hal_stack_call runs a function with the stack pointer moved into a block
 * of the heap: when the compiler's nesting or Python called back from C
 * reaches the end of the board's stack, the core carries on in a segment
 * (runtime.c, rt_stack_call). A longjmp out of the segment restores the
 * stack pointer saved by its setjmp, on whichever stack that was. */
#include "hal.h"
#include "obj.h"

__attribute__((naked, returns_twice)) int pith_setjmp(pith_jmp_buf buf) {
    (void)buf;
    __asm volatile(
        ".syntax unified\n"
        "mov r1, sp\n"
        "mov r2, lr\n"
        "stmia r0!, {r4-r7}\n"
        "mov r4, r8\n"
        "mov r5, r9\n"
        "mov r6, r10\n"
        "mov r7, r11\n"
        "stmia r0!, {r4-r7}\n"
        "str r1, [r0]\n"
        "str r2, [r0, #4]\n"
        "subs r0, #32\n"
        "ldmia r0!, {r4-r7}\n" /* r4-r7 as they were */
        "movs r0, #0\n"
        "bx lr\n");
}

__attribute__((naked, noreturn)) void pith_longjmp(pith_jmp_buf buf, int value) {
    (void)buf;
    (void)value;
    __asm volatile(
        ".syntax unified\n"
        "adds r0, #16\n"
        "ldmia r0!, {r4-r7}\n"
        "mov r8, r4\n"
        "mov r9, r5\n"
        "mov r10, r6\n"
        "mov r11, r7\n"
        "ldr r2, [r0]\n"
        "ldr r3, [r0, #4]\n"
        "mov sp, r2\n"
        "mov lr, r3\n"
        "subs r0, #32\n"
        "ldmia r0!, {r4-r7}\n"
        "movs r0, r1\n"
        "bne 1f\n"
        "movs r0, #1\n"
        "1: bx lr\n");
}

__attribute__((naked)) static void call_at(void *top, void (*fn)(void *), void *ctx) {
    (void)top;
    (void)fn;
    (void)ctx;
    __asm volatile(
        ".syntax unified\n"
        "push {r4, lr}\n"
        "mov r4, sp\n"
        "mov sp, r0\n"
        "mov r0, r2\n"
        "blx r1\n"
        "mov sp, r4\n"
        "pop {r4, pc}\n");
}

int hal_stack_call(void *top, void (*fn)(void *), void *ctx) {
    call_at(top, fn, ctx);
    return 1;
}
