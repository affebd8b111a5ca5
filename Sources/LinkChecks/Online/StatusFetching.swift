import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// Asks a server for a URL's status code. A protocol so tests can count requests.
public protocol StatusFetching: Sendable {
    func status(of url: URL, method: String, timeout: TimeInterval) async throws -> Int
}

/// The real client: URLSession, following redirects, with an honest user agent.
public struct URLSessionFetcher: StatusFetching {
    /// Names the tool and, when the site gives one, who to write to (`OnlineOptions.userAgent`).
    public var userAgent: String

    public init(userAgent: String = "salve-link-check/0.1 (patient-education site generator)") {
        self.userAgent = userAgent
    }

    public func status(of url: URL, method: String, timeout: TimeInterval) async throws -> Int {
        try await OnlineRequest.send(url, method: method, headers: ["User-Agent": userAgent], timeout: timeout).response.statusCode
    }
}

/// One HTTP request as every online check makes it: an ephemeral session (no cookies, no cache) and
/// a timeout per request and, doubled, for the whole exchange.
enum OnlineRequest {
    static func send(_ url: URL, method: String, headers: [String: String], timeout: TimeInterval) async throws
        -> (data: Data, response: HTTPURLResponse) {
        var request = URLRequest(url: url, timeoutInterval: timeout)
        request.httpMethod = method
        for (name, value) in headers { request.setValue(value, forHTTPHeaderField: name) }
        let configuration = URLSessionConfiguration.ephemeral
        configuration.timeoutIntervalForRequest = timeout
        configuration.timeoutIntervalForResource = timeout * 2
        let session = URLSession(configuration: configuration)
        defer { session.finishTasksAndInvalidate() }
        let (data, response) = try await session.data(for: request)
        guard let http = response as? HTTPURLResponse else { throw URLError(.badServerResponse) }
        return (data, http)
    }
}

/// A link's remembered status (`{"url": {"status": 200, "checked": 1763800000}}`).
struct LinkStatus: DatedEntry {
    var status: Int
    var checked: TimeInterval
}

typealias LinkCache = DatedCache<LinkStatus>

extension LinkStatus {
    /// Worth remembering: a working link, or one that is plainly gone. Refusals, rate limits and
    /// server errors are asked again next time.
    static func isDefinitive(_ status: Int, accepted: Set<Int>) -> Bool {
        accepted.contains(status) || (400..<500).contains(status) && ![401, 403, 408, 429].contains(status)
    }
}
