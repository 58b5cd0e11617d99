import HandoutDeflate

/// Inflates zlib data; nil when it is not valid or would be longer than `limit` bytes.
///
/// Data after the end of the zlib stream is ignored (a stream's data may end with a line break).
/// The output buffer starts at four times the input (Cairo's stored streams need one time) and
/// doubles until the stream fits.
func inflate(_ data: [UInt8], limit: Int = 256 << 20) -> [UInt8]? {
  var capacity = min(limit, max(4096, data.count * 4))
  while true {
    var status: Int32 = -1
    let out = [UInt8](unsafeUninitializedCapacity: capacity) { target, initialized in
      var written = 0
      status = data.withUnsafeBufferPointer { source in
        handout_zlib_decompress(source.baseAddress, source.count, target.baseAddress, capacity, &written)
      }
      initialized = status == 0 ? written : 0
    }
    if status == 0 { return out }
    guard status == 1, capacity < limit else { return nil }
    capacity = min(limit, capacity * 2)
  }
}

/// Deflates data into a zlib stream at `level` (default: 6, zlib's default) with libdeflate
/// (Sources/HandoutDeflate): the same bytes for the same input.
func deflate(_ data: [UInt8], level: Int32 = 6) -> [UInt8]? {
  let capacity = handout_zlib_bound(data.count)
  var length = 0
  let out = [UInt8](unsafeUninitializedCapacity: capacity) { target, initialized in
    length = data.withUnsafeBufferPointer { source in
      handout_zlib_compress(source.baseAddress, source.count, target.baseAddress, capacity, level)
    }
    initialized = length
  }
  return length > 0 ? out : nil
}

/// Whether zlib streams started on this thread are stored (HandoutDeflate), as they are only
/// while the renderer runs Cairo.
var zlibStoresStreams: Bool { handout_deflate_storing() != 0 }
