import CCairo

/// Collects the bytes a Cairo surface writes through its stream callback.
final class ByteSink {
  var bytes: [UInt8] = []

  /// The closure argument Cairo hands back to ``write``.
  var closure: UnsafeMutableRawPointer { Unmanaged.passUnretained(self).toOpaque() }

  /// The stream callback for `cairo_*_surface_create_for_stream`.
  static let write: cairo_write_func_t = { closure, data, length in
    guard let closure, let data else { return CAIRO_STATUS_WRITE_ERROR }
    let sink = Unmanaged<ByteSink>.fromOpaque(closure).takeUnretainedValue()
    sink.bytes.append(contentsOf: UnsafeBufferPointer(start: data, count: Int(length)))
    return CAIRO_STATUS_SUCCESS
  }
}

/// A Cairo call that failed, with Cairo's own words for why.
public struct RenderError: Error, CustomStringConvertible {
  public var description: String

  init(_ what: String, status: cairo_status_t) {
    description = "\(what): \(String(cString: cairo_status_to_string(status)))"
  }

  init(_ description: String) {
    self.description = description
  }
}
