/* flash.c — the filesystem's region on the nRF51: every page from the end
 * of the firmware to the top of flash, or up to MicroPython v1's appended
 * script when a .hex carries one (as v1 does), programmed by the NVMC. */
#include <string.h>
#include "hal.h"
#include "nrf51.h"
#include "board.h"

#define FLASH_END 0x40000u

/* pith.ld: the first page after the firmware's last byte. */
extern const uint8_t _fs_start[];

int board_script_present(void) {
    return SCRIPT[0] == 'M' && SCRIPT[1] == 'P';
}

const uint8_t *hal_flash_region(size_t *pages) {
    uintptr_t end = board_script_present() ? (uintptr_t)SCRIPT : FLASH_END;
    uintptr_t start = (uintptr_t)_fs_start;
    *pages = end > start ? (end - start) / HAL_FLASH_PAGE : 0;
    return _fs_start;
}

static void nvmc_mode(uint32_t mode) {
    NVMC_CONFIG = mode;
    while (!NVMC_READY) {
    }
}

void hal_flash_erase(const uint8_t *page) {
    nvmc_mode(NVMC_CONFIG_EEN);
    NVMC_ERASEPAGE = (uint32_t)(uintptr_t)page;
    while (!NVMC_READY) {
    }
    nvmc_mode(NVMC_CONFIG_REN);
}

/* Erased words are skipped: a word may be written only twice between
 * erases, and the filesystem writes some of them later. */
void hal_flash_write(const uint8_t *dst, const void *src, size_t len) {
    nvmc_mode(NVMC_CONFIG_WEN);
    for (size_t i = 0; i < len; i += 4) {
        uint32_t w;
        memcpy(&w, (const uint8_t *)src + i, 4);
        if (w != 0xFFFFFFFFu) {
            *(volatile uint32_t *)(uintptr_t)(dst + i) = w;
            while (!NVMC_READY) {
            }
        }
    }
    nvmc_mode(NVMC_CONFIG_REN);
}
