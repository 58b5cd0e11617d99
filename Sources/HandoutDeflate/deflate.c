/* Cairo's PDF streams stored, for the post-pass to compress once.
 *
 * Cairo 1.16 deflates every page's content stream (and its font subsets) as it writes them, and
 * offers no way to turn that off; Handout's post-pass then inflates those streams, edits them
 * and deflates them again: two compressions of the same bytes, about 15 M instructions of a
 * render's 135 M. This file defines deflateInit_, the entry point behind zlib's deflateInit
 * macro that Cairo calls, so that the executable's definition is the one Cairo reaches (as
 * HandoutNumbers does for number printing). It is exactly zlib's own deflateInit_ (deflateInit2_
 * with zlib's defaults), except that while the calling thread has turned storing on the level
 * is 0, with the smallest window: the stream stays valid zlib (stored blocks, header 0x18 0x19,
 * which PDFRewrite.isStoredZlib knows), and costs a copy and a checksum. The
 * renderer turns storing on around its Cairo PDF calls only; the post-pass compresses every
 * stored stream it writes (with libdeflate, compress.c), so the file's bytes are those of one
 * compression. */
#include "include/handout_deflate.h"

#include <zlib.h>

static __thread int storing = 0;

void handout_deflate_set_storing(int on) { storing = on; }

int deflateInit_(z_streamp strm, int level, const char *version, int stream_size) {
  /* Storing needs no history: the smallest window and hash table (512 bytes and 256 entries
   * instead of 32 KB and 32,768), which zlib would otherwise allocate and clear per stream. */
  if (storing) return deflateInit2_(strm, 0, Z_DEFLATED, 9, 1, Z_DEFAULT_STRATEGY, version, stream_size);
  return deflateInit2_(strm, level, Z_DEFLATED, MAX_WBITS, 8, Z_DEFAULT_STRATEGY, version, stream_size);
}

int handout_deflate_storing(void) { return storing; }
