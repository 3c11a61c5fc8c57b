/* import.c — the import statement: which module a name finds. */
#include "obj.h"

extern const pmodule mod_gc, mod_sys, mod_time, mod_random, mod_micropython, mod_array, mod_microbit, mod_math;
extern const pmodule mod_struct, mod_binascii, mod_io; /* mod_struct.c, mod_binascii.c, mod_io.c */

/* Built-in modules, with MicroPython's u-prefixed aliases. */
static const struct {
    const pstr *name;
    const pmodule *mod;
} modules[] = {
    {&N(gc), &mod_gc}, {&N(sys), &mod_sys}, {&N(time), &mod_time}, {&N(utime), &mod_time},
    {&N(urandom), &mod_random}, {&N(random), &mod_random}, {&N(micropython), &mod_micropython},
    {&N(array), &mod_array}, {&N(uarray), &mod_array}, {&N(microbit), &mod_microbit}, {&N(math), &mod_math},
    {&N(struct), &mod_struct}, {&N(ustruct), &mod_struct}, {&N(binascii), &mod_binascii},
    {&N(ubinascii), &mod_binascii}, {&N(io), &mod_io}, {&N(uio), &mod_io},
};

pv mod_import(const pstr *name) {
    for (unsigned i = 0; i < sizeof modules / sizeof modules[0]; i++)
        if (modules[i].name == name) return (pv)modules[i].mod;
    rt_raise_fmt(&t_ImportError, "no module named '%s'", name->data);
}
