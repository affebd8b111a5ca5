#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Dispatch
import Foundation

#if os(Linux)
/// inotify on every folder of the watched trees, one thread waiting with `poll`.
///
/// A folder created or moved in is watched at once (and the files already inside it count as
/// changed); a folder moved out or deleted loses its watches. A root's parent folder is watched too,
/// for the root alone, so a root deleted and made again (a restore, a branch switch, a sync tool)
/// or missing at start is watched once it is there. A queue overflow counts as a change
/// of everything. Events are collected until the trees are quiet for the debounce time (or for a
/// second at most, so a stream of writes still shows up), then delivered as one batch.
final class InotifyWatcher: WatcherBackend, @unchecked Sendable {
    // From <sys/inotify.h>; spelt out because some are macros Swift does not import.
    private static let modify: UInt32 = 0x0000_0002
    private static let attrib: UInt32 = 0x0000_0004
    private static let closeWrite: UInt32 = 0x0000_0008
    private static let movedFrom: UInt32 = 0x0000_0040
    private static let movedTo: UInt32 = 0x0000_0080
    private static let create: UInt32 = 0x0000_0100
    private static let delete: UInt32 = 0x0000_0200
    private static let deleteSelf: UInt32 = 0x0000_0400
    private static let moveSelf: UInt32 = 0x0000_0800
    private static let queueOverflow: UInt32 = 0x0000_4000
    private static let ignored: UInt32 = 0x0000_8000
    private static let onlyDirectory: UInt32 = 0x0100_0000
    private static let maskAdd: UInt32 = 0x2000_0000
    private static let isDirectory: UInt32 = 0x4000_0000
    private static let watchMask: UInt32 = create | modify | closeWrite | attrib | movedTo | movedFrom | delete
        | deleteSelf | moveSelf | onlyDirectory

    private let roots: [String]
    private let debounce: Double
    private let maximumDelayNanoseconds: UInt64 = 1_000_000_000
    private let handler: FileWatcher.Handler
    private let fd: Int32
    private let wakeRead: Int32
    private let wakeWrite: Int32
    private let finished = DispatchSemaphore(value: 0)
    private let lock = NSLock()
    private var started = false
    private var stopped = false
    private let flushes = FlushRequests()

    // Touched only by the watching thread (and by init, before it starts).
    private var folders: [Int32: String] = [:]
    private var watchOf: [String: Int32] = [:]
    /// Watches on the roots' parent folders, with the roots each one holds.
    private var rootsInParent: [Int32: [String]] = [:]
    private var watchFailure: Int32?

    init(roots: [String], debounce: Double, handler: @escaping FileWatcher.Handler) throws {
        self.roots = roots
        self.debounce = debounce
        self.handler = handler
        let fd = inotify_init1(Int32(O_NONBLOCK | O_CLOEXEC))
        guard fd >= 0 else { throw WatcherError(description: "inotify is not available (errno \(errno))") }
        var pipeEnds: [Int32] = [0, 0]
        guard pipe(&pipeEnds) == 0 else {
            close(fd)
            throw WatcherError(description: "could not create a pipe (errno \(errno))")
        }
        self.fd = fd
        wakeRead = pipeEnds[0]
        wakeWrite = pipeEnds[1]
        // Watch before returning, so a change made right after start() is seen.
        for root in roots {
            watchParent(of: root)
            _ = addTree(root)
        }
        if let failure = watchFailure {
            closeDescriptors()
            throw WatcherError(description: "inotify could not watch every folder (errno \(failure)); "
                + "raise fs.inotify.max_user_watches, or use polling")
        }
    }

    deinit {
        if !lock.withLock({ started }) { closeDescriptors() }
    }

    func start() {
        lock.withLock { started = true }
        let thread = Thread { [self] in
            run()
            closeDescriptors()
            finished.signal()
        }
        thread.name = "salve-preview-inotify"
        thread.start()
    }

    func stop() {
        let wasRunning = lock.withLock { () -> Bool in
            defer { stopped = true }
            return started && !stopped
        }
        guard wasRunning else {
            flushes.close()
            return
        }
        var byte: UInt8 = 1
        _ = write(wakeWrite, &byte, 1)
        _ = finished.wait(timeout: .now() + 1)
    }

    func flush(_ done: @escaping @Sendable () -> Void) {
        guard lock.withLock({ started && !stopped }), flushes.add(done) else { return done() }
        var byte: UInt8 = 0
        _ = write(wakeWrite, &byte, 1)
    }

    private func closeDescriptors() {
        close(fd)
        close(wakeRead)
        close(wakeWrite)
    }

    private func run() {
        var debouncer = Debouncer(debounce: debounce, maximumDelay: Double(maximumDelayNanoseconds) / 1e9)
        var answering: [@Sendable () -> Void] = []
        defer {
            for done in answering { done() }
            flushes.close()
        }
        var buffer = [UInt8](repeating: 0, count: 64 * 1024)
        while true {
            var timeout: Int32 = -1
            if let due = debouncer.due {
                let now = FileWatcher.now()
                timeout = due <= now ? 0 : Int32((due - now + 999_999) / 1_000_000)
            }
            var fds = [pollfd(fd: fd, events: Int16(POLLIN), revents: 0),
                       pollfd(fd: wakeRead, events: Int16(POLLIN), revents: 0)]
            let ready = poll(&fds, 2, timeout)
            if ready < 0 && errno != EINTR { return }
            var readInotify = fds[0].revents != 0
            if fds[1].revents != 0 {
                var bytes = [UInt8](repeating: 0, count: 64)
                _ = read(wakeRead, &bytes, bytes.count)
                if lock.withLock({ stopped }) { return }
                // A flush: the kernel queued the events of every change made before the request, so
                // reading the queue now (ready or not at poll time) sees them all.
                answering += flushes.take()
                readInotify = true
            }
            if readInotify {
                debouncer.add(drain(&buffer), at: FileWatcher.now())
            }
            if let batch = debouncer.take(at: FileWatcher.now()) { handler(batch) }
            if debouncer.due == nil {
                for done in answering { done() }
                answering = []
            }
        }
    }

    /// Reads every queued event; returns the paths they concern.
    private func drain(_ buffer: inout [UInt8]) -> Set<String> {
        var changed = Set<String>()
        while true {
            let count = buffer.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
            if count <= 0 { break }
            var offset = 0
            buffer.withUnsafeBytes { raw in
                while offset + 16 <= count {
                    let wd = raw.loadUnaligned(fromByteOffset: offset, as: Int32.self)
                    let mask = raw.loadUnaligned(fromByteOffset: offset + 4, as: UInt32.self)
                    let length = Int(raw.loadUnaligned(fromByteOffset: offset + 12, as: UInt32.self))
                    let nameBytes = raw[(offset + 16)..<min(offset + 16 + length, count)].prefix { $0 != 0 }
                    let name = String(decoding: nameBytes, as: UTF8.self)
                    offset += 16 + length
                    handle(wd: wd, mask: mask, name: name, into: &changed)
                }
            }
        }
        return changed
    }

    private func handle(wd: Int32, mask: UInt32, name: String, into changed: inout Set<String>) {
        if mask & Self.queueOverflow != 0 {
            // Events were lost: watch everything again and call it all changed.
            for root in roots {
                changed.insert(root)
                changed.formUnion(addTree(root))
            }
            return
        }
        if let rootsHere = rootsInParent[wd] {
            if mask & Self.ignored != 0 { rootsInParent[wd] = nil }
            if mask & (Self.create | Self.movedTo) != 0, mask & Self.isDirectory != 0,
               let root = rootsHere.first(where: { ($0 as NSString).lastPathComponent == name }) {
                // A root made again: watch it, and call everything in it changed.
                changed.insert(root)
                changed.formUnion(addTree(root))
            }
        }
        guard let folder = folders[wd] else { return }
        if mask & Self.ignored != 0 {
            forget(wd)
            return
        }
        if mask & (Self.deleteSelf | Self.moveSelf) != 0 {
            // The watched folder itself went away; its parent reports the change by name.
            if roots.contains(folder) { changed.insert(folder) }
            return
        }
        guard !name.isEmpty, !FileWatcher.isIgnored(name: name) else { return }
        let path = folder + "/" + name
        changed.insert(path)
        guard mask & Self.isDirectory != 0 else { return }
        if mask & (Self.create | Self.movedTo) != 0 {
            // A new folder: watch it and everything in it; files already inside count as changed.
            changed.formUnion(addTree(path))
        } else if mask & (Self.movedFrom | Self.delete) != 0 {
            removeTree(path)
        }
    }

    /// Watches `root` and every folder below it; returns the paths found.
    private func addTree(_ root: String) -> Set<String> {
        var found = Set<String>()
        DirectoryWalker.walk(root) { path, stamp in
            found.insert(path)
            guard stamp.isDirectory, watchOf[path] == nil else { return }
            let wd = inotify_add_watch(fd, path, Self.watchMask)
            guard wd >= 0 else {
                // A folder gone meanwhile is fine; running out of watches is not.
                if errno == ENOSPC || errno == ENOMEM { watchFailure = errno }
                return
            }
            if let old = folders[wd], old != path { watchOf[old] = nil }
            folders[wd] = path
            watchOf[path] = wd
        }
        return found
    }

    /// Watches the folder holding `root` for `root` (re)appearing. Added to, not replacing, any watch
    /// that folder has already (it may be inside another root).
    private func watchParent(of root: String) {
        let parent = (root as NSString).deletingLastPathComponent
        guard !parent.isEmpty, parent != root else { return }
        let wd = inotify_add_watch(fd, parent, Self.create | Self.movedTo | Self.onlyDirectory | Self.maskAdd)
        guard wd >= 0 else { return }  // no parent to watch: nothing can make the root appear
        rootsInParent[wd, default: []].append(root)
    }

    private func removeTree(_ root: String) {
        let prefix = root + "/"
        for (path, wd) in watchOf where path == root || path.hasPrefix(prefix) {
            inotify_rm_watch(fd, wd)
            forget(wd)
        }
    }

    private func forget(_ wd: Int32) {
        if let path = folders.removeValue(forKey: wd) { watchOf[path] = nil }
    }
}
#else
/// inotify exists only on Linux; elsewhere the watcher polls.
final class InotifyWatcher: WatcherBackend {
    init(roots: [String], debounce: Double, handler: @escaping FileWatcher.Handler) throws {
        throw WatcherError(description: "inotify is only available on Linux")
    }

    func start() {}
    func stop() {}
    func flush(_ done: @escaping @Sendable () -> Void) { done() }
}
#endif
