#ifndef HANDOUT_DEFLATE_H
#define HANDOUT_DEFLATE_H

/// While on (for the calling thread), zlib streams that libraries start with deflateInit are
/// stored, not compressed: Cairo's PDF streams, which the PDF post-pass compresses once itself.
void handout_deflate_set_storing(int on);

#endif
