/* semihost.c — ending a QEMU run from the test build through semihosting:
 * the run's exit status and the end of its output, with no host-side
 * timing guesses. Never in the shipped image. */
#include <stdint.h>
#include "board.h"

#define SYS_EXIT 0x18
#define ADP_STOPPED_APPLICATION_EXIT 0x20026
#define ADP_STOPPED_RUN_TIME_ERROR 0x20023

volatile int board_in_repl;

void semihost_exit(int code) {
    /* On 32-bit ARM, SYS_EXIT takes the reason in r1 directly; QEMU maps
     * ApplicationExit to status 0 and every other reason to 1. */
    register uint32_t op __asm__("r0") = SYS_EXIT;
    register uint32_t reason __asm__("r1") =
        code ? ADP_STOPPED_RUN_TIME_ERROR : ADP_STOPPED_APPLICATION_EXIT;
    __asm__ volatile("bkpt 0xab" : : "r"(op), "r"(reason) : "memory");
    for (;;) {
    }
}
