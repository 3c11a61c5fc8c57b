/* uart.c — the terminal on UART0 (115200 8N1, TX P0.24, RX P0.25): polled
 * output, interrupt-driven input into a ring so bytes typed while a program
 * runs are kept, and the Ctrl-C latch.
 *
 * While the REPL reads (no interrupt character set), a full ring leaves the
 * next byte in the UART and stops listening until hal_getchar makes room,
 * so a tool's burst (Thonny pastes 128 bytes at once) waits instead of
 * being cut: on QEMU the host side holds it back; a real UART's FIFO holds
 * six bytes more. While a program runs the ring keeps listening, so
 * Ctrl-C is seen even when the program never reads its input. */
#include "hal.h"
#include "nrf51.h"
#include "board.h"

#define PIN_TX 24
#define PIN_RX 25

/* A power of two so the indices wrap with a mask; 64 bytes cover a burst
 * from a host between two reads, and the raw-paste window is kept below it. */
#define RX_SIZE 64u

static volatile uint8_t rx_buf[RX_SIZE];
static volatile uint8_t rx_head, rx_tail;
static volatile int interrupt_char = -1;
static volatile uint8_t interrupt_latched;
static char last_tx;

void uart_init(void) {
    UART0_PSELTXD = PIN_TX;
    UART0_PSELRXD = PIN_RX;
    UART0_BAUDRATE = UART_BAUD_115200;
    UART0_ENABLE = UART_ENABLE_ON;
    UART0_EVENTS_RXDRDY = 0;
    UART0_EVENTS_TXDRDY = 0;
    UART0_TASKS_STARTTX = 1;
    UART0_TASKS_STARTRX = 1;
    UART0_INTENSET = UART_INT_RXDRDY | UART_INT_ERROR;
    NVIC_ISER = 1u << IRQ_UART0;
}

void uart_isr(void) {
    if (UART0_EVENTS_ERROR) {
        /* A framing error or overrun: clear it or the receiver stays stuck. */
        UART0_EVENTS_ERROR = 0;
        UART0_ERRORSRC = UART0_ERRORSRC;
    }
    while (UART0_EVENTS_RXDRDY) {
        int full = (uint8_t)(rx_head - rx_tail) >= RX_SIZE;
        if (full && interrupt_char < 0) {
            UART0_INTENCLR = UART_INT_RXDRDY;
            return;
        }
        /* Clear the event before reading RXD: the read lets the next byte in. */
        UART0_EVENTS_RXDRDY = 0;
        uint8_t b = (uint8_t)UART0_RXD;
        if (b == interrupt_char) {
            interrupt_latched = 1;
        } else if (!full) {
            rx_buf[rx_head % RX_SIZE] = b;
            rx_head++;
        }
    }
}

static void tx_byte(char c) {
    UART0_TXD = (uint8_t)c;
    while (!UART0_EVENTS_TXDRDY) {
    }
    UART0_EVENTS_TXDRDY = 0;
}

void uart_write(const char *buf, size_t len) {
    for (size_t i = 0; i < len; i++) {
        tx_byte(buf[i]);
    }
}

void hal_stdout_raw(const char *buf, size_t len) {
    uart_write(buf, len);
    if (len) {
        last_tx = buf[len - 1];
    }
}

/* Terminals need "\r\n": a lone "\n" from the core gains its "\r", while
 * the "\r\n" the REPL writes itself passes unchanged. */
void hal_stdout(const char *buf, size_t len) {
    for (size_t i = 0; i < len; i++) {
        if (buf[i] == '\n' && last_tx != '\r') {
            tx_byte('\r');
        }
        tx_byte(buf[i]);
        last_tx = buf[i];
    }
}

int hal_getchar(void) {
#ifdef PITH_SEMIHOST_EXIT
    /* The test build has no terminal: a program reading input sees its end,
     * and the REPL's first read means main.py is done. */
    if (board_in_repl) {
        semihost_exit(0);
    }
    return -1;
#else
    while (rx_head == rx_tail) {
        __asm__ volatile("wfi");
    }
    int c = rx_buf[rx_tail % RX_SIZE];
    rx_tail++;
    UART0_INTENSET = UART_INT_RXDRDY; /* room again, if the ring was full */
    return c;
#endif
}

int hal_getchar_timeout(uint32_t ms) {
#ifndef PITH_SEMIHOST_EXIT
    uint32_t start = hal_ticks_ms();
    /* The timer interrupt wakes the core every millisecond. */
    while (rx_head == rx_tail) {
        if (hal_ticks_ms() - start >= ms) {
            return HAL_TIMEOUT;
        }
        __asm__ volatile("wfi");
    }
#endif
    return hal_getchar();
}

void hal_set_interrupt_char(int c) {
    interrupt_char = c;
    UART0_INTENSET = UART_INT_RXDRDY; /* a running program's Ctrl-C must get through */
}

int hal_interrupted(void) {
    if (!interrupt_latched) {
        return 0;
    }
    interrupt_latched = 0;
    return 1;
}

int uart_interrupt_pending(void) {
    return interrupt_latched;
}
