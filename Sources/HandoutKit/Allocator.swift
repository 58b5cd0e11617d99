#if canImport(Glibc)
  import Glibc
#endif

/// Sets glibc's allocator for rendering many documents in one process.
///
/// By default glibc hands memory back to the system whenever the top of the heap has 128 KB
/// free, and maps larger blocks one by one, raising that threshold as it goes. A render
/// allocates and frees a few megabytes (Cairo's page recording, the PDF bytes, Pango layouts),
/// so every document faulted the same pages in again: about 85 page faults a render. Keeping
/// up to 64 MB of free heap, and mapping only blocks of 32 MB or more, takes that to about 17;
/// the peak (what RSS reports) is the same, since the heap still grows only as far as a render
/// needs. Call it once, at start, before the first render; it does nothing off glibc.
public func tuneAllocatorForRendering() {
  #if canImport(Glibc)
    let (trimThreshold, mmapThreshold): (Int32, Int32) = (-1, -3)  // M_TRIM_THRESHOLD, M_MMAP_THRESHOLD
    _ = mallopt(trimThreshold, 64 << 20)
    _ = mallopt(mmapThreshold, 32 << 20)
  #endif
}

/// Keeps glibc's allocator to one arena, for a process that renders on one thread at a time.
///
/// glibc gives each thread that allocates its own arena, so a batch on one job, whose renders
/// run on a worker while the main thread read the catalogue and the plans, kept two heaps with
/// their own free memory: one arena takes 0.6 to 1.0 MB off the peak RSS of a 1,000-plan batch
/// (two rounds each way, MALLOC_ARENA_MAX=1 against the default), at the same instruction
/// count. With more jobs, threads would queue for the one arena's lock, so call it only for
/// one job, before the first render; it does nothing off glibc.
public func keepAllocatorToOneArena() {
  #if canImport(Glibc)
    _ = mallopt(-8, 1)  // M_ARENA_MAX
  #endif
}

#if canImport(Glibc)
  /// glibc's mallopt; <malloc.h> is not part of Swift's Glibc module, so it is looked up by name.
  private func mallopt(_ parameter: Int32, _ value: Int32) -> Int32 {
    typealias Mallopt = @convention(c) (Int32, Int32) -> Int32
    guard let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "mallopt") else { return 0 }
    return unsafeBitCast(symbol, to: Mallopt.self)(parameter, value)
  }
#endif
