import ContentModel
import Diagnostics
import Foundation

/// One address to check, and everywhere it is written.
public struct LinkTarget: Sendable {
    public var url: String
    public var locations: [SourceLocation]
    /// What the address is, for messages: "the DOI of 'belavy2017'", "a link".
    public var label: String

    public init(url: String, locations: [SourceLocation], label: String) {
        self.url = url
        self.locations = locations
        self.label = label
    }
}

/// `salve check --online`: every external URL and DOI, checked over HTTP(S).
public enum OnlineChecker {
    /// The addresses in the bibliography (URL and DOI) and in page bodies, each once.
    public static func targets(in graph: ContentGraph, options: OnlineOptions) -> [LinkTarget] {
        var order: [String] = []
        var byURL: [String: LinkTarget] = [:]
        func add(_ url: String, _ location: SourceLocation, _ label: String) {
            guard !options.excluded.contains(where: { url.hasPrefix($0) }) else { return }
            if byURL[url] == nil {
                order.append(url)
                byURL[url] = LinkTarget(url: url, locations: [], label: label)
            }
            byURL[url]?.locations.append(location)
        }
        for reference in graph.bibliography.entries {
            // Malformed URLs and DOIs are already reported offline; only well-formed ones are fetched.
            if let url = reference.url, Identifiers.checkURL(url).isUsable {
                add(url, reference.location(of: "URL"), "the URL of '\(reference.id)'")
            }
            if let doi = reference.doi, Identifiers.doiProblem(doi) == nil {
                add(options.doiResolver + doi, reference.location(of: "DOI"), "the DOI of '\(reference.id)'")
            }
        }
        for page in graph.allPages {
            for link in page.body.externalLinks { add(link.value, link.location, "the link") }
        }
        return order.compactMap { byURL[$0] }
    }

    /// Checks every target with bounded concurrency and per-host politeness, using and updating the cache.
    public static func check(_ targets: [LinkTarget], options: OnlineOptions,
                             fetcher: any StatusFetching = URLSessionFetcher()) async -> [Diagnostic] {
        let cache = LinkCache(file: options.cacheFile, maxAge: options.maxAge)
        let limiter = RequestLimiter(total: max(1, options.concurrency), perHost: max(1, options.perHost))
        let outcomes = await withTaskGroup(of: (Int, Outcome).self) { group in
            for (index, target) in targets.enumerated() {
                group.addTask {
                    if let known = await cache.fresh(target.url) { return (index, .status(known.status)) }
                    let outcome = await fetchWithRetries(target.url, options: options, fetcher: fetcher, limiter: limiter)
                    if case .status(let status) = outcome, LinkStatus.isDefinitive(status, accepted: options.accepted) {
                        await cache.remember(LinkStatus(status: status, checked: Date().timeIntervalSince1970), for: target.url)
                    }
                    return (index, outcome)
                }
            }
            var results = [Outcome?](repeating: nil, count: targets.count)
            for await (index, outcome) in group { results[index] = outcome }
            return results
        }
        await cache.save()
        var diagnostics: [Diagnostic] = []
        for (target, outcome) in zip(targets, outcomes) {
            guard let outcome, let (severity, message) = verdict(outcome, target: target, accepted: options.accepted) else { continue }
            for location in target.locations {
                diagnostics.append(Diagnostic(severity, severity == .error ? .brokenURL : .unverifiedURL, message, at: location))
            }
        }
        return diagnostics
    }

    enum Outcome: Sendable {
        case status(Int)
        case failed(String)
    }

    static func verdict(_ outcome: Outcome, target: LinkTarget, accepted: Set<Int>) -> (Severity, String)? {
        switch outcome {
        case .status(let status) where accepted.contains(status):
            return nil
        case .status(let status) where [401, 403, 429].contains(status):
            return (.warning, "\(target.label) (\(target.url)) answered \(status): many publishers refuse automated checks; open it in a browser to confirm it works")
        case .status(let status) where status >= 500:
            return (.warning, "\(target.label) (\(target.url)) answered \(status) (a server error) after retries; check it again later")
        case .status(let status):
            return (.error, "\(target.label) (\(target.url)) is broken: the server answered \(status)\(status == 404 || status == 410 ? " (not found)" : "")")
        case .failed(let reason):
            return (.warning, "\(target.label) (\(target.url)) could not be reached: \(reason)")
        }
    }

    static func fetchWithRetries(_ url: String, options: OnlineOptions, fetcher: any StatusFetching,
                                 limiter: RequestLimiter) async -> Outcome {
        guard let parsed = URL(string: url), let host = parsed.host else { return .failed("it is not a valid address") }
        var outcome = Outcome.failed("no answer")
        for attempt in 0...max(0, options.retries) {
            if attempt > 0 {
                let delay = options.backoff * Double(1 << (attempt - 1))
                try? await Task.sleep(nanoseconds: UInt64(delay * 1_000_000_000))
            }
            await limiter.acquire(host: host)
            do {
                var status = try await fetcher.status(of: parsed, method: "HEAD", timeout: options.timeout)
                // Some servers do not answer HEAD: ask again with GET.
                if status == 405 || status == 501 {
                    status = try await fetcher.status(of: parsed, method: "GET", timeout: options.timeout)
                }
                outcome = .status(status)
            } catch {
                outcome = .failed(error.localizedDescription)
            }
            await limiter.release(host: host)
            switch outcome {
            case .status(let status) where status == 429 || status >= 500: continue
            case .failed: continue
            default: return outcome
            }
        }
        return outcome
    }
}

/// Limits requests in flight, overall and per host.
actor RequestLimiter {
    private let total: Int
    private let perHost: Int
    private var running = 0
    private var runningByHost: [String: Int] = [:]
    private var waiting: [(host: String, continuation: CheckedContinuation<Void, Never>)] = []

    init(total: Int, perHost: Int) {
        self.total = total
        self.perHost = perHost
    }

    func acquire(host: String) async {
        if canStart(host) {
            start(host)
            return
        }
        await withCheckedContinuation { waiting.append((host, $0)) }
    }

    func release(host: String) {
        running -= 1
        runningByHost[host, default: 1] -= 1
        // Wake the first waiter that may now start.
        if let index = waiting.firstIndex(where: { canStart($0.host) }) {
            let next = waiting.remove(at: index)
            start(next.host)
            next.continuation.resume()
        }
    }

    private func canStart(_ host: String) -> Bool {
        running < total && runningByHost[host, default: 0] < perHost
    }

    private func start(_ host: String) {
        running += 1
        runningByHost[host, default: 0] += 1
    }
}
