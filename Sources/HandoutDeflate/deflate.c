/* Cairo's PDF streams stored, for the post-pass to compress once.
 *
 * Cairo 1.16 deflates every page's content stream (and its font subsets) as it writes them, and
 * offers no way to turn that off; Handout's post-pass then inflates those streams, edits them
 * and deflates them again: two compressions of the same bytes, about 15 M instructions of a
 * render's 135 M. This file defines deflateInit_, the entry point behind zlib's deflateInit
 * macro that Cairo calls, so that the executable's definition is the one Cairo reaches (as
 * HandoutNumbers does for number printing). It is exactly zlib's own deflateInit_ (deflateInit2_
 * with zlib's defaults), except that while the calling thread has turned storing on the level
 * is 0: the stream stays valid zlib (stored blocks), and costs a copy and a checksum. The
 * renderer turns storing on around its Cairo PDF calls only; the post-pass compresses every
 * stored stream it writes, so the file's bytes are those of one compression. */
#include "include/handout_deflate.h"

#include <zlib.h>

static __thread int storing = 0;

void handout_deflate_set_storing(int on) { storing = on; }

int deflateInit_(z_streamp strm, int level, const char *version, int stream_size) {
  return deflateInit2_(strm, storing ? 0 : level, Z_DEFLATED, MAX_WBITS, 8, Z_DEFAULT_STRATEGY, version, stream_size);
}
