#ifndef HANDOUT_DEFLATE_H
#define HANDOUT_DEFLATE_H

#include <stddef.h>

/// While on (for the calling thread), zlib streams that libraries start with deflateInit are
/// stored, not compressed: Cairo's PDF streams, which the PDF post-pass compresses once itself.
void handout_deflate_set_storing(int on);

/// Whether storing is on for the calling thread.
int handout_deflate_storing(void);

/// The most bytes `handout_zlib_compress` writes for `length` bytes of input.
size_t handout_zlib_bound(size_t length);

/// `input` compressed as one zlib stream at `level` (0 to 12, negative for 6) with libdeflate,
/// into `output`; the number of bytes written, or 0 when `capacity` is too small or memory ran
/// out. The same bytes for the same input and level.
size_t handout_zlib_compress(const void *input, size_t length, void *output, size_t capacity, int level);

/// One zlib stream at the start of `input` (bytes after its end are ignored) decompressed into
/// `output`, its length in `*written`: 0 when done, 1 when `capacity` is too small, -1 when the
/// data is not a valid zlib stream or memory ran out.
int handout_zlib_decompress(const void *input, size_t length, void *output, size_t capacity, size_t *written);

#endif
