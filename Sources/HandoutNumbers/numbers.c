/* Fixed-point printing of doubles for Cairo's PDF output, exactly as glibc prints them.
 *
 * Cairo 1.16 prints every number of a PDF content stream through snprintf with "%f" (or
 * "%.18f" and then "%.*f" below 0.1), and glibc's printf costs about 2,600 instructions a
 * number: a sixth of a render. This file defines __snprintf_chk, the function Cairo's
 * fortified snprintf calls, so that the executable's definition is the one every library
 * reaches. The three formats Cairo uses are printed here when the value allows an exact
 * answer with 128-bit integers; everything else goes to glibc's __vsnprintf_chk unchanged.
 *
 * Exactness: a finite double is m * 2^e with m < 2^53. For |d| < 2^63 and a precision p <= 18,
 * d * 10^p = m * 10^p / 2^k (k = -e) is computed exactly in 128 bits (m * 10^p < 2^113), and
 * rounded to an integer half to even, as glibc does in the default rounding mode. The tests
 * (NumberPrintingTests) compare it with glibc over millions of values, and a PDF rendered
 * with it with one rendered through glibc alone. */
#include "include/handout_numbers.h"

#include <fenv.h>
#include <langinfo.h>
#include <stdarg.h>
#include <stdint.h>
#include <string.h>

extern int __vsnprintf_chk(char *s, size_t maxlen, int flag, size_t slen, const char *format, va_list ap);
extern void __chk_fail(void) __attribute__((noreturn));

static const uint64_t powers_of_ten[19] = {
  1ULL, 10ULL, 100ULL, 1000ULL, 10000ULL, 100000ULL, 1000000ULL, 10000000ULL, 100000000ULL,
  1000000000ULL, 10000000000ULL, 100000000000ULL, 1000000000000ULL, 10000000000000ULL,
  100000000000000ULL, 1000000000000000ULL, 10000000000000000ULL, 100000000000000000ULL,
  1000000000000000000ULL,
};

int handout_format_fixed(char *out, size_t size, double value, int precision) {
  if (precision < 0 || precision > 18 || size < 64) return -1;
  uint64_t bits;
  memcpy(&bits, &value, sizeof bits);
  int negative = (int)(bits >> 63);
  int exponent = (int)((bits >> 52) & 0x7FF);
  uint64_t mantissa = bits & ((1ULL << 52) - 1);
  if (exponent == 0x7FF) return -1;  /* infinity or NaN: glibc's words */
  if (exponent == 0) {
    exponent = 1;  /* subnormal */
  } else {
    mantissa |= 1ULL << 52;
  }
  int shift = 1075 - exponent;  /* value = mantissa / 2^shift */
  if (shift < 0 && mantissa != 0) {
    if (shift < -10) return -1;  /* |value| >= 2^63: not worth it here */
  }
  unsigned __int128 scaled = (unsigned __int128)mantissa * powers_of_ten[precision];
  unsigned __int128 rounded;
  if (shift <= 0) {
    rounded = scaled << -shift;
  } else if (shift >= 128) {
    rounded = 0;  /* scaled < 2^113 <= half */
  } else {
    unsigned __int128 quotient = scaled >> shift;
    unsigned __int128 remainder = scaled - (quotient << shift);
    unsigned __int128 half = (unsigned __int128)1 << (shift - 1);
    if (remainder > half || (remainder == half && (quotient & 1))) quotient += 1;
    rounded = quotient;
  }
  uint64_t unit = powers_of_ten[precision];
  unsigned __int128 whole = rounded / unit;
  uint64_t fraction = (uint64_t)(rounded - whole * unit);
  if (whole > (unsigned __int128)UINT64_MAX) return -1;
  char digits[24];
  int count = 0;
  uint64_t integer = (uint64_t)whole;
  do {
    digits[count++] = (char)('0' + integer % 10);
    integer /= 10;
  } while (integer);
  int length = 0;
  if (negative) out[length++] = '-';
  while (count) out[length++] = digits[--count];
  if (precision > 0) {
    out[length++] = '.';
    for (int place = precision - 1; place >= 0; place--) {
      out[length + place] = (char)('0' + fraction % 10);
      fraction /= 10;
    }
    length += precision;
  }
  out[length] = 0;
  return length;
}

static _Atomic int enabled = 1;
static unsigned long printed = 0;

void handout_numbers_set_enabled(int on) { enabled = on; }

unsigned long handout_numbers_printed(void) { return printed; }

/* Whether this process prints numbers as the "C" locale does, in the default rounding mode. */
static int plain_numbers(void) {
  if (!enabled) return 0;
  const char *point = nl_langinfo(RADIXCHAR);
  return point && point[0] == '.' && point[1] == 0 && fegetround() == FE_TONEAREST;
}

int __snprintf_chk(char *s, size_t maxlen, int flag, size_t slen, const char *format, ...) {
  va_list ap;
  va_start(ap, format);
  if (slen < maxlen) __chk_fail();
  int precision = -1;
  if (format[0] == '%') {
    if (format[1] == 'f' && format[2] == 0) {
      precision = 6;
    } else if (format[1] == '.' && format[2] == '*' && format[3] == 'f' && format[4] == 0) {
      precision = -2;
    } else if (format[1] == '.' && format[2] == '1' && format[3] == '8' && format[4] == 'f' && format[5] == 0) {
      precision = 18;
    }
  }
  if (precision != -1 && plain_numbers()) {
    va_list copy;
    va_copy(copy, ap);
    if (precision == -2) precision = va_arg(copy, int);
    double value = va_arg(copy, double);
    va_end(copy);
    char text[64];
    int length = handout_format_fixed(text, sizeof text, value, precision);
    if (length >= 0) {
      va_end(ap);
      __atomic_fetch_add(&printed, 1, __ATOMIC_RELAXED);
      if (maxlen > 0) {
        size_t kept = (size_t)length < maxlen - 1 ? (size_t)length : maxlen - 1;
        memcpy(s, text, kept);
        s[kept] = 0;
      }
      return length;
    }
  }
  int result = __vsnprintf_chk(s, maxlen, flag, slen, format, ap);
  va_end(ap);
  return result;
}
