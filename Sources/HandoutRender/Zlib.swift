import CZlib

/// Inflates zlib data; nil when it is not valid.
///
/// Data after the end of the zlib stream is ignored (a stream's data may end with a line break).
func inflate(_ data: [UInt8]) -> [UInt8]? {
  var stream = z_stream()
  guard inflateInit_(&stream, ZLIB_VERSION, Int32(MemoryLayout<z_stream>.size)) == Z_OK else { return nil }
  defer { inflateEnd(&stream) }
  var out: [UInt8] = []
  var buffer = [UInt8](repeating: 0, count: max(4096, min(data.count * 8, 1 << 20)))
  var input = data
  let status: Int32 = input.withUnsafeMutableBufferPointer { source in
    stream.next_in = source.baseAddress
    stream.avail_in = uInt(source.count)
    var status: Int32 = Z_OK
    repeat {
      status = buffer.withUnsafeMutableBufferPointer { target in
        stream.next_out = target.baseAddress
        stream.avail_out = uInt(target.count)
        return CZlib.inflate(&stream, Z_NO_FLUSH)
      }
      out += buffer[0..<(buffer.count - Int(stream.avail_out))]
    } while status == Z_OK && (stream.avail_in > 0 || stream.avail_out == 0)
    return status
  }
  return status == Z_STREAM_END || status == Z_OK ? out : nil
}

/// Deflates data with zlib at `level` (default: zlib's default, 6): the same bytes for the
/// same input.
func deflate(_ data: [UInt8], level: Int32 = Z_DEFAULT_COMPRESSION) -> [UInt8]? {
  var length = compressBound(uLong(data.count))
  var out = [UInt8](repeating: 0, count: Int(length))
  let status = out.withUnsafeMutableBufferPointer { target in
    data.withUnsafeBufferPointer { source in
      compress2(target.baseAddress, &length, source.baseAddress, uLong(source.count), level)
    }
  }
  guard status == Z_OK else { return nil }
  return Array(out[0..<Int(length)])
}
