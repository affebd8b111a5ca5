import Foundation

/// Remembers each page file's loaded result by its modification time and size, so a preview
/// rebuild after one edit reads and parses one file, not the whole site.
public final class PageCache: @unchecked Sendable {
    struct Stamp: Equatable {
        var modified: Date
        var size: Int
    }

    private struct Entry {
        var stamp: Stamp
        var result: PageLoader.Result
    }

    private let lock = NSLock()
    private var entries: [String: Entry] = [:]
    /// Settings that change how every page is read; when they change, nothing cached is valid.
    private var settings: String?
    /// Display paths of page files added, changed or removed by the last load.
    public private(set) var changedFiles: Set<String> = []

    public init() {}

    static func stamp(of url: URL) -> Stamp? {
        guard let attributes = try? FileManager.default.attributesOfItem(atPath: url.path),
              let modified = attributes[.modificationDate] as? Date,
              let size = attributes[.size] as? Int else { return nil }
        return Stamp(modified: modified, size: size)
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
            if let stamp { entries[page.file] = Entry(stamp: stamp, result: result) }
        }
    }
}
