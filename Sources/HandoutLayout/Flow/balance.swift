extension Distributor {
  /// The last piece of a columns block filled at the lowest height at which its columns
  /// still take everything, found by bisection to half a point, so the columns end even.
  func balance(_ flow: ColumnFlow, height: Double) -> FilledColumns {
    var low = 0.0
    var high = height
    for _ in 0..<16 where high - low > 0.5 {
      let middle = (low + high) / 2
      let trial = fillColumns(flow, height: middle)
      let takesAll = !trial.items[trial.restStart...].contains(where: \.isContent)
      if takesAll && trial.height <= middle + Self.tolerance {
        high = middle
      } else {
        low = middle
      }
    }
    return fillColumns(flow, height: high)
  }
}
