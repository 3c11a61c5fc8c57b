/* nrf51.h — the nRF51822 and Cortex-M0 registers this board uses, with
 * addresses and bit positions from the nRF51 Series Reference Manual v3.0
 * and the ARMv6-M Architecture Reference Manual. */
#ifndef PITH_NRF51_H
#define PITH_NRF51_H

#include <stdint.h>

#define REG(addr) (*(volatile uint32_t *)(addr))

/* Interrupt numbers are the peripheral IDs: bits 12..17 of the base. */
#define IRQ_UART0  2
#define IRQ_TIMER0 8

/* CLOCK: start the crystal so the UART baud rate is exact. */
#define CLOCK_TASKS_HFCLKSTART   REG(0x40000000)
#define CLOCK_EVENTS_HFCLKSTARTED REG(0x40000100)

/* UART0 */
#define UART0_TASKS_STARTRX REG(0x40002000)
#define UART0_TASKS_STARTTX REG(0x40002008)
#define UART0_EVENTS_RXDRDY REG(0x40002108)
#define UART0_EVENTS_TXDRDY REG(0x4000211C)
#define UART0_EVENTS_ERROR  REG(0x40002124)
#define UART0_INTENSET      REG(0x40002304)
#define UART0_INTENCLR      REG(0x40002308)
#define UART0_ERRORSRC      REG(0x40002480)
#define UART0_ENABLE        REG(0x40002500)
#define UART0_PSELTXD       REG(0x4000250C)
#define UART0_PSELRXD       REG(0x40002514)
#define UART0_RXD           REG(0x40002518)
#define UART0_TXD           REG(0x4000251C)
#define UART0_BAUDRATE      REG(0x40002524)
#define UART_INT_RXDRDY     (1u << 2)
#define UART_INT_ERROR      (1u << 9)
#define UART_ENABLE_ON      4u
#define UART_BAUD_115200    0x01D7E000u

/* TIMER0: 32-bit capable; the others stop at 16 bits. */
#define TIMER0_TASKS_START    REG(0x40008000)
#define TIMER0_TASKS_CLEAR    REG(0x4000800C)
#define TIMER0_TASKS_CAPTURE(n) REG(0x40008040 + 4 * (n))
#define TIMER0_EVENTS_COMPARE(n) REG(0x40008140 + 4 * (n))
#define TIMER0_SHORTS         REG(0x40008200)
#define TIMER0_INTENSET       REG(0x40008304)
#define TIMER0_MODE           REG(0x40008504)
#define TIMER0_BITMODE        REG(0x40008508)
#define TIMER0_PRESCALER      REG(0x40008510)
#define TIMER0_CC(n)          REG(0x40008540 + 4 * (n))
#define TIMER_SHORT_COMPARE0_CLEAR 1u
#define TIMER_INT_COMPARE(n)  (1u << (16 + (n)))
#define TIMER_BITMODE_32      3u

/* TEMP: the die thermometer. */
#define TEMP_TASKS_START    REG(0x4000C000)
#define TEMP_TASKS_STOP     REG(0x4000C004)
#define TEMP_EVENTS_DATARDY REG(0x4000C100)
#define TEMP_TEMP           REG(0x4000C508)

/* RNG */
#define RNG_TASKS_START   REG(0x4000D000)
#define RNG_TASKS_STOP    REG(0x4000D004)
#define RNG_EVENTS_VALRDY REG(0x4000D100)
#define RNG_CONFIG        REG(0x4000D504)
#define RNG_VALUE         REG(0x4000D508)
#define RNG_CONFIG_DERCEN 1u

/* NVMC: flash writes and page erases (the CPU stalls until each is done). */
#define NVMC_READY      REG(0x4001E400)
#define NVMC_CONFIG     REG(0x4001E504)
#define NVMC_ERASEPAGE  REG(0x4001E508)
#define NVMC_CONFIG_REN 0u                /* read only */
#define NVMC_CONFIG_WEN 1u                /* write enabled */
#define NVMC_CONFIG_EEN 2u                /* erase enabled */

/* GPIO (P0) */
#define GPIO_OUTSET     REG(0x50000508)
#define GPIO_OUTCLR     REG(0x5000050C)
#define GPIO_IN         REG(0x50000510)
#define GPIO_DIRSET     REG(0x50000518)
#define GPIO_PIN_CNF(n) REG(0x50000700 + 4 * (n))
#define GPIO_CNF_INPUT_PULLUP (3u << 2)   /* DIR=in, INPUT=connect, PULL=up */

/* Cortex-M0 system control */
#define NVIC_ISER       REG(0xE000E100)
#define SCB_AIRCR       REG(0xE000ED0C)
#define AIRCR_SYSRESETREQ 0x05FA0004u     /* VECTKEY | SYSRESETREQ */

#endif
