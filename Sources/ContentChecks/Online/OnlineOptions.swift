import Foundation

/// How `salve check --online` treats the web: politely, with bounded work, and remembering results.
public struct OnlineOptions: Sendable {
    /// Requests in flight at once, across all hosts.
    public var concurrency: Int = 8
    /// Requests in flight at once to one host, so no publisher is hammered.
    public var perHost: Int = 2
    /// Seconds before a request is given up.
    public var timeout: TimeInterval = 10
    /// Further attempts after a timeout, a network error, 429 or a 5xx answer.
    public var retries: Int = 2
    /// Seconds before the first retry; doubled for each one after.
    public var backoff: TimeInterval = 0.5
    /// Status codes that mean the link works.
    public var accepted: Set<Int> = Set(200..<400)
    /// URL prefixes never requested (intranets, sites known to block robots).
    public var excluded: [String] = []
    /// Where results are remembered between runs, so CI does not ask the same publisher every time.
    public var cacheFile: URL?
    /// How long a remembered result is trusted.
    public var maxAge: TimeInterval = 7 * 24 * 3600
    /// Where DOIs are resolved: `https://doi.org/` + the DOI.
    public var doiResolver: String = "https://doi.org/"

    public init() {}
}
