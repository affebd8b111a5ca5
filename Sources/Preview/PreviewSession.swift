import ContentLoading
import ContentModel
import Diagnostics
import Dispatch
import Foundation
import SiteBuilder

/// What `salve preview` runs with.
public struct PreviewConfiguration: Sendable {
    public var contentDirectory: URL
    public var seedsDirectory: URL
    /// Paths in diagnostics are relative to this folder (the project root).
    public var displayRoot: URL
    /// Loopback unless told otherwise.
    public var host: String
    /// 0 lets the system choose a free port (tests).
    public var port: Int
    public var watchMode: FileWatcher.Mode
    /// How long the folders must be quiet before a burst of saves becomes one rebuild.
    public var debounce: Double
    /// The day dates are checked against; today when nil.
    public var today: Day?
    /// Where terminal lines go (diagnostics, "rebuilt 7 pages in 12 ms"); nowhere when nil.
    public var log: (@Sendable (String) -> Void)?

    public init(contentDirectory: URL, seedsDirectory: URL, displayRoot: URL, host: String = "127.0.0.1",
                port: Int = 8000, watchMode: FileWatcher.Mode = .automatic, debounce: Double = FileWatcher.defaultDebounce,
                today: Day? = nil, log: (@Sendable (String) -> Void)? = nil) {
        self.contentDirectory = contentDirectory
        self.seedsDirectory = seedsDirectory
        self.displayRoot = displayRoot
        self.host = host
        self.port = port
        self.watchMode = watchMode
        self.debounce = debounce
        self.today = today
        self.log = log
    }
}

/// One rebuild, and how long it took to reach the open pages.
public struct RebuildRecord: Sendable {
    /// The session's ``PreviewSession/generation`` this rebuild reached: 0 for the first build, then
    /// one more for each rebuild, successful or not.
    public var generation: Int
    /// Absolute paths the watcher reported (empty for the first build).
    public var changedPaths: [String]
    /// Output files written and removed (none when errors kept the last good site).
    public var writtenFiles: [String]
    public var removedFiles: [String]
    public var succeeded: Bool
    public var errors: Int
    public var warnings: Int
    /// Time spent in `LiveSite.rebuild()`: load the changed files, check, render and write.
    public var rebuildMilliseconds: Double
    /// From the change being handed over by the watcher (after the debounce) to the event being sent.
    public var notifyMilliseconds: Double
    /// From the first change of the burst (before the debounce) to the event being sent.
    public var sinceFirstChangeMilliseconds: Double

    /// HTML pages among the written files.
    public var pagesWritten: Int { writtenFiles.count { $0.hasSuffix(".html") } }
}

/// `salve preview`: builds the site (drafts included) into a temporary folder, serves it, watches
/// `Content/` and `seeds/`, rebuilds only what a change reaches, and reloads every open page — or,
/// when the content has errors, keeps the last good site on screen under an overlay listing them.
public final class PreviewSession: @unchecked Sendable {
    public let configuration: PreviewConfiguration
    /// The temporary folder the site is built into; removed by ``stop()``.
    public let outputDirectory: URL

    private let site: LiveSite
    private let channel: ReloadChannel
    private let sessionID = String(UInt64.random(in: 0...UInt64(UInt32.max)), radix: 36)
    private let rebuildQueue = DispatchQueue(label: "salve.preview.rebuild", qos: .userInitiated)
    private let lock = NSLock()
    private let basePath = BasePath()
    private var watcher: FileWatcher?
    private var server: PreviewServer?
    private var boundPort: Int?
    private var reachedGeneration = 0
    private var records: [RebuildRecord] = []
    private var queuedPaths = Set<String>()
    private var queuedFirstChange: UInt64?
    private var queuedDelivered: UInt64 = 0
    private var rebuildScheduled = false
    private var stopping = false

    public init(_ configuration: PreviewConfiguration) {
        self.configuration = configuration
        outputDirectory = FileManager.default.temporaryDirectory
            .appendingPathComponent("salve-preview-\(ProcessInfo.processInfo.processIdentifier)-\(UUID().uuidString)",
                                    isDirectory: true)
        let options = LoadOptions(contentDirectory: configuration.contentDirectory,
                                  seedsDirectory: configuration.seedsDirectory,
                                  displayRoot: configuration.displayRoot, includeDrafts: true,
                                  today: configuration.today ?? .today())
        site = LiveSite(options: options, output: outputDirectory)
        channel = ReloadChannel(version: "\(sessionID)-0")
    }

    /// The port the server listens on, once started.
    public var port: Int? { lock.withLock { boundPort } }

    /// `http://127.0.0.1:8000/` (the loopback address when listening on every address).
    public var url: String? {
        guard let port else { return nil }
        var host = configuration.host
        if host == "0.0.0.0" { host = "127.0.0.1" }
        if host == "::" { host = "::1" }
        if host.contains(":") { host = "[\(host)]" }
        return "http://\(host):\(port)/"
    }

    /// "inotify" or "polling", once started.
    public var watchMechanism: String? { lock.withLock { watcher?.mechanism } }

    /// Every build so far, the first one included.
    public var rebuilds: [RebuildRecord] { lock.withLock { records } }

    /// How many rebuilds have completed since the first build (failed ones included). A reload event
    /// carries the generation it is for.
    public var generation: Int { lock.withLock { reachedGeneration } }

    /// Waits until every change made to the watched folders before this call has been rebuilt and
    /// the open pages told, and returns the generation reached then; nil after `timeout` seconds, or
    /// when the preview is not running. This is how a caller (a test) knows its own edit is served,
    /// rather than taking the next reload event, which may be for an earlier change.
    public func settle(timeout: Double = 30) async -> Int? {
        guard let watcher = lock.withLock({ stopping ? nil : self.watcher }) else { return nil }
        let reached = OneShot<Int?>()
        let queue = rebuildQueue
        watcher.flush { [weak self] in
            // The watcher hands a batch to enqueue() before answering, so the rebuild for it is
            // already on the serial rebuild queue, ahead of this.
            queue.async { [weak self] in reached.succeed(self?.generation) }
        }
        DispatchQueue.global().asyncAfter(deadline: .now() + timeout) { reached.succeed(nil) }
        return (try? await reached.value) ?? nil
    }

    /// Pages with the events endpoint open.
    public var openPages: Int { channel.clientCount }

    /// Builds the whole site, starts watching and serving; returns the bound port.
    /// - Throws: `LoadFailure` when the content folder is missing, ``PreviewError`` when the port cannot be used.
    public func start() async throws -> Int {
        Self.removeAbandonedSites()
        try FileManager.default.createDirectory(at: outputDirectory, withIntermediateDirectories: true)
        do {
            // The first build renders everything on every core: off the threads that run Swift concurrency.
            try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<Void, any Error>) in
                rebuildQueue.async {
                    continuation.resume(with: Result {
                        let now = FileWatcher.now()
                        let (first, update) = try self.build(changed: [], firstChangeAt: now, deliveredAt: now, initial: true)
                        self.report(first, update, initial: true)
                    })
                }
            }
            let watcher = try FileWatcher(
                roots: [configuration.contentDirectory, configuration.seedsDirectory], mode: configuration.watchMode,
                debounce: configuration.debounce) { [weak self] batch in self?.enqueue(batch) }
            lock.withLock { self.watcher = watcher }
            watcher.start()
            let server = PreviewServer(host: configuration.host, port: configuration.port, responder: PreviewResponder(
                files: StaticFiles(root: outputDirectory), channel: channel, basePath: basePath))
            lock.withLock { self.server = server }
            let port = try await server.start()
            lock.withLock { boundPort = port }
            return port
        } catch {
            await stop()
            throw error
        }
    }

    /// Stops watching, closes every open page's event stream, stops the server and removes the
    /// temporary site. Returns within about a second.
    public func stop() async {
        let (watcher, server) = lock.withLock { () -> (FileWatcher?, PreviewServer?) in
            stopping = true
            defer {
                self.watcher = nil
                self.server = nil
            }
            return (self.watcher, self.server)
        }
        watcher?.stop()
        channel.close()
        await server?.stop()
        // Let a rebuild in progress finish before its folder goes, but do not wait long: a folder
        // left behind is removed by the next preview (``removeAbandonedSites()``).
        let idle = OneShot<Bool>()
        rebuildQueue.async { idle.succeed(true) }
        Task {
            try? await Task.sleep(for: .milliseconds(500))
            idle.succeed(false)
        }
        let folder = outputDirectory
        if (try? await idle.value) == true {
            try? FileManager.default.removeItem(at: folder)
        } else {
            rebuildQueue.async { try? FileManager.default.removeItem(at: folder) }
        }
    }

    /// Temporary sites left by previews that were killed outright (`salve-preview-<pid>-<uuid>` whose
    /// process is gone).
    static func removeAbandonedSites() {
        let folder = FileManager.default.temporaryDirectory
        for name in (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? [] {
            let parts = name.split(separator: "-", maxSplits: 3)
            guard parts.count == 4, parts[0] == "salve", parts[1] == "preview", let pid = Int32(parts[2]),
                  UUID(uuidString: String(parts[3])) != nil, pid != ProcessInfo.processInfo.processIdentifier,
                  kill(pid, 0) != 0, errno == ESRCH else { continue }
            try? FileManager.default.removeItem(at: folder.appendingPathComponent(name))
        }
    }

    // MARK: Rebuilding

    /// Called on the watcher's thread: queue one rebuild, merging batches that arrive while one runs.
    private func enqueue(_ batch: FileChangeBatch) {
        let schedule: Bool = lock.withLock {
            guard !stopping else { return false }
            queuedPaths.formUnion(batch.paths)
            queuedFirstChange = min(queuedFirstChange ?? batch.firstChangeAt, batch.firstChangeAt)
            queuedDelivered = batch.deliveredAt
            if rebuildScheduled { return false }
            rebuildScheduled = true
            return true
        }
        if schedule { rebuildQueue.async { [weak self] in self?.drain() } }
    }

    private func drain() {
        let taken: (Set<String>, UInt64, UInt64)? = lock.withLock {
            rebuildScheduled = false
            guard !stopping else { return nil }
            defer {
                queuedPaths = []
                queuedFirstChange = nil
            }
            return (queuedPaths, queuedFirstChange ?? queuedDelivered, queuedDelivered)
        }
        guard let (paths, first, delivered) = taken else { return }
        if let (record, update) = try? build(changed: paths, firstChangeAt: first, deliveredAt: delivered, initial: false) {
            report(record, update, initial: false)
        }
    }

    /// Rebuilds and tells the open pages; runs on the rebuild queue (or in `start`, before the watcher).
    private func build(changed: Set<String>, firstChangeAt: UInt64, deliveredAt: UInt64, initial: Bool) throws -> (RebuildRecord, LiveSite.Update?) {
        let started = FileWatcher.now()
        var update: LiveSite.Update?
        var failure: String?
        do {
            // The watcher's paths let an edit to existing pages skip listing and re-checking every file.
            update = try site.rebuild(changedPaths: initial ? nil : changed)
        } catch let error as LoadFailure {
            if initial { throw error }
            failure = error.description
        } catch {
            if initial { throw error }
            failure = String(describing: error)
        }
        let rebuilt = FileWatcher.now()
        // Only this queue changes the generation; readers take the lock.
        let reached = lock.withLock { initial ? reachedGeneration : reachedGeneration + 1 }
        if let update, update.succeeded {
            channel.publish(overlay: .clear)
            if !initial {
                channel.publishReload(version: "\(sessionID)-\(reached)", generation: reached,
                                      changedFiles: update.writtenFiles.count + update.removedFiles.count)
            }
        } else if let update {
            channel.publish(overlay: OverlayReport(failedBuild: update.diagnostics))
        } else {
            channel.publish(overlay: OverlayReport(failure: failure ?? "the build failed",
                                                   location: ProjectPaths(displayRoot: configuration.displayRoot)
                                                       .display(configuration.contentDirectory)))
        }
        let notified = FileWatcher.now()
        let record = RebuildRecord(
            generation: reached, changedPaths: changed.sorted(), writtenFiles: update?.writtenFiles ?? [], removedFiles: update?.removedFiles ?? [],
            succeeded: update?.succeeded ?? false, errors: update?.diagnostics.errorCount ?? 1,
            warnings: update?.diagnostics.warningCount ?? 0,
            rebuildMilliseconds: Self.milliseconds(from: started, to: rebuilt),
            notifyMilliseconds: Self.milliseconds(from: deliveredAt, to: notified),
            sinceFirstChangeMilliseconds: Self.milliseconds(from: firstChangeAt, to: notified))
        lock.withLock {
            reachedGeneration = reached
            records.append(record)
        }
        if update?.succeeded == true, initial || changed.contains(where: { $0.hasSuffix("/site.yml") }) {
            basePath.refresh(configuration.contentDirectory, displayRoot: configuration.displayRoot)
        }
        if let failure { log("salve: error: \(failure)") }
        return (record, update)
    }

    /// Terminal lines for a build: all findings the first time; afterwards errors, and the warnings
    /// of the files just changed.
    private func report(_ record: RebuildRecord, _ update: LiveSite.Update?, initial: Bool) {
        guard configuration.log != nil, let update else { return }
        let texts = update.sourceTexts
        let formatter = TextFormatter(sourceProvider: { texts[$0] })
        let paths = ProjectPaths(displayRoot: configuration.displayRoot)
        let changedFiles = Set(record.changedPaths.map { paths.display(URL(fileURLWithPath: $0)) })
        // Editors' temporary files come and go; name only the content files.
        let named = changedFiles.filter { file in Self.contentExtensions.contains { file.hasSuffix($0) } }
        let errors = update.diagnostics.all.filter { $0.severity == .error }
        var warnings = update.diagnostics.all.filter { diagnostic in
            diagnostic.severity != .error && (initial || changedFiles.contains(diagnostic.location.file))
        }
        let hidden = max(warnings.count - Self.warningsShown, 0)
        warnings = Array(DiagnosticList(warnings).sorted.prefix(Self.warningsShown))
        let shown = errors + warnings
        if !shown.isEmpty { log(formatter.format(DiagnosticList(shown))) }
        if hidden > 0 { log("… and \(hidden) more warnings; 'salve check --drafts' lists them all") }
        let summary = TextFormatter.summary(update.diagnostics)
        let what = named.isEmpty ? "" : " (" + named.sorted().prefix(3).joined(separator: ", ")
            + (named.count > 3 ? ", …" : "") + ")"
        if !record.succeeded {
            log("salve: build failed with \(summary)\(what); still serving the last good site")
        } else if initial {
            log("salve: built \(record.pagesWritten) pages in \(Self.format(record.rebuildMilliseconds)) ms (\(summary))")
        } else {
            log("rebuilt \(record.pagesWritten) pages in \(Self.format(record.notifyMilliseconds)) ms\(what)")
        }
    }

    private static let contentExtensions = [".md", ".yml", ".yaml", ".json", ".csv"]
    /// Warnings printed per build; the rest are counted.
    private static let warningsShown = 25

    private func log(_ line: String) { configuration.log?(line) }

    static func milliseconds(from start: UInt64, to end: UInt64) -> Double {
        end >= start ? Double(end - start) / 1e6 : 0
    }

    static func format(_ milliseconds: Double) -> String {
        milliseconds < 10 ? String(format: "%.1f", milliseconds) : String(Int(milliseconds.rounded()))
    }
}

/// The site's base path ("/health/" for `base-url: https://example.org/health/`): the 404 page links
/// through it, so the preview serves the site there as well as at "/".
final class BasePath: @unchecked Sendable {
    private let lock = NSLock()
    private var value = "/"

    var current: String { lock.withLock { value } }

    func refresh(_ contentDirectory: URL, displayRoot: URL) {
        let (site, _, _) = ContentLoader.loadSite(contentDirectory.appendingPathComponent("site.yml"),
                                                  ProjectPaths(displayRoot: displayRoot))
        var path = URL(string: site.baseURL)?.path ?? "/"
        if site.baseURL.hasPrefix("/") { path = site.baseURL }
        if !path.hasPrefix("/") { path = "/" + path }
        if !path.hasSuffix("/") { path += "/" }
        lock.withLock { value = path }
    }
}
