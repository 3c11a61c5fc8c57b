/* math_accuracy.c — a driver for tests/host/math_accuracy.py: reads lines
 * "NAME XBITS [YBITS]" (float bits in hex) and prints the bits of the
 * float_math.c result, so Python can compare with CPython's doubles. */
#include <stdio.h>
#include <string.h>

#include "float_math.h"

static float f(unsigned b) {
    float x;
    memcpy(&x, &b, 4);
    return x;
}

int main(void) {
    char name[16];
    unsigned xb, yb;
    while (scanf("%15s %x %x", name, &xb, &yb) == 3) {
        float x = f(xb), y = f(yb), r = 0;
        if (!strcmp(name, "exp")) r = fm_exp(x);
        else if (!strcmp(name, "log")) r = fm_log(x);
        else if (!strcmp(name, "log2")) r = fm_log2(x);
        else if (!strcmp(name, "log10")) r = fm_log10(x);
        else if (!strcmp(name, "sqrt")) r = fm_sqrt(x);
        else if (!strcmp(name, "sin")) r = fm_sin(x);
        else if (!strcmp(name, "cos")) r = fm_cos(x);
        else if (!strcmp(name, "tan")) r = fm_tan(x);
        else if (!strcmp(name, "asin")) r = fm_asin(x);
        else if (!strcmp(name, "acos")) r = fm_acos(x);
        else if (!strcmp(name, "atan")) r = fm_atan(x);
        else if (!strcmp(name, "atan2")) r = fm_atan2(x, y);
        else if (!strcmp(name, "pow")) r = fm_pow(x, y);
        else if (!strcmp(name, "fmod")) r = fm_fmod(x, y);
        else if (!strcmp(name, "logb")) r = fm_log_base(x, y);
        unsigned rb;
        memcpy(&rb, &r, 4);
        printf("%08x\n", rb);
    }
    return 0;
}
