/* startup.c — the vector table, reset (copy .data, zero .bss, run main),
 * hal_reset, and the fault handler that reports on the UART and resets. */
#include <stdint.h>
#include "hal.h"
#include "nrf51.h"
#include "board.h"

int main(void);
void reset_handler(void);

/* Provided by pith.ld. */
extern uint32_t _sidata[], _sdata[], _edata[], _sbss[], _ebss[], _estack[];

void reset_handler(void) {
    uint32_t *src = _sidata;
    for (uint32_t *dst = _sdata; dst < _edata;) {
        *dst++ = *src++;
    }
    for (uint32_t *dst = _sbss; dst < _ebss;) {
        *dst++ = 0;
    }
    main();
    for (;;) {
    }
}

static void hex32(char *out, uint32_t v) {
    for (int i = 7; i >= 0; i--) {
        out[i] = "0123456789abcdef"[v & 15];
        v >>= 4;
    }
}

/* Any fault (or an interrupt nobody enabled) lands here. On the device a
 * reset beats a hung board; the test build stops QEMU so the test fails
 * fast. `frame` is what the exception pushed: the faulting pc is word 6. */
__attribute__((used, noreturn)) static void fault_report(const uint32_t *frame) {
    char line[] = "\r\nFATAL: HardFault at pc=00000000\r\n";
    hex32(line + sizeof line - 11, frame[6]);
    uart_write(line, sizeof line - 1);
#ifdef PITH_SEMIHOST_EXIT
    semihost_exit(1);
#else
    hal_reset();
    __builtin_unreachable();
#endif
}

/* Naked, so the stack pointer still points at the exception frame. */
__attribute__((naked)) static void fault_handler(void) {
    __asm__ volatile("mrs r0, msp\n\tbl fault_report");
}

void hal_reset(void) {
    SCB_AIRCR = AIRCR_SYSRESETREQ;
    for (;;) {
    }
}

typedef void (*vector_fn)(void);

/* 16 system exceptions, then the nRF51's 32 peripheral interrupts. */
__attribute__((section(".vectors"), used))
static const vector_fn vectors[16 + 32] = {
    [0] = (vector_fn)_estack,
    [1] = reset_handler,
    [2] = fault_handler,        /* NMI */
    [3] = fault_handler,        /* HardFault */
    [11] = fault_handler,       /* SVCall */
    [14] = fault_handler,       /* PendSV */
    [15] = fault_handler,       /* SysTick */
    [16 + IRQ_UART0] = uart_isr,
    [16 + IRQ_TIMER0] = clock_isr,
};
