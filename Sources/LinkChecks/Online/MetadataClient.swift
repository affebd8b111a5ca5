import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// An answer's status and body.
public struct HTTPAnswer: Sendable {
    public var status: Int
    public var body: Data
    /// Seconds the server asked us to wait before asking again (`Retry-After` on a 429 or 503).
    public var retryAfter: TimeInterval?

    public init(status: Int, body: Data, retryAfter: TimeInterval? = nil) {
        self.status = status
        self.body = body
        self.retryAfter = retryAfter
    }
}

/// Fetches a document (GET). A protocol so tests can stand in for the network.
public protocol DocumentFetching: Sendable {
    func get(_ url: URL, accept: String, userAgent: String, timeout: TimeInterval) async throws -> HTTPAnswer
}

/// The real client: URLSession, following redirects (doi.org answers with one).
public struct URLSessionDocumentFetcher: DocumentFetching {
    public init() {}

    public func get(_ url: URL, accept: String, userAgent: String, timeout: TimeInterval) async throws -> HTTPAnswer {
        let (data, http) = try await OnlineRequest.send(url, method: "GET", headers: ["Accept": accept, "User-Agent": userAgent],
                                                       timeout: timeout)
        let retryAfter = http.value(forHTTPHeaderField: "Retry-After").flatMap { TimeInterval($0.trimmingCharacters(in: .whitespaces)) }
        return HTTPAnswer(status: http.statusCode, body: data, retryAfter: retryAfter)
    }
}

/// What asking a service came to: an answer (after retries), or no answer at all.
public enum Fetched: Sendable {
    case answer(HTTPAnswer)
    case failed(String)
}

/// Asks the metadata services politely: an identifying user agent, a few requests a second to each
/// host at most, retries with doubling back-off after timeouts, 429 and 5xx answers, and answers
/// remembered with their date so the next run does not ask again.
public final class MetadataClient: Sendable {
    public let options: OnlineOptions
    private let fetcher: any DocumentFetching
    private let cache: MetadataCache
    private let limiter: RequestLimiter
    private let pacer: HostPacer
    private let sleep: @Sendable (TimeInterval) async -> Void

    /// The longest `Retry-After` honoured: a service asking for more is asked again next run instead.
    static let longestRetryAfter: TimeInterval = 60

    public convenience init(options: OnlineOptions, fetcher: any DocumentFetching = URLSessionDocumentFetcher()) {
        self.init(options: options, fetcher: fetcher, sleep: { try? await Task.sleep(nanoseconds: UInt64($0 * 1_000_000_000)) })
    }

    init(options: OnlineOptions, fetcher: any DocumentFetching, sleep: @escaping @Sendable (TimeInterval) async -> Void) {
        self.sleep = sleep
        self.options = options
        self.fetcher = fetcher
        let file = options.metadataCacheFile
            ?? options.cacheFile.map { $0.deletingLastPathComponent().appendingPathComponent("metadata.json") }
        cache = MetadataCache(file: file, maxAge: options.maxAge)
        limiter = RequestLimiter(total: max(1, options.concurrency), perHost: max(1, options.perHost))
        pacer = HostPacer(interval: options.requestInterval)
    }

    /// `GET url` with `Accept: accept`, from the cache when fresh.
    public func get(_ url: String, accept: String) async -> Fetched {
        let key = accept + " " + url
        if let remembered = await cache.fresh(key) {
            return .answer(HTTPAnswer(status: remembered.status, body: Data(remembered.body.utf8)))
        }
        guard let parsed = URL(string: url), let host = parsed.host else { return .failed("'\(url)' is not a valid address") }
        var outcome = Fetched.failed("no answer")
        let attempts = max(0, options.retries)
        for attempt in 0...attempts {
            if attempt > 0 {
                var delay = options.backoff * Double(1 << (attempt - 1))
                if case .answer(let answer) = outcome, let asked = answer.retryAfter {
                    if asked > Self.longestRetryAfter { return outcome }
                    delay = max(delay, asked)
                }
                await sleep(delay)
            }
            await limiter.acquire(host: host)
            await pacer.wait(host: host)
            do {
                outcome = .answer(try await fetcher.get(parsed, accept: accept, userAgent: options.userAgent, timeout: options.timeout))
            } catch {
                outcome = .failed(error.localizedDescription)
            }
            await limiter.release(host: host)
            switch outcome {
            case .answer(let answer) where answer.status == 429 || answer.status >= 500: continue
            case .failed: continue
            case .answer(let answer):
                // A record, or a plain "no such identifier", is worth remembering; anything else is asked again.
                if answer.status == 200 || answer.status == 404 { await cache.remember(
                    MetadataAnswer(status: answer.status, body: String(decoding: answer.body, as: UTF8.self),
                                   checked: Date().timeIntervalSince1970), for: key) }
                return outcome
            }
        }
        return outcome
    }

    /// Writes the cache file, when anything new was learnt.
    public func save() async { await cache.save() }

    /// A DOI as a URL path: characters that would end the path (`?`, `#`) or that URLs refuse (`<`, `>`, spaces) escaped.
    public static func pathEscaped(_ doi: String) -> String {
        var allowed = CharacterSet.urlPathAllowed
        allowed.remove(charactersIn: "?#;%")
        return doi.addingPercentEncoding(withAllowedCharacters: allowed) ?? doi
    }

    public func resolverURL(doi: String) -> String { OnlineOptions.base(options.doiResolver) + Self.pathEscaped(doi) }

    public func crossrefURL(doi: String) -> String { OnlineOptions.base(options.crossrefAPI) + "works/" + Self.pathEscaped(doi) }

    public func esummaryURL(pmid: String) -> String {
        var url = OnlineOptions.base(options.eutils) + "esummary.fcgi?db=pubmed&retmode=json&id=" + pmid + "&tool=salve"
        if let email = options.contactEmail?.addingPercentEncoding(withAllowedCharacters: .alphanumerics.union(CharacterSet(charactersIn: ".-_"))) {
            url += "&email=" + email
        }
        return url
    }

    public static let cslJSON = "application/vnd.citationstyles.csl+json"
    public static let json = "application/json"
}

/// Spaces the starts of requests to one host by at least `interval` seconds. The clock and the sleep
/// are parameters so tests can check the spacing without waiting.
actor HostPacer {
    private let interval: TimeInterval
    private let now: @Sendable () -> Date
    private let sleep: @Sendable (TimeInterval) async -> Void
    private var next: [String: Date] = [:]

    init(interval: TimeInterval, now: @escaping @Sendable () -> Date = { Date() },
         sleep: @escaping @Sendable (TimeInterval) async -> Void = { try? await Task.sleep(nanoseconds: UInt64($0 * 1_000_000_000)) }) {
        self.interval = interval
        self.now = now
        self.sleep = sleep
    }

    func wait(host: String) async {
        guard interval > 0 else { return }
        let current = now()
        let start = max(current, next[host] ?? current)
        next[host] = start.addingTimeInterval(interval)
        let delay = start.timeIntervalSince(current)
        if delay > 0 { await sleep(delay) }
    }
}

/// A remembered answer of a metadata service (`{"GET key": {"status": 200, "body": "…", "checked": …}}`).
struct MetadataAnswer: DatedEntry {
    var status: Int
    var body: String
    var checked: TimeInterval
}

typealias MetadataCache = DatedCache<MetadataAnswer>
