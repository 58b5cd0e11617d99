import Foundation
import Hummingbird

/// Before every route: the bearer token, when the server has one (every `/v1/` route and
/// `/metrics`; the form, `/healthz` and `/openapi.json` are open), and after it the request
/// count and latency for `/metrics`.
struct RequestGate<Context: RequestContext>: RouterMiddleware {
  let token: [UInt8]?
  let metrics: ServerMetrics

  /// The paths `/metrics` counts by name; any other is counted as "other".
  static var routes: Set<String> { Set(HandoutService.routes.map(\.path)) }

  func handle(
    _ request: Request, context: Context, next: (Request, Context) async throws -> Response
  ) async throws -> Response {
    let start = ContinuousClock.now
    let path = request.uri.path
    let route = Self.routes.contains(path) ? path : "other"
    func seconds() -> Double {
      let elapsed = ContinuousClock.now - start
      return Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
    }
    if let token, path.hasPrefix("/v1/") || path == "/metrics", !authorized(request, token) {
      metrics.request(route: route, status: 401, seconds: seconds())
      var response = json(.unauthorized, ProblemJSON(error: "this server needs the header Authorization: Bearer <token>"))
      response.headers[.wwwAuthenticate] = "Bearer"
      return response
    }
    do {
      let response = try await next(request, context)
      metrics.request(route: route, status: response.status.code, seconds: seconds())
      return response
    } catch let error as any HTTPResponseError {
      metrics.request(route: route, status: error.status.code, seconds: seconds())
      throw error
    } catch {
      metrics.request(route: route, status: 500, seconds: seconds())
      throw error
    }
  }

  private func authorized(_ request: Request, _ token: [UInt8]) -> Bool {
    guard let header = request.headers[.authorization] else { return false }
    let prefix = "Bearer "
    guard header.count > prefix.count, header.lowercased().hasPrefix(prefix.lowercased()) else { return false }
    return constantTimeEqual(Array(header.utf8.dropFirst(prefix.utf8.count)), token)
  }
}

/// Whether two byte strings are equal, in a time that depends on their lengths only, not on
/// where they first differ.
public func constantTimeEqual(_ a: [UInt8], _ b: [UInt8]) -> Bool {
  var difference = UInt8(truncatingIfNeeded: a.count ^ b.count) | (a.count == b.count ? 0 : 1)
  let length = max(a.count, b.count)
  for index in 0..<length {
    let x = index < a.count ? a[index] : 0
    let y = index < b.count ? b[index] : 0
    difference |= x ^ y
  }
  return difference == 0
}
