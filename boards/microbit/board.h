/* board.h — what the micro:bit board's files share with each other. */
#ifndef PITH_MICROBIT_BOARD_H
#define PITH_MICROBIT_BOARD_H

#include <stddef.h>

void uart_init(void);
void uart_isr(void);
/* Polled output that works with interrupts off (the fault handler uses it). */
void uart_write(const char *buf, size_t len);
/* The latched interrupt flag, read without clearing it (hal_sleep_ms). */
int uart_interrupt_pending(void);

void clock_init(void);
void clock_isr(void);

void display_init(void);
/* One step of the LED matrix scan; `row_start` marks the 1 ms row slot. */
void display_scan(int row_start);

/* MicroPython v1's appended-script layout, so its tools' .hex files work:
 * "MP", a little-endian u16 length, then the UTF-8 source, at 0x3E000. */
#define SCRIPT ((const uint8_t *)0x3E000)
#define SCRIPT_MAX (8 * 1024 - 4)
/* Nonzero when a script is appended (the filesystem then ends below it). */
int board_script_present(void);

#ifdef PITH_SEMIHOST_EXIT
/* Test builds only: end the QEMU run with `code`; and set when main hands
 * over to the REPL, where a test run ends. */
void semihost_exit(int code) __attribute__((noreturn));
extern volatile int board_in_repl;
#endif

#endif
