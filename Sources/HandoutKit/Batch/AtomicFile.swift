import Foundation

/// Why a file could not be written.
public struct WriteError: Error, CustomStringConvertible {
  public var path: String
  public var reason: String
  public var description: String { "cannot write \(path): \(reason)" }
}

/// Writes `bytes` to `path` through a temporary file in the same folder and a rename, so that no
/// reader ever sees a half-written file, even if the process is killed mid-write. The folder is
/// created when missing.
public func writeAtomically(_ bytes: [UInt8], to path: String) throws(WriteError) {
  let url = URL(fileURLWithPath: path)
  let folder = url.deletingLastPathComponent().path
  do {
    try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
  } catch {
    throw WriteError(path: path, reason: "cannot create the folder \(folder)")
  }
  let temporary = folder + "/." + url.lastPathComponent + ".\(getpid())-\(UInt32.random(in: 0...UInt32.max)).tmp"
  let descriptor = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
  guard descriptor >= 0 else { throw WriteError(path: path, reason: String(cString: strerror(errno))) }
  var written = 0
  let failure: String? = bytes.withUnsafeBytes { buffer in
    while written < buffer.count {
      let count = write(descriptor, buffer.baseAddress! + written, buffer.count - written)
      if count < 0 {
        if errno == EINTR { continue }
        return String(cString: strerror(errno))
      }
      written += count
    }
    return nil
  }
  if close(descriptor) != 0, failure == nil {
    unlink(temporary)
    throw WriteError(path: path, reason: String(cString: strerror(errno)))
  }
  if let failure {
    unlink(temporary)
    throw WriteError(path: path, reason: failure)
  }
  if rename(temporary, path) != 0 {
    let reason = String(cString: strerror(errno))
    unlink(temporary)
    throw WriteError(path: path, reason: reason)
  }
}

/// Whether `path` is a finished PDF: present, and ending with `%%EOF` as every PDF Handout
/// writes does. Since files are renamed into place, one that exists is whole; the check guards
/// against files from elsewhere.
public func isCompletePDF(at path: String) -> Bool {
  guard let handle = FileHandle(forReadingAtPath: path) else { return false }
  defer { try? handle.close() }
  guard let end = try? handle.seekToEnd(), end > 8 else { return false }
  try? handle.seek(toOffset: end > 32 ? end - 32 : 0)
  let tail = handle.readDataToEndOfFile()
  return String(decoding: tail, as: UTF8.self).contains("%%EOF")
}
