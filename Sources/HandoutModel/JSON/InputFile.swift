#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Reads an input file whole, after checking that it is a regular file within a size limit:
/// a 1.5 GB file named as a plan is refused from its size, never read.
public enum InputFile {
  /// Why a file could not be read, in words for the person who named it.
  public struct Problem: Error, Sendable, Equatable {
    public var message: String
    public var hint: String
  }

  /// The file's bytes, or the problem.
  public static func read(_ path: String, limit: Int) -> Result<[UInt8], Problem> {
    var status = stat()
    guard stat(path, &status) == 0 else {
      let reason = String(cString: strerror(errno))
      return .failure(Problem(message: "cannot open the file: \(reason)", hint: "check the path and the file's permissions"))
    }
    guard status.st_mode & S_IFMT == S_IFREG else {
      let kind = status.st_mode & S_IFMT == S_IFDIR ? "a folder" : "not a regular file"
      return .failure(Problem(message: "this is \(kind), not a file", hint: "name a JSON file"))
    }
    guard status.st_size <= limit else {
      return .failure(Problem(
        message: "the file is \(Int(status.st_size).grouped) bytes; the limit is \(limit.grouped)",
        hint: "a plan, layout or catalogue is a few kilobytes: is this the right file?"))
    }
    let descriptor = open(path, O_RDONLY)
    guard descriptor >= 0 else {
      return .failure(Problem(message: "cannot open the file: \(String(cString: strerror(errno)))", hint: "check the file's permissions"))
    }
    defer { close(descriptor) }
    var bytes: [UInt8] = []
    bytes.reserveCapacity(Int(status.st_size))
    var buffer = [UInt8](repeating: 0, count: 65536)
    while true {
      let count = buffer.withUnsafeMutableBytes { Glibc.read(descriptor, $0.baseAddress, $0.count) }
      if count < 0 {
        if errno == EINTR { continue }
        return .failure(Problem(message: "cannot read the file: \(String(cString: strerror(errno)))", hint: "check the file and the disk"))
      }
      if count == 0 { break }
      bytes += buffer[..<count]
      // The file grew after stat: the limit still holds.
      if bytes.count > limit {
        return .failure(Problem(
          message: "the file is more than \(limit.grouped) bytes, the limit", hint: "a plan, layout or catalogue is a few kilobytes: is this the right file?"))
      }
    }
    return .success(bytes)
  }
}
