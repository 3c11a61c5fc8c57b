/* names_microbit.h — names used by the microbit module (image.c,
 * mod_microbit.c), kept apart so that module's owner can extend them. Each
 * must not repeat a name listed in names.h or names_buf.h. */
#ifndef PITH_NAMES_MICROBIT_H
#define PITH_NAMES_MICROBIT_H
#define PITH_NAMES_MICROBIT(X) \
    X(microbit) X(Image) X(MicroBitImage) X(MicroBitDisplay) X(MicroBitButton) \
    X(display) X(button_a) X(button_b) X(running_time) X(panic) X(reset) \
    X(temperature) X(width) X(height) X(get_pixel) X(set_pixel) X(shift_left) \
    X(shift_right) X(shift_up) X(shift_down) X(crop) X(invert) X(fill) X(blit) \
    X(show) X(scroll) X(on) X(off) X(is_on) X(is_pressed) X(was_pressed) \
    X(get_presses) X(delay) X(wait) X(loop) X(monospace) X(ALL_CLOCKS) X(ALL_ARROWS) \
    X(HEART) X(HEART_SMALL) X(HAPPY) X(SMILE) X(SAD) X(CONFUSED) X(ANGRY) X(ASLEEP) \
    X(SURPRISED) X(SILLY) X(FABULOUS) X(MEH) X(YES) X(NO) X(CLOCK12) X(CLOCK1) \
    X(CLOCK2) X(CLOCK3) X(CLOCK4) X(CLOCK5) X(CLOCK6) X(CLOCK7) X(CLOCK8) X(CLOCK9) \
    X(CLOCK10) X(CLOCK11) X(ARROW_N) X(ARROW_NE) X(ARROW_E) X(ARROW_SE) X(ARROW_S) \
    X(ARROW_SW) X(ARROW_W) X(ARROW_NW) X(TRIANGLE) X(TRIANGLE_LEFT) X(CHESSBOARD) \
    X(DIAMOND) X(DIAMOND_SMALL) X(SQUARE) X(SQUARE_SMALL) X(RABBIT) X(COW) \
    X(MUSIC_CROTCHET) X(MUSIC_QUAVER) X(MUSIC_QUAVERS) X(PITCHFORK) X(XMAS) \
    X(PACMAN) X(TARGET) X(TSHIRT) X(ROLLERSKATE) X(DUCK) X(HOUSE) X(TORTOISE) \
    X(BUTTERFLY) X(STICKFIGURE) X(GHOST) X(SWORD) X(GIRAFFE) X(SKULL) X(UMBRELLA) \
    X(SNAKE)
#endif
