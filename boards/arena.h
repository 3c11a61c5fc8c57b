/* arena.h — the heap arena size every board uses: the micro:bit's RAM
 * budget decides it (see boards/microbit/pith.ld), and the web and host
 * boards use the same number so a program runs out of heap at the same
 * allocation everywhere. */
#ifndef PITH_ARENA_H
#define PITH_ARENA_H
#define PITH_ARENA_SIZE 13312
#endif
