import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A tiny HTTP/1.1 server on 127.0.0.1 answering like the DOI resolver, Crossref and E-utilities, from
/// fixtures under `Tests/Fixtures/online` (never the internet). `answer` maps a request to a status and a
/// body; every request is recorded with its headers.
public final class MetadataTestServer: @unchecked Sendable {
    public struct Request: Sendable {
        public var method: String
        public var path: String
        public var headers: [String: String]
    }

    public typealias Answer = (status: Int, body: String)

    public let port: Int
    private let socketDescriptor: Int32
    private let lock = NSLock()
    private var log: [Request] = []
    private let route: @Sendable (Request, Int) -> Answer

    /// `route` gets the request and how many times its path was asked before.
    public init(route: @escaping @Sendable (Request, Int) -> Answer) throws {
        self.route = route
        let (descriptor, port) = try LoopbackListener.open(backlog: 32)
        socketDescriptor = descriptor
        self.port = port
        Thread { [weak self] in self?.serve() }.start()
    }

    public var base: String { "http://127.0.0.1:\(port)" }

    public var requests: [Request] { lock.withLock { log } }

    public func requests(forPathPrefix prefix: String) -> [Request] { requests.filter { $0.path.hasPrefix(prefix) } }

    public func stop() {
        shutdown(socketDescriptor, Int32(SHUT_RDWR))
        close(socketDescriptor)
    }

    /// A fixture's text.
    public static func fixture(_ name: String) -> String {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Fixtures/online/\(name)")
        return (try? String(contentsOf: url, encoding: .utf8)) ?? ""
    }

    /// The services as the tests know them: DOIs under `/doi/`, Crossref under `/crossref/`, E-utilities under `/eutils/`.
    public static func services(_ request: Request, _ asked: Int) -> Answer {
        let path = request.path.removingPercentEncoding ?? request.path
        switch path {
        case "/doi/10.1038/srep45975": return (200, fixture("csl-srep45975.json"))
        case "/doi/10.5555/online-first": return (200, fixture("csl-online-first.json"))
        case "/doi/10.5555/flaky": return asked == 0 ? (503, "") : (200, fixture("csl-srep45975.json"))
        case "/crossref/works/10.5555/retracted": return (200, fixture("crossref-retracted.json"))
        case "/crossref/works/10.5555/concern": return (200, fixture("crossref-concern.json"))
        case "/crossref/works/10.1038/srep45975": return (200, fixture("crossref-plain.json"))
        default: break
        }
        if path.hasPrefix("/doi/10.5555/retracted") || path.hasPrefix("/doi/10.5555/concern") {
            // The resolver's CSL for the noticed works: a small record with the same title as the entries.
            let title = path.hasSuffix("retracted") ? "Back pain and a miracle cure" : "A trial with questions"
            let family = path.hasSuffix("retracted") ? "Fraud" : "Query"
            return (200, """
                {"type":"article-journal","title":"\(title)","author":[{"family":"\(family)","given":"A"}],\
                "container-title":"Journal of Examples","issued":{"date-parts":[[\(path.hasSuffix("retracted") ? 2019 : 2020)]]},\
                "DOI":"\(path.dropFirst(5))"}
                """)
        }
        if path.hasPrefix("/eutils/esummary.fcgi") {
            if path.contains("id=28422125&") { return (200, fixture("esummary-28422125.json")) }
            if path.contains("id=1234567&") { return (200, fixture("esummary-no-doi.json")) }
            return (200, fixture("esummary-missing.json"))
        }
        if path.hasPrefix("/doi/") { return (404, "DOI Not Found") }
        return (404, #"{"status":"error","message-type":"exception","message":"Resource not found."}"#)
    }

    private func serve() {
        while true {
            let client = accept(socketDescriptor, nil, nil)
            if client < 0 { return }
            Thread { [weak self] in
                self?.answer(client)
                close(client)
            }.start()
        }
    }

    private func answer(_ client: Int32) {
        var buffer = [UInt8](repeating: 0, count: 4096)
        var bytes = [UInt8]()
        while !Self.hasHeaderEnd(bytes) {
            let count = recv(client, &buffer, buffer.count, 0)
            if count <= 0 { return }
            bytes += buffer[0..<count]
        }
        let lines = String(decoding: bytes, as: UTF8.self).components(separatedBy: "\r\n")
        let first = lines[0].split(separator: " ")
        guard first.count >= 2 else { return }
        var headers: [String: String] = [:]
        for line in lines.dropFirst() {
            guard let colon = line.firstIndex(of: ":") else { continue }
            headers[line[..<colon].lowercased()] = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
        }
        let request = Request(method: String(first[0]), path: String(first[1]), headers: headers)
        let asked = lock.withLock {
            let count = log.filter { $0.path == request.path }.count
            log.append(request)
            return count
        }
        let (status, body) = route(request, asked)
        let data = Array(body.utf8)
        let head = "HTTP/1.1 \(status) Status\r\nContent-Type: application/json\r\nContent-Length: \(data.count)\r\nConnection: close\r\n\r\n"
        let response = Array(head.utf8) + (request.method == "HEAD" ? [] : data)
        var sent = 0
        while sent < response.count {
            let count = response[sent...].withUnsafeBytes { send(client, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
            if count <= 0 { return }
            sent += count
        }
    }

    private static func hasHeaderEnd(_ bytes: [UInt8]) -> Bool {
        bytes.count >= 4 && bytes.indices.dropLast(3).contains {
            bytes[$0] == 0x0D && bytes[$0 + 1] == 0x0A && bytes[$0 + 2] == 0x0D && bytes[$0 + 3] == 0x0A
        }
    }
}
