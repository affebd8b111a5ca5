import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Headless Chromium driven through chromedriver (W3C WebDriver over HTTP), and a static file server
/// for a built site: Python's `http.server` on 127.0.0.1 and a free port (the search page fetches its
/// index files, which needs http, not file://). Both are Debian packages that `scripts/test` installs
/// (`scripts/ensure-browser`); without them the browser tests are skipped and say why.
enum BrowserTools {
    static let chromium = ["/usr/bin/chromium", "/usr/bin/chromium-browser"].first { FileManager.default.isExecutableFile(atPath: $0) }
    static let chromedriver = ["/usr/bin/chromedriver", "/usr/lib/chromium/chromedriver"].first { FileManager.default.isExecutableFile(atPath: $0) }
    static let python = ["/usr/bin/python3", "/usr/local/bin/python3"].first { FileManager.default.isExecutableFile(atPath: $0) }
    static var available: Bool { chromium != nil && chromedriver != nil && python != nil }
    static let missing = "headless Chromium, chromedriver or python3 is not installed (scripts/ensure-browser installs Debian's chromium and chromium-driver); browser tests skipped"

    /// A port nothing listens on now.
    static func freePort() -> Int {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(fd) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = 0
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        _ = withUnsafePointer(to: &address) { $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, length) } }
        _ = withUnsafeMutablePointer(to: &address) { $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &length) } }
        return Int(UInt16(bigEndian: address.sin_port))
    }
}

func trace(_ text: String) {
    if ProcessInfo.processInfo.environment["SALVE_BROWSER_TRACE"] != nil { FileHandle.standardError.write(Data(("\(Date().timeIntervalSince1970) " + text + "\n").utf8)) }
}

/// A blocking HTTP/1.1 request to 127.0.0.1 (`Connection: close`), enough for chromedriver and the
/// static server. (FoundationNetworking's URLSession fails on chromedriver's responses here with
/// "Failed writing header".)
enum LoopbackHTTP {
    /// - Parameter timeout: seconds to wait for each read (a request to a server still starting can go unanswered).
    static func send(_ method: String, _ path: String, port: Int, body: Data?, timeout: Int = 120) throws -> (status: Int, body: Data) {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { throw BrowserError(description: "socket: \(errno)") }
        defer { close(fd) }
        var limit = timeval(tv_sec: timeout, tv_usec: 0)
        setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &limit, socklen_t(MemoryLayout<timeval>.size))
        setsockopt(fd, SOL_SOCKET, SO_SNDTIMEO, &limit, socklen_t(MemoryLayout<timeval>.size))
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = UInt16(port).bigEndian
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard connected == 0 else { throw BrowserError(description: "connect to port \(port): errno \(errno)") }
        var request = "\(method) \(path) HTTP/1.1\r\nHost: 127.0.0.1:\(port)\r\nConnection: close\r\nAccept: application/json\r\n"
        if let body { request += "Content-Type: application/json; charset=utf-8\r\nContent-Length: \(body.count)\r\n" }
        var bytes = Array((request + "\r\n").utf8)
        if let body { bytes += body }
        var sent = 0
        while sent < bytes.count {
            let count = bytes[sent...].withUnsafeBytes { Glibc.send(fd, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
            guard count > 0 else { throw BrowserError(description: "send: errno \(errno)") }
            sent += count
        }
        var response: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 65536)
        // Read until the server closes the connection or the body is complete (some keep it open).
        while !complete(response) {
            let count = buffer.withUnsafeMutableBytes { recv(fd, $0.baseAddress, $0.count, 0) }
            if count < 0 { throw BrowserError(description: "recv: errno \(errno)") }
            if count == 0 { break }
            response += buffer[0..<count]
        }
        guard let split = headEnd(response) else { throw BrowserError(description: "no HTTP response from port \(port)") }
        let head = String(decoding: response[..<split], as: UTF8.self)
        var payload = Array(response[(split + 4)...])
        let lines = head.components(separatedBy: "\r\n")
        let status = Int(lines.first?.split(separator: " ").dropFirst().first ?? "") ?? 0
        if lines.contains(where: { $0.lowercased().hasPrefix("transfer-encoding:") && $0.lowercased().contains("chunked") }) {
            var decoded: [UInt8] = []
            var index = 0
            while index < payload.count {
                guard let end = payload[index...].indices.first(where: { $0 + 1 < payload.count && payload[$0] == 13 && payload[$0 + 1] == 10 }),
                      let size = Int(String(decoding: payload[index..<end], as: UTF8.self).split(separator: ";").first ?? "", radix: 16),
                      size > 0 else { break }
                decoded += payload[(end + 2)..<min(payload.count, end + 2 + size)]
                index = end + 2 + size + 2
            }
            payload = decoded
        }
        return (status, Data(payload))
    }

    static func headEnd(_ bytes: [UInt8]) -> Int? {
        guard bytes.count >= 4 else { return nil }
        return (0...(bytes.count - 4)).first { bytes[$0] == 13 && bytes[$0 + 1] == 10 && bytes[$0 + 2] == 13 && bytes[$0 + 3] == 10 }
    }

    static func complete(_ bytes: [UInt8]) -> Bool {
        guard let end = headEnd(bytes) else { return false }
        let head = String(decoding: bytes[..<end], as: UTF8.self).lowercased()
        let bodyCount = bytes.count - end - 4
        for line in head.components(separatedBy: "\r\n") where line.hasPrefix("content-length:") {
            return bodyCount >= Int(line.dropFirst("content-length:".count).trimmingCharacters(in: .whitespaces)) ?? Int.max
        }
        if head.contains("transfer-encoding: chunked") {
            return bytes.count >= 5 && Array(bytes.suffix(5)) == Array("0\r\n\r\n".utf8)
        }
        return false
    }
}

struct BrowserError: Error, CustomStringConvertible {
    var description: String
}

/// Waits for a condition by asking again every few milliseconds, failing after `timeout` seconds: the
/// one guard against a hang, never a fixed wait for something to happen.
func eventually<T>(_ what: String, timeout: Double = 60, _ check: () async throws -> T?) async throws -> T {
    let deadline = Date().addingTimeInterval(timeout)
    var lastError: Error?
    while Date() < deadline {
        do {
            if let value = try await check() { return value }
        } catch {
            lastError = error
        }
        try await Task.sleep(nanoseconds: 25_000_000)
    }
    throw BrowserError(description: "timed out waiting for \(what)\(lastError.map { ": \($0)" } ?? "")")
}

/// `python3 -m http.server` serving one folder on 127.0.0.1.
final class StaticServer: @unchecked Sendable {
    let process = Process()
    let port: Int

    /// Python picks a free port itself and says which: no race with other tests taking ports.
    init(serving folder: URL) async throws {
        let output = Pipe()
        process.executableURL = URL(fileURLWithPath: BrowserTools.python!)
        process.arguments = ["-u", "-m", "http.server", "0", "--bind", "127.0.0.1", "--directory", folder.path]
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()
        var said = ""
        var found: Int?
        while found == nil {
            let data = output.fileHandleForReading.availableData
            if data.isEmpty { throw BrowserError(description: "python3 -m http.server exited: \(said)") }
            said += String(decoding: data, as: UTF8.self)
            if let range = said.range(of: #"port (\d+)"#, options: .regularExpression) {
                found = Int(said[range].dropFirst(5))
            }
        }
        port = found!
        do {
            _ = try await eventually("the static server on port \(port)", timeout: 60) { [port] () -> Bool? in
                try LoopbackHTTP.send("GET", "/", port: port, body: nil, timeout: 5).status == 200 ? true : nil
            }
        } catch {
            stop()
            throw error
        }
    }

    var base: String { "http://127.0.0.1:\(port)/" }

    func stop() {
        if process.isRunning { kill(process.processIdentifier, SIGKILL) }
        process.waitUntilExit()
    }
}

/// One chromedriver and one headless Chromium session.
final class Browser: @unchecked Sendable {
    static let elementKey = "element-6066-11e4-a52e-4f735466cecf"
    enum Key {
        static let tab = "\u{E004}", enter = "\u{E007}", escape = "\u{E00C}", down = "\u{E015}", up = "\u{E013}"
        static let shift = "\u{E008}"
    }

    let driver = Process()
    let port: Int
    var session = ""

    /// - Parameters:
    ///   - mobile: a 390 × 844 phone screen (device metrics emulation) instead of a 1280 × 900 window.
    ///   - javaScript: false turns scripts off, as a reader may.
    init(mobile: Bool = false, javaScript: Bool = true) async throws {
        port = BrowserTools.freePort()
        driver.executableURL = URL(fileURLWithPath: BrowserTools.chromedriver!)
        driver.arguments = ["--port=\(port)"]
        driver.standardOutput = FileHandle.nullDevice
        driver.standardError = FileHandle.nullDevice
        try driver.run()
        do {
            _ = try await eventually("chromedriver on port \(port)", timeout: 60) { () -> Bool? in
                guard self.driver.isRunning else { throw BrowserError(description: "chromedriver exited (port \(self.port) taken?)") }
                let status = try await self.request("GET", "/status", timeout: 5)
                return ((status["value"] as? [String: Any])?["ready"] as? Bool) == true ? true : nil
            }
        } catch {
            kill(driver.processIdentifier, SIGKILL)
            driver.waitUntilExit()
            throw error
        }
        var options: [String: Any] = [
            "binary": BrowserTools.chromium!,
            "args": ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run",
                     "--disable-extensions", "--window-size=1280,900"],
        ]
        if mobile {
            options["mobileEmulation"] = ["deviceMetrics": ["width": 390, "height": 844, "pixelRatio": 3.0, "touch": true, "mobile": true]]
        }
        if !javaScript {
            options["prefs"] = ["profile.managed_default_content_settings.javascript": 2]
        }
        let created: [String: Any]
        do {
            created = try await request("POST", "/session", [
                "capabilities": ["alwaysMatch": ["browserName": "chrome", "goog:chromeOptions": options]],
            ])
        } catch {
            kill(driver.processIdentifier, SIGKILL)
            driver.waitUntilExit()
            throw error
        }
        guard let value = created["value"] as? [String: Any], let id = value["sessionId"] as? String else {
            kill(driver.processIdentifier, SIGKILL)
            driver.waitUntilExit()
            throw BrowserError(description: "no WebDriver session: \(created)")
        }
        session = id
    }

    func quit() async {
        if !session.isEmpty { _ = try? await request("DELETE", "/session/\(session)") }
        if driver.isRunning { kill(driver.processIdentifier, SIGKILL) }
        driver.waitUntilExit()
    }

    @discardableResult
    func request(_ method: String, _ path: String, _ body: [String: Any]? = nil, timeout: Int = 120) async throws -> [String: Any] {
        let payload = try body.map { try JSONSerialization.data(withJSONObject: $0) }
        trace("-> \(method) \(path)")
        let (status, data): (Int, Data)
        do {
            (status, data) = try LoopbackHTTP.send(method, path, port: port, body: payload, timeout: timeout)
        } catch {
            trace("!! \(error)")
            throw error
        }
        trace("<- \(status) \(method) \(path) \(data.count)")
        let object = (try? JSONSerialization.jsonObject(with: data)) as? [String: Any] ?? [:]
        if let value = object["value"] as? [String: Any], let error = value["error"] as? String {
            throw BrowserError(description: "\(method) \(path): \(error): \(value["message"] ?? "")")
        }
        return object
    }

    private func command(_ method: String, _ path: String, _ body: [String: Any]? = nil) async throws -> Any? {
        try await request(method, "/session/\(session)\(path)", body)["value"]
    }

    func open(_ url: String) async throws { _ = try await command("POST", "/url", ["url": url]) }
    /// The page printed to PDF on paper of this size (centimetres), as a reader's Print would.
    func printed(width: Double, height: Double) async throws -> Data {
        let value = try await command("POST", "/print", ["page": ["width": width, "height": height], "background": true]) as? String
        return Data(base64Encoded: value ?? "") ?? Data()
    }
    /// Chromium's DevTools protocol, for what WebDriver has no command for (print media emulation).
    func devTools(_ method: String, _ parameters: [String: Any]) async throws {
        _ = try await command("POST", "/goog/cdp/execute", ["cmd": method, "params": parameters])
    }
    func back() async throws { _ = try await command("POST", "/back", [:]) }
    func url() async throws -> String { try await command("GET", "/url") as? String ?? "" }

    /// Runs `script` (a function body; `arguments` are `args`) in the page and returns its result.
    func run(_ script: String, _ args: [Any] = []) async throws -> Any? {
        try await command("POST", "/execute/sync", ["script": script, "args": args])
    }

    /// Runs `script`, which calls `arguments[arguments.length - 1]` with its result when done.
    func runAsync(_ script: String, _ args: [Any] = []) async throws -> Any? {
        try await command("POST", "/execute/async", ["script": script, "args": args])
    }

    /// A script run in every document before the page's own scripts (Chrome DevTools).
    func addInitScript(_ source: String) async throws {
        _ = try await command("POST", "/goog/cdp/execute", ["cmd": "Page.addScriptToEvaluateOnNewDocument", "params": ["source": source]])
    }

    func element(_ css: String) async throws -> String {
        let value = try await command("POST", "/element", ["using": "css selector", "value": css]) as? [String: Any]
        guard let id = value?[Self.elementKey] as? String else { throw BrowserError(description: "no element \(css)") }
        return id
    }

    func activeElement() async throws -> String {
        let value = try await command("GET", "/element/active") as? [String: Any]
        return value?[Self.elementKey] as? String ?? ""
    }

    /// Keys typed into an element (which takes focus first), as a reader types them.
    func type(_ text: String, into element: String) async throws {
        _ = try await command("POST", "/element/\(element)/value", ["text": text])
    }

    /// Keys pressed wherever the focus is, as real key events.
    func press(_ keys: String...) async throws {
        var actions: [[String: Any]] = []
        for key in keys {
            actions.append(["type": "keyDown", "value": key])
            actions.append(["type": "keyUp", "value": key])
        }
        _ = try await command("POST", "/actions", ["actions": [["type": "key", "id": "keyboard", "actions": actions]]])
    }

    func text(of element: String) async throws -> String {
        try await command("GET", "/element/\(element)/text") as? String ?? ""
    }

    func isDisplayed(_ element: String) async throws -> Bool {
        try await command("GET", "/element/\(element)/displayed") as? Bool ?? false
    }
}
