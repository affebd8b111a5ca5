#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import ContentLoading
import ContentModel
import Foundation
@testable import Preview
import Testing

/// A small site written into a fresh temporary folder: a condition, a published article, a draft
/// article and a bibliography. Removed by ``remove()``.
struct FixtureSite {
    let root: URL
    var content: URL { root.appendingPathComponent("Content") }
    var seeds: URL { root.appendingPathComponent("seeds") }

    static let today = Day(iso: "2026-02-01")!

    init() throws {
        root = FileManager.default.temporaryDirectory
            .appendingPathComponent("salve-preview-test-\(UUID().uuidString)", isDirectory: true)
        try write("Content/site.yml", """
            title: Preview Test Library
            base-url: https://preview.example/
            description: A small made-up site for the preview tests.

            """)
        try write("Content/conditions/back-pain.md", """
            ---
            name: Back pain
            summary: Pain in the lower back that usually settles within weeks [@smith2020].
            symptoms:
              - Stiffness in the lower back
            seek-care:
              - Get help at once if your legs go numb.
            review: pending
            ---
            Most back pain settles with time and gentle movement.

            """)
        try write("Content/articles/walking.md", Self.article(title: "Walking with back pain", text: "ORIGINAL-TEXT"))
        try write("Content/articles/sleeping.md", """
            ---
            title: Sleeping with back pain
            summary: A pillow between the knees can ease back pain at night.
            conditions: [back-pain]
            review: pending
            published: 2025-07-01
            draft: true
            ---
            Try a pillow between your knees.

            """)
        try write("seeds/references.json", """
            [
              {"id": "smith2020", "type": "book", "author": [{"family": "Smith", "given": "Ann"}],
               "title": "Living with Back Pain", "publisher": "Example Press", "issued": {"date-parts": [[2020]]}}
            ]

            """)
    }

    /// An article about back pain whose body ends with `text`.
    static func article(title: String, text: String, published: String = "2025-06-01") -> String {
        """
        ---
        title: \(title)
        summary: Short daily walks help most people with back pain [@smith2020].
        conditions: [back-pain]
        review: pending
        published: \(published)
        ---
        Walking every day keeps the back moving. \(text)

        """
    }

    func url(_ path: String) -> URL { root.appendingPathComponent(path) }

    func write(_ path: String, _ text: String) throws {
        let file = url(path)
        try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(text.utf8).write(to: file)
    }

    /// Saves the way many editors do: write a temporary file beside it, then rename it over the old one.
    func writeThenRename(_ path: String, _ text: String) throws {
        let file = url(path)
        let temporary = file.deletingLastPathComponent().appendingPathComponent(".\(file.lastPathComponent).swp-\(UUID().uuidString.prefix(6))")
        try Data(text.utf8).write(to: temporary)
        guard rename(temporary.path, file.path) == 0 else { throw TestFailure("rename failed: errno \(errno)") }
    }

    func remove(_ path: String) throws {
        try FileManager.default.removeItem(at: url(path))
    }

    func remove() {
        try? FileManager.default.removeItem(at: root)
    }

    var loadOptions: LoadOptions {
        LoadOptions(contentDirectory: content, seedsDirectory: seeds, displayRoot: root, includeDrafts: true, today: Self.today)
    }

    func previewConfiguration(watchMode: FileWatcher.Mode = .inotify, port: Int = 0) -> PreviewConfiguration {
        PreviewConfiguration(contentDirectory: content, seedsDirectory: seeds, displayRoot: root, host: "127.0.0.1",
                             port: port, watchMode: watchMode, today: Self.today)
    }
}

struct TestFailure: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}

/// Starts a preview of a fresh fixture site, runs `body`, and always stops the preview and removes the site.
func withPreview(watchMode: FileWatcher.Mode = .inotify, prepare: (FixtureSite) throws -> Void = { _ in },
                 _ body: (FixtureSite, PreviewSession, Int) async throws -> Void) async throws {
    let site = try FixtureSite()
    defer { site.remove() }
    try prepare(site)
    let session = PreviewSession(site.previewConfiguration(watchMode: watchMode))
    let port = try await session.start()
    do {
        try await body(site, session, port)
    } catch {
        await session.stop()
        throw error
    }
    await session.stop()
}

/// Waits until every change made so far has been rebuilt; returns the generation reached. The time
/// limit only turns a hang into a failure: nothing here waits for a time to pass.
@discardableResult
func settled(_ session: PreviewSession, within seconds: Double = 30) async throws -> Int {
    guard let generation = await session.settle(timeout: seconds) else {
        throw TestFailure("the preview did not settle within \(seconds) s")
    }
    return generation
}

/// Waits until the watcher has handed over every change made so far (see ``FileWatcher/flush(_:)``).
func settled(_ watcher: FileWatcher, within seconds: Double = 30) async throws {
    let done = OneShot<Bool>()
    watcher.flush { done.succeed(true) }
    DispatchQueue.global().asyncAfter(deadline: .now() + seconds) { done.succeed(false) }
    guard try await done.value else { throw TestFailure("the watcher did not settle within \(seconds) s") }
}

/// Polls `condition` until it holds or `seconds` pass (for state with no event to wait for).
func eventually(within seconds: Double = 5, _ condition: () throws -> Bool) async rethrows -> Bool {
    let deadline = Date().addingTimeInterval(seconds)
    while Date() < deadline {
        if try condition() { return true }
        try? await Task.sleep(for: .milliseconds(20))
    }
    return try condition()
}

func pause(_ seconds: Double) async {
    try? await Task.sleep(for: .milliseconds(Int(seconds * 1000)))
}

/// Runs blocking socket code on a thread of its own, never on one of the (two, here) threads that run
/// Swift concurrency — the server's handlers need those. (Not GCD either: on Linux its global queues
/// share their threads with Swift concurrency.)
func offload<T: Sendable>(_ work: @escaping @Sendable () throws -> T) async throws -> T {
    try await withCheckedThrowingContinuation { continuation in
        let thread = Thread { continuation.resume(with: Result { try work() }) }
        thread.stackSize = 1 << 20
        thread.start()
    }
}

// MARK: - A tiny HTTP client over POSIX sockets (loopback only)

struct HTTPReply {
    var status: Int
    /// Header names lowercased.
    var headers: [String: String]
    var body: Data
    var text: String { String(decoding: body, as: UTF8.self) }
}

enum TestSocket {
    /// A TCP connection to 127.0.0.1:port with send and receive timeouts.
    static func connect(port: Int, timeout: Double = 5) throws -> Int32 {
        #if canImport(Glibc)
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        #else
        let fd = socket(AF_INET, SOCK_STREAM, 0)
        #endif
        guard fd >= 0 else { throw TestFailure("socket() failed: errno \(errno)") }
        var time = timeval()
        time.tv_sec = Int(timeout)
        time.tv_usec = .init((timeout - Double(Int(timeout))) * 1_000_000)
        setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &time, socklen_t(MemoryLayout<timeval>.size))
        setsockopt(fd, SOL_SOCKET, SO_SNDTIMEO, &time, socklen_t(MemoryLayout<timeval>.size))
        var address = loopback(port: port)
        let result = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                Glibc.connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
            }
        }
        guard result == 0 else {
            close(fd)
            throw TestFailure("connect to port \(port) failed: errno \(errno)")
        }
        return fd
    }

    static func loopback(port: Int) -> sockaddr_in {
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        return address
    }

    static func send(_ fd: Int32, _ text: String) throws {
        var bytes = Array(text.utf8)
        var offset = 0
        while offset < bytes.count {
            let sent = bytes.withUnsafeMutableBytes { Glibc.send(fd, $0.baseAddress! + offset, $0.count - offset, Int32(MSG_NOSIGNAL)) }
            guard sent > 0 else { throw TestFailure("send failed: errno \(errno)") }
            offset += sent
        }
    }

    /// Reads what is available; nil at end of stream, throws on timeout.
    static func receive(_ fd: Int32) throws -> [UInt8]? {
        var buffer = [UInt8](repeating: 0, count: 16 * 1024)
        let count = buffer.withUnsafeMutableBytes { recv(fd, $0.baseAddress, $0.count, 0) }
        if count == 0 { return nil }
        guard count > 0 else { throw TestFailure("receive failed or timed out: errno \(errno)") }
        return Array(buffer[0..<count])
    }

    /// A listening socket on 127.0.0.1, to make a port busy.
    static func listen() throws -> (fd: Int32, port: Int) {
        #if canImport(Glibc)
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        #else
        let fd = socket(AF_INET, SOCK_STREAM, 0)
        #endif
        var address = loopback(port: 0)
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard bound == 0, Glibc.listen(fd, 8) == 0 else { throw TestFailure("could not listen: errno \(errno)") }
        var actual = sockaddr_in()
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        _ = withUnsafeMutablePointer(to: &actual) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &length) }
        }
        return (fd, Int(UInt16(bigEndian: actual.sin_port)))
    }
}

enum HTTP {
    /// One request on its own connection (`Connection: close`); the path is sent exactly as given.
    static func request(_ method: String = "GET", _ path: String, port: Int, timeout: Double = 5) async throws -> HTTPReply {
        try await offload { try requestBlocking(method, path, port: port, timeout: timeout) }
    }

    static func get(_ path: String, port: Int) async throws -> HTTPReply { try await request("GET", path, port: port) }

    static func requestBlocking(_ method: String, _ path: String, port: Int, timeout: Double) throws -> HTTPReply {
        let fd = try TestSocket.connect(port: port, timeout: timeout)
        defer { close(fd) }
        try TestSocket.send(fd, "\(method) \(path) HTTP/1.1\r\nHost: 127.0.0.1:\(port)\r\nConnection: close\r\n\r\n")
        var raw: [UInt8] = []
        while let chunk = try TestSocket.receive(fd) { raw += chunk }
        return try parse(raw)
    }

    static func parse(_ raw: [UInt8]) throws -> HTTPReply {
        guard let end = headerEnd(raw) else { throw TestFailure("no complete response head in \(raw.count) bytes") }
        let head = String(decoding: raw[0..<end], as: UTF8.self)
        var lines = head.components(separatedBy: "\r\n")
        let statusLine = lines.removeFirst().split(separator: " ")
        guard statusLine.count >= 2, let status = Int(statusLine[1]) else { throw TestFailure("bad status line in \(head)") }
        var headers: [String: String] = [:]
        for line in lines {
            guard let colon = line.firstIndex(of: ":") else { continue }
            headers[line[..<colon].lowercased()] = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
        }
        var body = Array(raw[(end + 4)...])
        if headers["transfer-encoding"]?.lowercased() == "chunked" {
            var decoder = ChunkedDecoder()
            body = decoder.feed(body)
        }
        return HTTPReply(status: status, headers: headers, body: Data(body))
    }

    static func headerEnd(_ raw: [UInt8]) -> Int? {
        guard raw.count >= 4 else { return nil }
        for index in 0...(raw.count - 4) where raw[index] == 13 && raw[index + 1] == 10 && raw[index + 2] == 13 && raw[index + 3] == 10 {
            return index
        }
        return nil
    }
}

/// Undoes HTTP/1.1 chunked transfer coding, incrementally.
struct ChunkedDecoder {
    private var pending: [UInt8] = []
    private var remaining = 0
    private var needCRLF = false
    private(set) var finished = false

    mutating func feed(_ bytes: [UInt8]) -> [UInt8] {
        pending += bytes
        var output: [UInt8] = []
        while !finished {
            if remaining > 0 {
                let take = min(remaining, pending.count)
                if take == 0 { break }
                output += pending[0..<take]
                pending.removeFirst(take)
                remaining -= take
                if remaining == 0 { needCRLF = true }
                continue
            }
            if needCRLF {
                guard pending.count >= 2 else { break }
                pending.removeFirst(2)
                needCRLF = false
                continue
            }
            guard let lineEnd = firstCRLF() else { break }
            let sizeText = String(decoding: pending[0..<lineEnd], as: UTF8.self).split(separator: ";").first ?? ""
            pending.removeFirst(lineEnd + 2)
            let size = Int(sizeText.trimmingCharacters(in: .whitespaces), radix: 16) ?? 0
            if size == 0 {
                finished = true
            } else {
                remaining = size
            }
        }
        return output
    }

    private func firstCRLF() -> Int? {
        guard pending.count >= 2 else { return nil }
        for index in 0..<(pending.count - 1) where pending[index] == 13 && pending[index + 1] == 10 { return index }
        return nil
    }
}

/// A client of the events endpoint, reading server-sent events as a browser's EventSource would.
final class EventStreamClient: @unchecked Sendable {
    struct Event: Sendable {
        var name: String
        var data: String

        /// A reload event's `generation`.
        var generation: Int? {
            guard let object = try? JSONSerialization.jsonObject(with: Data(data.utf8)) as? [String: Any] else { return nil }
            return object["generation"] as? Int
        }
    }

    let fd: Int32
    private var chunked = false
    private var decoder = ChunkedDecoder()
    private var text = ""
    private(set) var ended = false
    let status: Int
    let contentType: String

    /// Connects on a thread of its own (see ``offload(_:)``).
    static func open(port: Int) async throws -> EventStreamClient {
        try await offload { try EventStreamClient(port: port) }
    }

    func next(timeout: Double = 5) async -> Event? {
        try? await offload { self.nextBlocking(timeout: timeout) } ?? nil
    }

    func next(named name: String, timeout: Double = 5) async -> Event? {
        try? await offload { self.nextBlocking(named: name, timeout: timeout) } ?? nil
    }

    /// Skips events until one named `name` that `matches`; the timeout only guards against a hang.
    func next(named name: String, timeout: Double = 30, where matches: @escaping @Sendable (Event) -> Bool) async -> Event? {
        try? await offload {
            let deadline = Date().addingTimeInterval(timeout)
            while let event = self.nextBlocking(named: name, timeout: max(deadline.timeIntervalSinceNow, 0)) {
                if matches(event) { return event }
            }
            return nil
        } ?? nil
    }

    /// The reload event for rebuild `generation` (earlier reloads are skipped).
    func reload(generation: Int) async -> Event? {
        await next(named: "reload") { $0.generation == generation }
    }

    func waitForEnd(timeout: Double) async -> Bool {
        (try? await offload { self.waitForEndBlocking(timeout: timeout) }) ?? false
    }

    private init(port: Int) throws {
        fd = try TestSocket.connect(port: port, timeout: 0.2)
        try TestSocket.send(fd, "GET /_salve/events HTTP/1.1\r\nHost: 127.0.0.1:\(port)\r\nAccept: text/event-stream\r\n\r\n")
        var raw: [UInt8] = []
        let deadline = Date().addingTimeInterval(5)
        while HTTP.headerEnd(raw) == nil {
            guard Date() < deadline else { throw TestFailure("no response head from the events endpoint") }
            if let chunk = try? TestSocket.receive(fd) {
                raw += chunk
            }
        }
        let end = HTTP.headerEnd(raw)!
        let reply = try HTTP.parse(Array(raw[0..<(end + 4)]))
        status = reply.status
        contentType = reply.headers["content-type"] ?? ""
        chunked = reply.headers["transfer-encoding"]?.lowercased() == "chunked"
        append(Array(raw[(end + 4)...]))
    }

    deinit { close(fd) }

    private func append(_ bytes: [UInt8]) {
        let body = chunked ? decoder.feed(bytes) : bytes
        text += String(decoding: body, as: UTF8.self)
    }

    /// The next complete event (comments and `retry` lines skipped), or nil after `timeout` seconds
    /// or at the end of the stream.
    func nextBlocking(timeout: Double = 5) -> Event? {
        let deadline = Date().addingTimeInterval(timeout)
        while true {
            if let event = takeEvent() { return event }
            if ended || Date() >= deadline { return nil }
            do {
                if let chunk = try TestSocket.receive(fd) { append(chunk) } else { ended = true }
            } catch {
                // A receive timeout: try again until the deadline.
            }
        }
    }

    /// Skips events until one named `name` arrives.
    func nextBlocking(named name: String, timeout: Double = 5) -> Event? {
        let deadline = Date().addingTimeInterval(timeout)
        while let event = nextBlocking(timeout: max(deadline.timeIntervalSinceNow, 0)) {
            if event.name == name { return event }
        }
        return nil
    }

    /// Reads until the server closes the stream; true if it did within `timeout`.
    func waitForEndBlocking(timeout: Double) -> Bool {
        let deadline = Date().addingTimeInterval(timeout)
        while !ended && Date() < deadline {
            do {
                if let chunk = try TestSocket.receive(fd) { append(chunk) } else { ended = true }
            } catch {
                if errno != EAGAIN && errno != EWOULDBLOCK { ended = true }
            }
        }
        return ended
    }

    private func takeEvent() -> Event? {
        while let range = text.range(of: "\n\n") {
            let block = String(text[..<range.lowerBound])
            text.removeSubrange(text.startIndex..<range.upperBound)
            var name = "message"
            var data: [String] = []
            var hasData = false
            for line in block.split(separator: "\n", omittingEmptySubsequences: false) {
                if line.hasPrefix(":") { continue }
                if line.hasPrefix("event:") { name = line.dropFirst(6).trimmingCharacters(in: .whitespaces) }
                if line.hasPrefix("data:") {
                    hasData = true
                    data.append(String(line.dropFirst(5).drop { $0 == " " }))
                }
            }
            if hasData { return Event(name: name, data: data.joined(separator: "\n")) }
        }
        return nil
    }
}

/// The injected state of a page served by the preview (the JSON in `#salve-preview-state`).
func injectedState(_ html: String) -> String? {
    guard let start = html.range(of: "<script type=\"application/json\" id=\"salve-preview-state\">"),
          let end = html[start.upperBound...].range(of: "</script>") else { return nil }
    return String(html[start.upperBound..<end.lowerBound])
}
