import CPango

/// Releases a GObject reference held as an opaque pointer.
func releaseObject(_ pointer: OpaquePointer?) {
  if let pointer { g_object_unref(UnsafeMutableRawPointer(pointer)) }
}

/// Releases a GObject reference held as a typed pointer.
func releaseObject<T>(_ pointer: UnsafeMutablePointer<T>?) {
  if let pointer { g_object_unref(UnsafeMutableRawPointer(pointer)) }
}
