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
    /// Crossref's REST API, asked for retractions and expressions of concern (`works/` + the DOI).
    public var crossrefAPI: String = "https://api.crossref.org/"
    /// NCBI's E-utilities, asked for PubMed records (`esummary.fcgi`).
    public var eutils: String = "https://eutils.ncbi.nlm.nih.gov/entrez/eutils/"
    /// An address the services can write to about our requests (`contact-email` in `site.yml`).
    public var contactEmail: String?
    /// Seconds between the starts of two requests to one metadata service: a few a second at most.
    public var requestInterval: TimeInterval = 0.34
    /// Where fetched metadata is remembered with its date (beside the link cache when not set).
    public var metadataCacheFile: URL?

    /// The user agent of every request: names the tool and, when known, who to write to.
    public var userAgent: String {
        "salve/0.1.0 (patient-education site generator" + (contactEmail.map { "; mailto:\($0)" } ?? "") + ")"
    }

    /// A base URL with exactly one trailing slash.
    public static func base(_ url: String) -> String { url.hasSuffix("/") ? url : url + "/" }

    public init() {}
}
