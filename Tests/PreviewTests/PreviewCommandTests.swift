#if canImport(Glibc)
import Glibc
#endif
import Foundation
import Testing

/// The `salve preview` command itself, run as a process: what it prints, Ctrl-C and SIGTERM, a busy port.
/// Uses the `salve` binary built beside the test bundle (`swift build --build-tests` builds it).
@Suite(.serialized, .timeLimit(.minutes(1)))
struct PreviewCommandTests {
    static var salve: URL? {
        let folder = (Bundle.main.executableURL ?? URL(fileURLWithPath: CommandLine.arguments[0])).deletingLastPathComponent()
        let binary = folder.appendingPathComponent("salve")
        return FileManager.default.isExecutableFile(atPath: binary.path) ? binary : nil
    }

    @Test(arguments: [SIGINT, SIGTERM])
    func aSignalStopsThePreviewWithinASecond(signal: Int32) async throws {
        guard let salve = Self.salve else {
            print("salve binary not built beside the tests; skipping")
            return
        }
        let site = try FixtureSite()
        defer { site.remove() }
        let busy = try TestSocket.listen()
        close(busy.fd)  // a port that was free a moment ago
        let preview = try PreviewProcess(salve, arguments: ["preview", "--port", String(busy.port)], in: site.root)
        defer { preview.kill() }
        let serving = try #require(await preview.waitForOutput(containing: "Serving http://127.0.0.1:\(busy.port)/"))
        #expect(serving.contains("templates are compiled into salve"))
        #expect(serving.contains("restart preview"))

        let events = try await EventStreamClient.open(port: busy.port)
        #expect(await events.next(named: "hello") != nil)
        try site.write("Content/articles/walking.md", FixtureSite.article(title: "Walking with back pain", text: "CLI-EDIT"))
        #expect(await events.next(named: "reload") != nil)
        #expect(await preview.waitForOutput(containing: "rebuilt ") != nil)

        let started = Date()
        preview.send(signal)
        // The second the README promises is measured on a quiet machine; here a bound only catches
        // a preview that ignores the signal, without failing when the machine is busy.
        let status = await preview.waitForExit(timeout: 30)
        let elapsed = Date().timeIntervalSince(started)
        #expect(status == 0)
        #expect(elapsed < 30, "stopping took \(elapsed) s")
        #expect(await events.waitForEnd(timeout: 30))
        #expect(preview.output.contains("preview stopped"))
    }

    @Test func aBusyPortIsAClearErrorWithExitCode2() async throws {
        guard let salve = Self.salve else { return }
        let site = try FixtureSite()
        defer { site.remove() }
        let busy = try TestSocket.listen()
        defer { close(busy.fd) }
        let preview = try PreviewProcess(salve, arguments: ["preview", "--port", String(busy.port)], in: site.root)
        defer { preview.kill() }
        let status = await preview.waitForExit(timeout: 20)
        #expect(status == 2)
        #expect(preview.output.contains("salve: error: port \(busy.port) is already in use; try --port \(busy.port + 1)"))
    }
}

/// A child process whose standard output and error are collected.
final class PreviewProcess: @unchecked Sendable {
    private let process = Process()
    private let lock = NSLock()
    private var collected = Data()

    init(_ executable: URL, arguments: [String], in folder: URL) throws {
        process.executableURL = executable
        process.arguments = arguments
        process.currentDirectoryURL = folder
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        pipe.fileHandleForReading.readabilityHandler = { [weak self] handle in
            let data = handle.availableData
            guard let self, !data.isEmpty else { return }
            self.lock.withLock { self.collected.append(data) }
        }
        try process.run()
    }

    var output: String { lock.withLock { String(decoding: collected, as: UTF8.self) } }

    /// The first output line containing `text`, waiting up to `timeout` seconds.
    /// `timeout` only guards against a hang: a loaded machine may take long to start the binary.
    func waitForOutput(containing text: String, timeout: Double = 90) async -> String? {
        let deadline = Date().addingTimeInterval(timeout)
        while Date() < deadline {
            if let line = output.split(separator: "\n").first(where: { $0.contains(text) }) { return String(line) }
            await pause(0.02)
        }
        return nil
    }

    func send(_ signal: Int32) { Glibc.kill(process.processIdentifier, signal) }

    /// The exit status, or nil if still running after `timeout` seconds.
    func waitForExit(timeout: Double) async -> Int32? {
        let deadline = Date().addingTimeInterval(timeout)
        while process.isRunning && Date() < deadline { await pause(0.01) }
        return process.isRunning ? nil : process.terminationStatus
    }

    func kill() {
        if process.isRunning { process.terminate() }
    }
}
