#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Reads an input file whole, after checking that it is a regular file within a size limit:
/// a 1.5 GB file named as a plan is refused from its size, never read.
public enum InputFile {
  /// Why a file could not be read: a fact, carried by ``Problem/file(_:)`` (a plan, layout or
  /// catalogue) or ``Problem/LogoFault/file(_:resolved:)``, and worded in `Problem+Message.swift`.
  public enum Problem: Error, Sendable, Hashable {
    /// `stat` or `open` failed, with `strerror`'s words.
    case cannotOpen(reason: String)
    /// A folder, or something else that is not a regular file.
    case notAFile(isFolder: Bool)
    /// Bigger than the limit: its size when known from `stat`, `nil` when it grew while read.
    case tooLarge(bytes: Int?, limit: Int)
    /// `read` failed, with `strerror`'s words.
    case cannotRead(reason: String)

  }

  /// The file's bytes, or the problem.
  public static func read(_ path: String, limit: Int) -> Result<[UInt8], Problem> {
    var status = stat()
    guard stat(path, &status) == 0 else { return .failure(.cannotOpen(reason: String(cString: strerror(errno)))) }
    guard status.st_mode & S_IFMT == S_IFREG else { return .failure(.notAFile(isFolder: status.st_mode & S_IFMT == S_IFDIR)) }
    guard status.st_size <= limit else { return .failure(.tooLarge(bytes: Int(status.st_size), limit: limit)) }
    let descriptor = open(path, O_RDONLY)
    guard descriptor >= 0 else { return .failure(.cannotOpen(reason: String(cString: strerror(errno)))) }
    defer { close(descriptor) }
    var bytes: [UInt8] = []
    bytes.reserveCapacity(Int(status.st_size))
    var buffer = [UInt8](repeating: 0, count: 65536)
    while true {
      let count = buffer.withUnsafeMutableBytes { Glibc.read(descriptor, $0.baseAddress, $0.count) }
      if count < 0 {
        if errno == EINTR { continue }
        return .failure(.cannotRead(reason: String(cString: strerror(errno))))
      }
      if count == 0 { break }
      bytes += buffer[..<count]
      // The file grew after stat: the limit still holds.
      if bytes.count > limit { return .failure(.tooLarge(bytes: nil, limit: limit)) }
    }
    return .success(bytes)
  }
}
