import Foundation
import Prometheus

/// What `/metrics` shows, in Prometheus's text format: requests by route and status, their
/// latency, renders by format and outcome, and the queue's depth.
final class ServerMetrics: Sendable {
  let registry = PrometheusCollectorRegistry()
  private let latency: DurationHistogram
  private let queueDepth: Gauge
  private let busyWorkers: Gauge

  init() {
    latency = registry.makeDurationHistogram(
      descriptor: .init(
        namespace: "handout", metricName: "request_duration", unitName: "seconds",
        helpText: "Time from a request's arrival to its answer"),
      buckets: [.milliseconds(5), .milliseconds(10), .milliseconds(25), .milliseconds(50), .milliseconds(100),
                .milliseconds(250), .milliseconds(500), .seconds(1), .seconds(2.5), .seconds(5), .seconds(10)])
    queueDepth = registry.makeGauge(
      descriptor: .init(namespace: "handout", metricName: "queue_depth", unitName: "", helpText: "Requests waiting for a worker"))
    busyWorkers = registry.makeGauge(
      descriptor: .init(namespace: "handout", metricName: "busy_workers", unitName: "", helpText: "Workers rendering now"))
  }

  func request(route: String, status: Int, seconds: Double) {
    registry.makeCounter(
      descriptor: .init(namespace: "handout", metricName: "requests", unitName: "total", helpText: "Requests answered"),
      labels: [("route", route), ("status", String(status))]
    ).increment()
    latency.record(.nanoseconds(Int64(seconds * 1e9)))
  }

  /// One render: `outcome` is ok, invalid (422), queue_full, timed_out or failed.
  func render(format: String, outcome: String) {
    registry.makeCounter(
      descriptor: .init(namespace: "handout", metricName: "renders", unitName: "total", helpText: "Renders by format and outcome"),
      labels: [("format", format), ("outcome", outcome)]
    ).increment()
  }

  func validation(ok: Bool) {
    registry.makeCounter(
      descriptor: .init(namespace: "handout", metricName: "validations", unitName: "total", helpText: "Plans checked by /v1/validate"),
      labels: [("outcome", ok ? "ok" : "invalid")]
    ).increment()
  }

  func queue(depth: Int, busy: Int) {
    queueDepth.set(Double(depth))
    busyWorkers.set(Double(busy))
  }

  func text() -> [UInt8] { registry.emitToBuffer() }
}
