import Dispatch
import Foundation

/// The server-sent events behind live reload: every open page holds one stream.
///
/// Events: `hello` (the site's version, so a page served before a rebuild it missed reloads itself),
/// `diagnostics` (the overlay's report; an empty list clears it) and `reload`. A new stream starts with
/// `hello` and the current `diagnostics`, so a freshly opened page shows the current errors. Comments
/// keep idle connections alive; ``close()`` ends every stream at once, for shutdown.
///
/// The state and the clients share one lock, so a client never sees an older state after a newer one.
final class ReloadChannel: @unchecked Sendable {
    private let lock = NSLock()
    private var clients: [Int: AsyncStream<String>.Continuation] = [:]
    private var nextID = 0
    private var closed = false
    private var version: String
    private var overlay: OverlayReport = .clear
    private var keepAlive: (any DispatchSourceTimer)?

    init(version: String, keepAliveInterval: Double = 15) {
        self.version = version
        let timer = DispatchSource.makeTimerSource(queue: .global())
        timer.schedule(deadline: .now() + keepAliveInterval, repeating: keepAliveInterval)
        timer.setEventHandler { [weak self] in self?.send(": keep-alive\n\n") }
        timer.resume()
        keepAlive = timer
    }

    deinit { keepAlive?.cancel() }

    /// The version and overlay a page is served with.
    var current: (version: String, overlay: OverlayReport) {
        lock.withLock { (version, overlay) }
    }

    var clientCount: Int { lock.withLock { clients.count } }

    /// A new client's stream of SSE text chunks; it finishes on ``close()``.
    func connect() -> AsyncStream<String> {
        let (stream, continuation) = AsyncStream.makeStream(of: String.self, bufferingPolicy: .bufferingNewest(256))
        let id: Int = lock.withLock {
            defer { nextID += 1 }
            return nextID
        }
        continuation.onTermination = { [weak self] _ in
            guard let self else { return }
            self.lock.withLock { _ = self.clients.removeValue(forKey: id) }
        }
        let accepted: Bool = lock.withLock {
            guard !closed else { return false }
            clients[id] = continuation
            continuation.yield("retry: 1000\n\n")
            continuation.yield(Self.event("hello", "{\"version\":\(PreviewJSON.string(version))}"))
            continuation.yield(Self.event("diagnostics", overlay.json))
            return true
        }
        if !accepted { continuation.finish() }
        return stream
    }

    /// Shows or clears the overlay on every page; a no-op when nothing changed.
    func publish(overlay report: OverlayReport) {
        lock.withLock {
            guard report != overlay else { return }
            overlay = report
            broadcastLocked(Self.event("diagnostics", report.json))
        }
    }

    /// Tells every page to reload, as the site is now at `newVersion`, the result of rebuild number
    /// `generation` (so a client can tell the reload for its change from an earlier one).
    func publishReload(version newVersion: String, generation: Int, changedFiles: Int) {
        lock.withLock {
            version = newVersion
            broadcastLocked(Self.event("reload", "{\"changed\":\(changedFiles),\"generation\":\(generation),"
                + "\"version\":\(PreviewJSON.string(newVersion))}"))
        }
    }

    /// Ends every stream and refuses new ones.
    func close() {
        let open: [AsyncStream<String>.Continuation] = lock.withLock {
            closed = true
            keepAlive?.cancel()
            keepAlive = nil
            defer { clients = [:] }
            return Array(clients.values)
        }
        for continuation in open { continuation.finish() }
    }

    private func send(_ chunk: String) {
        lock.withLock { broadcastLocked(chunk) }
    }

    private func broadcastLocked(_ chunk: String) {
        for continuation in clients.values { continuation.yield(chunk) }
    }

    /// One SSE event; `data` must be a single line (compact JSON is).
    static func event(_ name: String, _ data: String) -> String {
        "event: \(name)\ndata: \(data)\n\n"
    }
}
