/* sensors.c — the nRF51's on-chip sensors: the RNG (thermal noise, with bias
 * correction on) for hal_entropy, and the die thermometer. */
#include "hal.h"
#include "nrf51.h"

uint32_t hal_entropy(void) {
    uint32_t v = 0;
    RNG_CONFIG = RNG_CONFIG_DERCEN;
    RNG_TASKS_START = 1;
    for (int i = 0; i < 4; i++) {
        while (!RNG_EVENTS_VALRDY) {
        }
        RNG_EVENTS_VALRDY = 0;
        v = (v << 8) | (RNG_VALUE & 0xFF);
    }
    RNG_TASKS_STOP = 1;
    return v;
}

int hal_temperature(int *celsius) {
    /* A reading takes about 36 us; allow far more, but never hang where the
     * sensor does not answer (QEMU has none). */
    TEMP_EVENTS_DATARDY = 0;
    TEMP_TASKS_START = 1;
    for (int i = 0; i < 20000; i++) {
        if (TEMP_EVENTS_DATARDY) {
            TEMP_EVENTS_DATARDY = 0;
            *celsius = (int32_t)TEMP_TEMP / 4;   /* in 0.25 degree steps */
            return 1;
        }
    }
    TEMP_TASKS_STOP = 1;
    return 0;
}
