#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Dispatch
import Foundation

/// Changes seen in the watched folders, debounced into one batch.
public struct FileChangeBatch: Sendable {
    /// Absolute paths of the files and folders that changed (created, written, renamed, deleted).
    public var paths: Set<String>
    /// Monotonic time (`DispatchTime` nanoseconds) of the batch's first change.
    public var firstChangeAt: UInt64
    /// Monotonic time the batch was handed over, after the debounce.
    public var deliveredAt: UInt64
}

/// Watches folders recursively and reports debounced batches of changes: inotify on Linux, or a
/// polling fallback that compares modification times (also selectable, for tests and odd file systems).
///
/// Editors save in many ways — write in place, write a temporary file and rename it over the old
/// one, several writes in a burst, delete and recreate — and every one of them ends in one batch
/// per burst. New folders are watched as they appear. Hidden files, backup files (`name~`) and lock
/// files (`#name`) are ignored, as the content loader ignores them.
public final class FileWatcher: @unchecked Sendable {
    public enum Mode: Sendable, Equatable {
        /// inotify where available, else polling every 300 ms.
        case automatic
        case inotify
        case polling(interval: Double)
    }

    public typealias Handler = @Sendable (FileChangeBatch) -> Void

    private let backend: any WatcherBackend
    /// "inotify" or "polling".
    public let mechanism: String
    public static let defaultDebounce = 0.05

    /// - Parameters:
    ///   - roots: folders to watch, recursively; a missing one is skipped.
    ///   - debounce: how long the folders must be quiet before a batch is delivered. An editor's save
    ///     (write a temporary file, rename it over the page) takes a few milliseconds, so 50 ms still
    ///     makes it one batch while keeping edit → reload under a tenth of a second.
    public init(roots: [URL], mode: Mode = .automatic, debounce: Double = FileWatcher.defaultDebounce,
                handler: @escaping Handler) throws {
        let paths = roots.map { $0.standardizedFileURL.path }
        switch mode {
        case .polling(let interval):
            backend = PollingWatcher(roots: paths, interval: interval, debounce: debounce, handler: handler)
            mechanism = "polling"
        case .inotify:
            backend = try InotifyWatcher(roots: paths, debounce: debounce, handler: handler)
            mechanism = "inotify"
        case .automatic:
            if let inotify = try? InotifyWatcher(roots: paths, debounce: debounce, handler: handler) {
                backend = inotify
                mechanism = "inotify"
            } else {
                backend = PollingWatcher(roots: paths, interval: 0.3, debounce: debounce, handler: handler)
                mechanism = "polling"
            }
        }
    }

    public func start() { backend.start() }

    /// Stops watching; returns once the watching thread has ended (or after a second at most).
    public func stop() { backend.stop() }

    /// Calls `done` (on the watching thread) once every change made before this call has been handed
    /// to the handler — after the debounce, as usual — or at once if the watcher is not running. A
    /// barrier for whoever must know a change was seen (tests), without guessing how long that takes.
    public func flush(_ done: @escaping @Sendable () -> Void) { backend.flush(done) }

    /// Names the content loader skips, so their changes never cause a rebuild.
    static func isIgnored(name: some StringProtocol) -> Bool {
        name.hasPrefix(".") || name.hasSuffix("~") || name.hasPrefix("#")
    }

    static func now() -> UInt64 { DispatchTime.now().uptimeNanoseconds }
}

protocol WatcherBackend: Sendable {
    func start()
    func stop()
    func flush(_ done: @escaping @Sendable () -> Void)
}

/// Flush requests, taken by the watching thread when it next looks at the folders and answered once
/// nothing it has seen is still waiting to be delivered.
final class FlushRequests: @unchecked Sendable {
    private let lock = NSLock()
    private var waiting: [@Sendable () -> Void] = []
    private var closed = false

    /// False when the watcher has stopped (the caller answers the request itself).
    func add(_ done: @escaping @Sendable () -> Void) -> Bool {
        lock.withLock {
            guard !closed else { return false }
            waiting.append(done)
            return true
        }
    }

    func take() -> [@Sendable () -> Void] {
        lock.withLock {
            defer { waiting = [] }
            return waiting
        }
    }

    /// Answers everything still waiting and refuses new requests: the watcher stopped.
    func close() {
        for done in lock.withLock({ () -> [@Sendable () -> Void] in
            closed = true
            defer { waiting = [] }
            return waiting
        }) { done() }
    }
}

/// When a batch is due: once the folders have been quiet for the debounce time, or a fixed time after
/// its first change, so a stream of writes still shows up. Times are given, never read, so the rule
/// can be tested without a clock.
struct Debouncer {
    let debounceNanoseconds: UInt64
    let maximumDelayNanoseconds: UInt64
    private(set) var pending = Set<String>()
    private var firstAt: UInt64 = 0
    private var lastAt: UInt64 = 0

    init(debounce: Double, maximumDelay: Double = 1) {
        debounceNanoseconds = UInt64(max(debounce, 0) * 1e9)
        maximumDelayNanoseconds = UInt64(max(maximumDelay, 0) * 1e9)
    }

    mutating func add(_ paths: Set<String>, at now: UInt64) {
        guard !paths.isEmpty else { return }
        if pending.isEmpty { firstAt = now }
        lastAt = max(lastAt, now)
        pending.formUnion(paths)
    }

    /// When the pending batch is due; nil when nothing is pending.
    var due: UInt64? {
        pending.isEmpty ? nil : min(lastAt + debounceNanoseconds, firstAt + maximumDelayNanoseconds)
    }

    /// The pending batch, if it is due at `now`.
    mutating func take(at now: UInt64) -> FileChangeBatch? {
        guard let due, now >= due else { return nil }
        defer { pending = [] }
        return FileChangeBatch(paths: pending, firstChangeAt: firstAt, deliveredAt: now)
    }
}

struct WatcherError: Error, CustomStringConvertible {
    var description: String
}

/// Walks a folder tree with `lstat`, skipping ignored names and never following symbolic links.
enum DirectoryWalker {
    struct Stamp: Equatable {
        var seconds: Int
        var nanoseconds: Int
        var size: Int64
        var inode: UInt64
        var isDirectory: Bool
    }

    static func stamp(_ path: String) -> Stamp? {
        var info = stat()
        guard lstat(path, &info) == 0 else { return nil }
        #if canImport(Darwin)
        let time = info.st_mtimespec
        #else
        let time = info.st_mtim
        #endif
        return Stamp(seconds: Int(time.tv_sec), nanoseconds: Int(time.tv_nsec), size: Int64(info.st_size),
                     inode: UInt64(info.st_ino), isDirectory: info.st_mode & S_IFMT == S_IFDIR)
    }

    /// Calls `visit` for `root` (if it is a folder) and for everything below it.
    static func walk(_ root: String, _ visit: (String, Stamp) -> Void) {
        guard let rootStamp = stampFollowingRoot(root), rootStamp.isDirectory else { return }
        visit(root, rootStamp)
        var stack = [root]
        while let folder = stack.popLast() {
            guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder) else { continue }
            for name in names where !FileWatcher.isIgnored(name: name) {
                let path = folder + "/" + name
                guard let stamp = stamp(path) else { continue }
                visit(path, stamp)
                if stamp.isDirectory { stack.append(path) }
            }
        }
    }

    /// The root itself may be a symbolic link to the real folder.
    private static func stampFollowingRoot(_ path: String) -> Stamp? {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        return Stamp(seconds: 0, nanoseconds: 0, size: 0, inode: UInt64(info.st_ino),
                     isDirectory: info.st_mode & S_IFMT == S_IFDIR)
    }
}

/// Compares every file's modification time, size and inode on a timer. After a change it looks
/// again every debounce interval until a look finds nothing new, so a burst of saves is one batch.
final class PollingWatcher: WatcherBackend, @unchecked Sendable {
    private let roots: [String]
    private let interval: Double
    private let debounce: Double
    private let handler: FileWatcher.Handler
    private let wake = DispatchSemaphore(value: 0)
    private let finished = DispatchSemaphore(value: 0)
    private let lock = NSLock()
    private var running = false
    private let flushes = FlushRequests()

    init(roots: [String], interval: Double, debounce: Double, handler: @escaping FileWatcher.Handler) {
        self.roots = roots
        self.interval = interval
        self.debounce = max(debounce, 0.01)
        self.handler = handler
    }

    func start() {
        let initial = snapshot()
        lock.withLock { running = true }
        let thread = Thread { [self] in
            var previous = initial
            var pending = Set<String>()
            var firstAt: UInt64 = 0
            var answering: [@Sendable () -> Void] = []
            while lock.withLock({ running }) {
                _ = wake.wait(timeout: .now() + (pending.isEmpty ? interval : debounce))
                guard lock.withLock({ running }) else { break }
                // Taken before the look, so the look sees every change made before the request.
                answering += flushes.take()
                let current = snapshot()
                var changed = Set<String>()
                for (path, stamp) in current where previous[path] != stamp { changed.insert(path) }
                for path in previous.keys where current[path] == nil { changed.insert(path) }
                previous = current
                let now = FileWatcher.now()
                if !changed.isEmpty {
                    if pending.isEmpty { firstAt = now }
                    pending.formUnion(changed)
                    // Still changing: look again soon, unless this has gone on for a second.
                    if now - firstAt < 1_000_000_000 { continue }
                }
                if !pending.isEmpty {
                    handler(FileChangeBatch(paths: pending, firstChangeAt: firstAt, deliveredAt: now))
                    pending = []
                }
                for done in answering { done() }
                answering = []
            }
            for done in answering { done() }
            flushes.close()
            finished.signal()
        }
        thread.name = "salve-preview-polling"
        thread.start()
    }

    func stop() {
        let wasRunning = lock.withLock { () -> Bool in
            defer { running = false }
            return running
        }
        guard wasRunning else {
            flushes.close()
            return
        }
        wake.signal()
        _ = finished.wait(timeout: .now() + 1)
    }

    func flush(_ done: @escaping @Sendable () -> Void) {
        guard lock.withLock({ running }), flushes.add(done) else { return done() }
        wake.signal()
    }

    private func snapshot() -> [String: DirectoryWalker.Stamp] {
        var result: [String: DirectoryWalker.Stamp] = [:]
        for root in roots {
            DirectoryWalker.walk(root) { path, stamp in
                // A folder's own time changes with every file in it; its files are compared instead.
                result[path] = stamp.isDirectory ? DirectoryWalker.Stamp(seconds: 0, nanoseconds: 0, size: 0,
                                                                         inode: stamp.inode, isDirectory: true) : stamp
            }
        }
        return result
    }
}
