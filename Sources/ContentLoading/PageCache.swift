import Diagnostics
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Remembers each page file's loaded result by its modification time and size, so a preview
/// rebuild after one edit reads and parses one file, not the whole site.
public final class PageCache: @unchecked Sendable {
    struct Stamp: Equatable {
        var seconds: Int
        var nanoseconds: Int
        var size: Int
    }

    private struct Entry {
        /// Nil once the file is known to have changed: the entry then matches no stamp, since a file
        /// can change without its time or size changing (two saves within one tick of the clock).
        var stamp: Stamp?
        var path: String
        var result: PageLoader.Result
    }

    private let lock = NSLock()
    private var entries: [String: Entry] = [:]
    /// Settings that change how every page is read; when they change, nothing cached is valid.
    private var settings: String?
    /// Display paths of page files added, changed or removed by the last load.
    public private(set) var changedFiles: Set<String> = []

    public init() {}

    /// Modification time and size from one `stat` call (FileManager's attribute dictionary cost more).
    static func stamp(of path: String) -> Stamp? {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        return Stamp(seconds: Int(info.st_mtim.tv_sec), nanoseconds: Int(info.st_mtim.tv_nsec), size: Int(info.st_size))
    }

    /// The files found by the last full discovery, reused when a rebuild is told exactly which files
    /// changed and none was added or removed.
    var lastDiscovery: (pages: [DiscoveredPage], diagnostics: [Diagnostic])? {
        get { lock.withLock { discovery } }
        set { lock.withLock { discovery = newValue } }
    }
    private var discovery: (pages: [DiscoveredPage], diagnostics: [Diagnostic])?

    /// A cached result used without looking at the file, for files known not to have changed.
    func trusted(_ page: DiscoveredPage) -> PageLoader.Result? {
        lock.withLock {
            guard let entry = entries[page.file], entry.stamp != nil else { return nil }
            return entry.result
        }
    }

    /// What the last load of the file gave, changed since or not (what it reported is still on screen).
    func previous(_ page: DiscoveredPage) -> PageLoader.Result? {
        lock.withLock { entries[page.file]?.result }
    }

    /// Marks the files at these absolute paths (and below them, for folders) as changed, so the next
    /// load reads them again and reports them changed, whatever their stamps say.
    public func invalidate(_ paths: Set<String>) {
        guard !paths.isEmpty else { return }
        lock.withLock {
            for (file, entry) in entries where entry.stamp != nil && Self.isAt(entry.path, anyOf: paths) {
                entries[file]?.stamp = nil
            }
        }
    }

    private static func isAt(_ path: String, anyOf paths: Set<String>) -> Bool {
        if paths.contains(path) { return true }
        var folder = Substring(path)
        while let slash = folder.lastIndex(of: "/"), slash > folder.startIndex {
            folder = folder[..<slash]
            if paths.contains(String(folder)) { return true }
        }
        return false
    }

    func begin(settings: String, files: [DiscoveredPage]) {
        lock.withLock {
            if settings != self.settings {
                entries = [:]
                self.settings = settings
            }
            let present = Set(files.map(\.file))
            changedFiles = Set(entries.keys).subtracting(present)
            for removed in changedFiles { entries[removed] = nil }
        }
    }

    func cached(_ page: DiscoveredPage, stamp: Stamp?) -> PageLoader.Result? {
        lock.withLock {
            guard let stamp, let entry = entries[page.file], entry.stamp == stamp else { return nil }
            return entry.result
        }
    }

    func store(_ result: PageLoader.Result, for page: DiscoveredPage, stamp: Stamp?) {
        lock.withLock {
            changedFiles.insert(page.file)
            if let stamp { entries[page.file] = Entry(stamp: stamp, path: page.path, result: result) }
        }
    }
}
