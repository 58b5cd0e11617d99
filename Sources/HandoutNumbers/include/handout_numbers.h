#ifndef HANDOUT_NUMBERS_H
#define HANDOUT_NUMBERS_H
#include <stddef.h>

/// Writes `value` as printf's "%.<precision>f" does in the "C" locale (glibc's exact, half-to-even
/// digits) into `out` (at least 64 bytes); returns the length, or -1 when the value is not one
/// this printer takes (infinity, NaN, |value| >= 2^63, precision outside 0...18), which glibc
/// must print.
int handout_format_fixed(char *out, size_t size, double value, int precision);

/// Turns the fast path of Cairo's number printing on (the default) or off, for the test that
/// compares whole PDFs printed both ways.
void handout_numbers_set_enabled(int on);

/// How many numbers the fast path has printed in this process.
unsigned long handout_numbers_printed(void);

#endif
