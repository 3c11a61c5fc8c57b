/* microbit.h — what the two halves of the microbit module share: the Image
 * object (image.c) and the font and display sequencer (mod_microbit.c). */
#ifndef PITH_MICROBIT_H
#define PITH_MICROBIT_H

#include "obj.h"

/* An image: w*h brightness bytes, row-major. Built-in images are const
 * objects whose pixels are const too (readonly); every other image owns a
 * heap block holding the header and the pixels together. A byte above 9
 * (written through a memoryview) reads as 9. */
typedef struct {
    const ptype *type;
    uint16_t w, h;
    bool readonly;
    uint8_t *pix;
} pimage;

extern const ptype t_image;
extern const pimage img_SAD;

pv image_new(int w, int h);   /* blank */
uint8_t image_pixel(const pimage *im, int x, int y); /* 0 outside the image */

/* The 5x5 font for ASCII 32..126: row bitmasks, bit 4 is x = 0. Other
 * characters draw as '?'. */
const uint8_t *font_glyph(unsigned char c);

#endif
