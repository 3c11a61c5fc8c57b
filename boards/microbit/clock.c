/* clock.c — milli- and microseconds from TIMER0 (QEMU does not tick the RTC): a 1 MHz
 * count cleared every 1000 us; each period advances the clock, steps the
 * display scan and calls the core's tick. */
#include "hal.h"
#include "pith.h"
#include "nrf51.h"
#include "board.h"

#define PERIOD_US 1000u

static volatile uint32_t now_ms;

void clock_init(void) {
    TIMER0_MODE = 0;                 /* timer, not counter */
    TIMER0_BITMODE = TIMER_BITMODE_32;
    TIMER0_PRESCALER = 4;            /* 16 MHz / 2**4 = 1 MHz */
    TIMER0_CC(0) = PERIOD_US;
    TIMER0_SHORTS = TIMER_SHORT_COMPARE0_CLEAR;
    TIMER0_INTENSET = TIMER_INT_COMPARE(0) | TIMER_INT_COMPARE(1);
    NVIC_ISER = 1u << IRQ_TIMER0;
    TIMER0_TASKS_CLEAR = 1;
    TIMER0_TASKS_START = 1;
}

/* Compare 0 ends a period; compare 1 is the display's dimming point inside
 * it (display.c moves it). */
void clock_isr(void) {
    if (TIMER0_EVENTS_COMPARE(1)) {
        TIMER0_EVENTS_COMPARE(1) = 0;
        display_scan(0);
    }
    if (TIMER0_EVENTS_COMPARE(0)) {
        TIMER0_EVENTS_COMPARE(0) = 0;
        now_ms++;
        display_scan(1);
        pith_board_tick(now_ms);
    }
}

uint32_t hal_ticks_ms(void) {
    return now_ms;
}

/* The period count plus TIMER0's own count, captured into CC[3] (the
 * display's interrupt captures into CC[2]). A period that ends between the
 * reads shows as a changed now_ms (read again), or, before its interrupt
 * has run, as a pending compare event with a count that has just restarted. */
uint32_t hal_ticks_us(void) {
    uint32_t ms, us, ended;
    do {
        ms = now_ms;
        TIMER0_TASKS_CAPTURE(3) = 1;
        us = TIMER0_CC(3);
        ended = TIMER0_EVENTS_COMPARE(0) && us < PERIOD_US / 2;
    } while (ms != now_ms);
    return (ms + ended) * PERIOD_US + us;
}

void hal_sleep_ms(uint32_t ms) {
    uint32_t start = now_ms;
    /* The timer interrupt wakes the core every millisecond. */
    while (now_ms - start < ms && !uart_interrupt_pending()) {
        __asm__ volatile("wfi");
    }
}
