extension Distributor {
  /// The last piece of a columns block filled at the lowest height at which its columns
  /// still take everything, found by bisection to half a point, so the columns end even.
  ///
  /// A height is too low when a column would end at a worse break than at full height: a
  /// three-line paragraph is not split two and one to even the columns out.
  func balance(_ flow: ColumnFlow, height: Double) -> FilledColumns {
    let worst = worstEnd(fillColumns(flow, height: height))
    var low = 0.0
    var high = height
    for _ in 0..<16 where high - low > 0.5 {
      let middle = (low + high) / 2
      let trial = fillColumns(flow, height: middle)
      let takesAll = !trial.items[trial.restStart...].contains(where: \.isContent)
      if takesAll && trial.height <= middle + Self.tolerance && worstEnd(trial) <= worst {
        high = middle
      } else {
        low = middle
      }
    }
    return fillColumns(flow, height: high)
  }

  /// The strongest rule among the breaks where columns end, the last column aside.
  private func worstEnd(_ filled: FilledColumns) -> BreakRule {
    filled.fills.dropLast().compactMap { fill in filled.items[fill.range].last(where: \.isContent)?.breakAfter }
      .max() ?? .allowed
  }
}
