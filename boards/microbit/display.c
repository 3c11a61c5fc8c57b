/* display.c — the 5x5 LEDs, wired as a 3x9 matrix (rows P0.13-P0.15 drive
 * high, columns P0.4-P0.12 sink low), scanned one row per millisecond with
 * 10 brightness levels by switching columns off inside the row's slot; and
 * the two buttons (A = P0.17, B = P0.26, low while pressed). */
#include "hal.h"
#include "nrf51.h"
#include "board.h"

#define ROW0 13
#define COL0 4
#define ROWS 3
#define COLS 9
#define ROW_MASK (7u << ROW0)
#define COL_MASK (0x1FFu << COL0)
#define NO_LED 0xFF

static const uint8_t button_pin[2] = {17, 26};

/* Which pixel (x + 5*y) sits at each row and column of the v1 matrix; two
 * positions of the middle row have no LED. */
static const uint8_t pixel_at[ROWS][COLS] = {
    {0, 2, 4, 19, 18, 17, 16, 15, 11},
    {14, 10, 12, 1, 3, 23, 21, NO_LED, NO_LED},
    {22, 24, 20, 5, 6, 7, 8, 9, 13},
};

/* Microseconds a column stays on within the 1000 us slot, per level: roughly
 * geometric, since the eye sees ratios; level 9 keeps the whole slot. */
static const uint16_t on_us[9] = {0, 20, 40, 70, 110, 170, 250, 370, 560};

static uint8_t level[25];
static uint8_t row, dim;

void display_init(void) {
    GPIO_DIRSET = ROW_MASK | COL_MASK;
    GPIO_OUTCLR = ROW_MASK;
    GPIO_OUTSET = COL_MASK;
    for (int b = 0; b < 2; b++) {
        GPIO_PIN_CNF(button_pin[b]) = GPIO_CNF_INPUT_PULLUP;
    }
}

void hal_display_show(const uint8_t bright[25]) {
    for (int i = 0; i < 25; i++) {
        level[i] = bright[i] > 9 ? 9 : bright[i];
    }
}

int hal_button_down(int which) {
    return !(GPIO_IN & (1u << button_pin[which & 1]));
}

/* Columns of the current row whose level is above `lv`. */
static uint32_t columns_above(uint8_t lv) {
    uint32_t cols = 0;
    for (int c = 0; c < COLS; c++) {
        uint8_t p = pixel_at[row][c];
        if (p != NO_LED && level[p] > lv) {
            cols |= 1u << (COL0 + c);
        }
    }
    return cols;
}

/* The lowest level, from `from` up, that some LED of this row has: 9 when
 * none is left (level 9 stays lit the whole slot). */
static uint8_t next_level(uint8_t from) {
    uint8_t next = 9;
    for (int c = 0; c < COLS; c++) {
        uint8_t p = pixel_at[row][c];
        if (p != NO_LED && level[p] >= from && level[p] < next) {
            next = level[p];
        }
    }
    return next;
}

/* At a row's start light its LEDs; at each dimming point darken those whose
 * level ends there. Then arm compare 1 for the next point. When that moment
 * has already passed (a late interrupt) it is handled here, or the LED
 * would stay lit the whole slot. */
void display_scan(int row_start) {
    if (row_start) {
        row = (uint8_t)((row + 1) % ROWS);
        GPIO_OUTCLR = ROW_MASK;
        GPIO_OUTSET = COL_MASK;
        GPIO_OUTCLR = columns_above(0);
        GPIO_OUTSET = 1u << (ROW0 + row);
        dim = 0;
    } else {
        GPIO_OUTSET = COL_MASK & ~columns_above(dim);
    }
    for (;;) {
        dim = next_level((uint8_t)(dim + 1));
        if (dim == 9) {
            TIMER0_CC(1) = 0xFFFFFFFFu;     /* past the period: never */
            return;
        }
        TIMER0_CC(1) = on_us[dim];
        TIMER0_TASKS_CAPTURE(2) = 1;
        if (TIMER0_CC(2) < on_us[dim]) {
            return;
        }
        TIMER0_EVENTS_COMPARE(1) = 0;
        GPIO_OUTSET = COL_MASK & ~columns_above(dim);
    }
}
