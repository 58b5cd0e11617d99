/* The post-pass's compression: libdeflate's zlib format, one compressor per thread and level.
 *
 * libdeflate compresses a whole buffer at once, which is all the post-pass ever has, in about
 * 60 % of zlib's instructions at the same level and to slightly fewer bytes (the reference
 * plan's 13 streams: 10.5 M instructions and 38,546 bytes at level 6, against zlib's 17.0 M and
 * 39,410). A compressor holds its hash tables (a few hundred KB), so each thread keeps the ones
 * it made and frees them when it ends. */
#include "include/handout_deflate.h"

#include <libdeflate.h>
#include <pthread.h>
#include <stdlib.h>

enum { levels = 13 }; /* libdeflate's levels, 0 to 12 */

static pthread_key_t compressors_key;
static pthread_once_t compressors_once = PTHREAD_ONCE_INIT;

static void free_compressors(void *value) {
  struct libdeflate_compressor **compressors = value;
  for (int level = 0; level < levels; level++)
    if (compressors[level]) libdeflate_free_compressor(compressors[level]);
  free(compressors);
}

static void make_key(void) { pthread_key_create(&compressors_key, free_compressors); }

static struct libdeflate_compressor *compressor(int level) {
  pthread_once(&compressors_once, make_key);
  struct libdeflate_compressor **compressors = pthread_getspecific(compressors_key);
  if (!compressors) {
    compressors = calloc(levels, sizeof *compressors);
    if (!compressors || pthread_setspecific(compressors_key, compressors) != 0) {
      free(compressors);
      return NULL;
    }
  }
  if (!compressors[level]) compressors[level] = libdeflate_alloc_compressor(level);
  return compressors[level];
}

size_t handout_zlib_bound(size_t length) { return libdeflate_zlib_compress_bound(NULL, length); }

size_t handout_zlib_compress(const void *input, size_t length, void *output, size_t capacity, int level) {
  if (level < 0) level = 6;
  if (level >= levels) level = levels - 1;
  struct libdeflate_compressor *c = compressor(level);
  return c ? libdeflate_zlib_compress(c, input, length, output, capacity) : 0;
}

int handout_zlib_decompress(const void *input, size_t length, void *output, size_t capacity, size_t *written) {
  static __thread struct libdeflate_decompressor *d = NULL; /* small (about 32 KB); kept per thread */
  if (!d && !(d = libdeflate_alloc_decompressor())) return -1;
  size_t consumed = 0;
  switch (libdeflate_zlib_decompress_ex(d, input, length, output, capacity, &consumed, written)) {
  case LIBDEFLATE_SUCCESS: return 0;
  case LIBDEFLATE_INSUFFICIENT_SPACE: return 1;
  default: return -1;
  }
}
