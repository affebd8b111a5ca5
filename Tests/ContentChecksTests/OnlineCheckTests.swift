@testable import LinkChecks
import ContentChecks
import ContentLoading
import ContentModel
import Diagnostics
import Foundation
import TestSupport
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// `salve check --online` against a local HTTP server on 127.0.0.1 (never the internet).
@Suite(.serialized) struct OnlineCheckTests {
    /// A project whose bibliography and article point at the test server.
    static func project(port: Int, urls: [String], articleLinks: [String] = [], doi: String? = nil) throws -> CheckProject {
        var entries: [String] = []
        for (index, path) in urls.enumerated() {
            entries.append("""
                  {"id": "web\(index)", "type": "webpage", "title": "Page \(index)", "container-title": "Example",
                   "URL": "http://127.0.0.1:\(port)\(path)", "accessed": {"date-parts": [[2026, 1, 5]]}}
                """)
        }
        if let doi {
            entries.append("""
                  {"id": "paper", "type": "article-journal", "author": [{"family": "Smith", "given": "A"}], "title": "T",
                   "container-title": "J", "issued": {"date-parts": [[2019]]}, "DOI": "\(doi)"}
                """)
        }
        let ids = urls.indices.map { "web\($0)" } + (doi == nil ? [] : ["paper"])
        let links = articleLinks.map { "See [the source](http://127.0.0.1:\(port)\($0))." }.joined(separator: "\n\n")
        var files = CheckProject.base
        files["seeds/references.json"] = "[\n" + entries.joined(separator: ",\n") + "\n]\n"
        files["Content/articles/guide.md"] = CheckProject.article(citing: ids, body: links)
        return try CheckProject(files)
    }

    static func options(port: Int, cache: URL? = nil) -> OnlineOptions {
        var options = OnlineOptions()
        options.timeout = 2
        options.retries = 2
        options.backoff = 0.01
        options.cacheFile = cache
        options.doiResolver = "http://127.0.0.1:\(port)/doi/"
        return options
    }

    static func run(_ project: CheckProject, _ options: OnlineOptions) async throws -> [Diagnostic] {
        let graph = try ContentLoader.load(project.options()).graph
        return await OnlineChecker.check(OnlineChecker.targets(in: graph, options: options), options: options)
    }

    @Test func statusesBecomeErrorsAndWarningsAtTheirLocations() async throws {
        let server = try TestHTTPServer()
        defer { server.stop() }
        let project = try Self.project(port: server.port, urls: ["/ok", "/gone", "/forbidden", "/no-head"],
                                       articleLinks: ["/gone"], doi: "10.1234/missing")
        defer { project.remove() }
        let found = try await Self.run(project, Self.options(port: server.port))
        let summary = found.map { "\($0.severity.rawValue) \($0.code.rawValue) \($0.location)" }.sorted()
        // Each entry takes two lines from line 2; "URL" is on an entry's second line, its value at column 11.
        #expect(summary == [
            "error broken-url Content/articles/guide.md:16:5",   // the body link to /gone
            "error broken-url seeds/references.json:11:71",      // the DOI, resolved through the resolver
            "error broken-url seeds/references.json:5:11",       // web1's URL (/gone)
            "warning unverified-url seeds/references.json:7:11", // web2 (/forbidden): publishers refuse robots
        ])
        #expect(found.contains { $0.message.contains("answered 404 (not found)") })
        // A server that refuses HEAD is asked again with GET.
        #expect(server.requests(for: "/no-head") == ["HEAD", "GET"])
        #expect(server.requests(for: "/doi/10.1234/missing") == ["HEAD"])
    }

    @Test func serverErrorsAreRetriedWithBackOff() async throws {
        let server = try TestHTTPServer()
        defer { server.stop() }
        let project = try Self.project(port: server.port, urls: ["/flaky"])
        defer { project.remove() }
        let found = try await Self.run(project, Self.options(port: server.port))
        #expect(found.isEmpty, "\(found)")
        #expect(server.requests(for: "/flaky").count == 2)  // 503, then 200
    }

    @Test func aSlowServerTimesOutAsAWarning() async throws {
        let server = try TestHTTPServer()
        defer { server.stop() }
        let project = try Self.project(port: server.port, urls: ["/slow"])
        defer { project.remove() }
        var options = Self.options(port: server.port)
        options.timeout = 0.3
        options.retries = 0
        let found = try await Self.run(project, options)
        #expect(found.map(\.code.rawValue) == ["unverified-url"])
        #expect(found.first?.message.contains("could not be reached") == true)
    }

    @Test func theCacheSparesPublishersAndExclusionsAreNeverRequested() async throws {
        let server = try TestHTTPServer()
        defer { server.stop() }
        let project = try Self.project(port: server.port, urls: ["/ok", "/gone", "/forbidden", "/private/page"])
        defer { project.remove() }
        let cache = project.root.appendingPathComponent(".salve-cache/links.json")
        var options = Self.options(port: server.port, cache: cache)
        options.excluded = ["http://127.0.0.1:\(server.port)/private/"]
        let first = try await Self.run(project, options)
        #expect(first.count == 2)
        #expect(FileManager.default.fileExists(atPath: cache.path))
        let second = try await Self.run(project, options)
        #expect(second.map(\.code.rawValue).sorted() == first.map(\.code.rawValue).sorted())
        // Working and missing pages are remembered; a refusal (403) is asked again; excluded never.
        #expect(server.requests(for: "/ok").count == 1)
        #expect(server.requests(for: "/gone").count == 1)
        #expect(server.requests(for: "/forbidden").count == 2)
        #expect(server.requests(for: "/private/page").isEmpty)
        // An expired cache is not trusted.
        options.maxAge = -1
        _ = try await Self.run(project, options)
        #expect(server.requests(for: "/ok").count == 2)
    }

    /// At most `perHost` requests to one host at a time, and at most `concurrency` overall.
    @Test func requestsAreBoundedOverallAndPerHost() async throws {
        let fetcher = CountingFetcher()
        var options = OnlineOptions()
        options.concurrency = 3
        options.perHost = 2
        options.retries = 0
        let targets = (0..<12).map { index in
            LinkTarget(url: "https://host\(index % 3).example/page\(index)", locations: [SourceLocation(file: "x")], label: "the link")
        }
        let found = await OnlineChecker.check(targets, options: options, fetcher: fetcher)
        #expect(found.isEmpty)
        #expect(await fetcher.total == 12)
        #expect(await fetcher.maxOverall <= 3)
        #expect(await fetcher.maxPerHost <= 2)
    }
}

/// Answers 200 after a short wait, recording how many requests overlap.
actor CountingFetcher: StatusFetching {
    var total = 0
    var maxOverall = 0
    var maxPerHost = 0
    private var running = 0
    private var runningByHost: [String: Int] = [:]

    nonisolated func status(of url: URL, method: String, timeout: TimeInterval) async throws -> Int {
        await begin(url.host ?? "")
        try await Task.sleep(nanoseconds: 20_000_000)
        await end(url.host ?? "")
        return 200
    }

    private func begin(_ host: String) {
        total += 1
        running += 1
        runningByHost[host, default: 0] += 1
        maxOverall = max(maxOverall, running)
        maxPerHost = max(maxPerHost, runningByHost[host, default: 0])
    }

    private func end(_ host: String) {
        running -= 1
        runningByHost[host, default: 0] -= 1
    }
}

/// A tiny HTTP/1.1 server on 127.0.0.1 and a free port, one connection at a time, for these tests only:
/// `/ok` 200, `/gone` 404, `/forbidden` 403, `/no-head` 405 to HEAD and 200 to GET, `/flaky` 503 then 200,
/// `/slow` answers after a second, `/doi/…missing` 404 and other `/doi/…` 200.
final class TestHTTPServer: @unchecked Sendable {
    let port: Int
    private let socketDescriptor: Int32
    private let lock = NSLock()
    private var log: [(method: String, path: String)] = []
    private var stopped = false

    init() throws {
        let (descriptor, port) = try LoopbackListener.open(backlog: 16)
        socketDescriptor = descriptor
        self.port = port
        let thread = Thread { [weak self] in self?.serve() }
        thread.start()
    }

    func requests(for path: String) -> [String] {
        lock.withLock { log.filter { $0.path == path }.map(\.method) }
    }

    func stop() {
        lock.withLock { stopped = true }
        shutdown(socketDescriptor, Int32(SHUT_RDWR))
        close(socketDescriptor)
    }

    private func serve() {
        while true {
            let client = accept(socketDescriptor, nil, nil)
            if client < 0 { return }
            if lock.withLock({ stopped }) {
                close(client)
                return
            }
            // Each connection on its own thread, so a slow answer does not hold up the others.
            Thread { [weak self] in
                self?.answer(client)
                close(client)
            }.start()
        }
    }

    private func answer(_ client: Int32) {
        var buffer = [UInt8](repeating: 0, count: 4096)
        var request = [UInt8]()
        while !request.containsHeaderEnd {
            let count = recv(client, &buffer, buffer.count, 0)
            if count <= 0 { return }
            request += buffer[0..<count]
        }
        let line = String(decoding: request.prefix { $0 != 0x0D }, as: UTF8.self).split(separator: " ")
        guard line.count >= 2 else { return }
        let method = String(line[0])
        let path = String(line[1])
        let status: Int = lock.withLock {
            log.append((method, path))
            switch path {
            case "/ok": return 200
            case "/gone": return 404
            case "/forbidden": return 403
            case "/no-head": return method == "HEAD" ? 405 : 200
            case "/flaky": return log.filter { $0.path == "/flaky" }.count == 1 ? 503 : 200
            case "/slow": return 200
            default: return path.hasPrefix("/doi/") ? (path.hasSuffix("missing") ? 404 : 200) : 404
            }
        }
        if path == "/slow" { usleep(1_000_000) }
        let response = "HTTP/1.1 \(status) Status\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"
        _ = response.withCString { send(client, $0, strlen($0), Int32(MSG_NOSIGNAL)) }
    }
}

private extension Array where Element == UInt8 {
    var containsHeaderEnd: Bool {
        count >= 4 && indices.dropLast(3).contains { self[$0] == 0x0D && self[$0 + 1] == 0x0A && self[$0 + 2] == 0x0D && self[$0 + 3] == 0x0A }
    }
}
