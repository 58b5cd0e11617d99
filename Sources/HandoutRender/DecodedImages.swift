import CCairo
import CRsvg
import HandoutLayout
import Synchronization

/// An SVG parsed once by librsvg, drawn as vectors as often as needed.
///
/// librsvg handles must not be used by two threads at once; the lock sees to that.
final class DecodedSVG: DecodedImage {
  private let handle: Mutex<UncheckedPointer<UnsafeMutablePointer<RsvgHandle>>>

  init(_ handle: UnsafeMutablePointer<RsvgHandle>) {
    self.handle = Mutex(UncheckedPointer(handle))
  }

  deinit {
    handle.withLock { g_object_unref(UnsafeMutableRawPointer($0.value)) }
  }

  /// Draws the whole image into `rect`.
  func draw(on cr: OpaquePointer?, in rect: Rect) {
    handle.withLock { handle in
      var viewport = RsvgRectangle(x: rect.x, y: rect.y, width: rect.width, height: rect.height)
      _ = rsvg_handle_render_document(handle.value, cr, &viewport, nil)
    }
  }
}

/// A PNG decoded once into a Cairo image surface.
final class DecodedPNG: DecodedImage {
  private let surface: Mutex<UncheckedPointer<OpaquePointer>>

  init(_ surface: OpaquePointer) {
    self.surface = Mutex(UncheckedPointer(surface))
  }

  deinit {
    surface.withLock { cairo_surface_destroy($0.value) }
  }

  /// Lends the surface to `body`, which must not keep it.
  func withSurface<T>(_ body: (OpaquePointer) -> T) -> T {
    surface.withLock { body($0.value) }
  }
}

/// A C pointer kept inside a lock, which alone reaches it.
struct UncheckedPointer<T>: @unchecked Sendable {
  let value: T

  init(_ value: T) {
    self.value = value
  }
}

/// Decodes images into assets, each once, and counts the decodes it has made.
public final class AssetDecoder {
  /// How many images this decoder has parsed or decoded.
  public private(set) var decodeCount = 0

  public init() {}

  /// The image as an asset: its natural size and its decoded form; `nil` when it cannot be
  /// decoded as `format`.
  public func decode(_ data: [UInt8], format: Image.Format) -> Asset? {
    switch format {
    case .svg:
      decodeCount += 1
      guard let handle = ImageDecoder().svgHandle(data) else { return nil }
      rsvg_handle_set_dpi(handle, 72)
      guard let size = ImageDecoder().svgSize(of: handle) else {
        g_object_unref(UnsafeMutableRawPointer(handle))
        return nil
      }
      return Asset(format: .svg, data: data, size: size, decoded: DecodedSVG(handle))
    case .png:
      guard let size = ImageDecoder().pngSize(data) else { return nil }
      decodeCount += 1
      let source = PNGSource(data)
      guard let surface = cairo_image_surface_create_from_png_stream(PNGSource.read, source.closure) else { return nil }
      guard cairo_surface_status(surface) == CAIRO_STATUS_SUCCESS else {
        cairo_surface_destroy(surface)
        return nil
      }
      return Asset(format: .png, data: data, size: size, decoded: DecodedPNG(surface))
    case .jpeg:
      // The bytes go into the PDF as they are; only the header is read.
      guard let size = ImageDecoder().jpegSize(data) else { return nil }
      return Asset(format: .jpeg, data: data, size: size)
    }
  }
}
