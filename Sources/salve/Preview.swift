import ArgumentParser
import ContentLoading
import Dispatch
import Foundation
import Preview

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

struct PreviewCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "preview",
        abstract: "Serve the site locally, rebuild it on every save and reload the open pages.",
        discussion: """
            Builds the site with drafts (marked "Draft" on the page) into a temporary folder and serves \
            it. Watches the content and seeds folders; each change rebuilds only the pages it reaches and \
            reloads every open page. When the content has errors, the last good site stays up with the \
            errors shown over the page and in the terminal. Templates are compiled into salve: after \
            changing Templates/, rebuild salve and restart preview. Ctrl-C stops it. Exit status: 0 \
            stopped, 2 usage errors, a missing content folder or a port that cannot be used.
            """)

    @OptionGroup var project: ProjectOptions

    @Option(help: "The port to listen on.")
    var port: Int = 8000

    @Option(help: "The address to listen on. The default keeps the preview on this machine.")
    var host: String = "127.0.0.1"

    @Flag(help: "Open the preview in a browser (with xdg-open).")
    var open = false

    @Flag(help: "Watch by comparing modification times every 300 ms instead of inotify (for network file systems).")
    var poll = false

    func validate() throws {
        guard (1...65535).contains(port) else { throw ValidationError("--port must be between 1 and 65535") }
        guard !host.isEmpty else { throw ValidationError("--host must not be empty") }
    }

    func run() throws {
        let session = PreviewSession(PreviewConfiguration(
            contentDirectory: project.contentURL, seedsDirectory: project.seedsURL, displayRoot: project.rootURL,
            host: host, port: port, watchMode: poll ? .polling(interval: 0.3) : .automatic,
            log: { Terminal.stderr($0) }))
        let (stopRequests, stopRequested) = AsyncStream.makeStream(of: Void.self, bufferingPolicy: .bufferingNewest(1))
        let signals = ShutdownSignals { stopRequested.yield() }
        let finished = DispatchSemaphore(value: 0)
        let failure = FailureBox()
        let (host, open) = (self.host, self.open)
        let watched = "\(project.content) and \(project.seeds)"
        Task {
            do {
                _ = try await session.start()
                let url = session.url ?? "http://\(host)/"
                FileHandle.standardOutput.write(Data("Serving \(url) — templates are compiled into salve, so after changing Templates/ rebuild salve and restart preview.\n".utf8))
                if !["127.0.0.1", "localhost", "::1"].contains(host) {
                    Terminal.stderr("salve: warning: listening on \(host): other machines on the network can see this preview")
                }
                Terminal.stderr("Watching \(watched) (\(session.watchMechanism ?? "polling")); press Ctrl-C to stop.")
                if open { Browser.open(url) }
                for await _ in stopRequests { break }
                await session.stop()
                Terminal.stderr("salve: preview stopped")
            } catch {
                failure.set(error)
            }
            finished.signal()
        }
        finished.wait()
        withExtendedLifetime(signals) {}
        if let error = failure.error {
            Terminal.error(String(describing: error))
            throw ExitCode(2)
        }
    }
}

/// SIGINT and SIGTERM ask for a clean stop; a second one ends the process at once.
private final class ShutdownSignals: @unchecked Sendable {
    private var sources: [any DispatchSourceSignal] = []

    init(_ onStop: @escaping @Sendable () -> Void) {
        let lock = NSLock()
        nonisolated(unsafe) var count = 0
        for number in [SIGINT, SIGTERM] {
            signal(number, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
            source.setEventHandler {
                let seen = lock.withLock { () -> Int in
                    count += 1
                    return count
                }
                if seen == 1 {
                    Terminal.stderr("\nsalve: stopping the preview…")
                    onStop()
                } else {
                    exit(130)
                }
            }
            source.resume()
            sources.append(source)
        }
    }

    deinit {
        for source in sources { source.cancel() }
    }
}

private final class FailureBox: @unchecked Sendable {
    private let lock = NSLock()
    private var stored: (any Error)?

    var error: (any Error)? { lock.withLock { stored } }
    func set(_ error: any Error) { lock.withLock { stored = error } }
}

/// `--open`: xdg-open where it is installed; a failure to open is not an error.
private enum Browser {
    static func open(_ url: String) {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        guard let opener = path.split(separator: ":").map({ "\($0)/xdg-open" })
            .first(where: { FileManager.default.isExecutableFile(atPath: $0) }) else {
            Terminal.stderr("salve: could not open a browser (xdg-open is not installed); open \(url) yourself")
            return
        }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: opener)
        process.arguments = [url]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try? process.run()
    }
}
