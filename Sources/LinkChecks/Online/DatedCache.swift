import Foundation

/// One remembered answer, with when it was asked (seconds since 1970).
protocol DatedEntry: Codable, Sendable {
    var checked: TimeInterval { get }
}

/// Answers remembered in a JSON file (`{"key": {…, "checked": 1763800000}}`) and trusted for
/// `maxAge`: the link check's statuses and the identifier check's records, so CI does not ask the
/// same publisher or registry on every run.
actor DatedCache<Entry: DatedEntry> {
    private let file: URL?
    private let maxAge: TimeInterval
    private var entries: [String: Entry] = [:]
    private var changed = false

    init(file: URL?, maxAge: TimeInterval) {
        self.file = file
        self.maxAge = maxAge
        if let file, let data = try? Data(contentsOf: file),
           let decoded = try? JSONDecoder().decode([String: Entry].self, from: data) {
            entries = decoded
        }
    }

    /// The entry for `key`, unless it is older than `maxAge`.
    func fresh(_ key: String) -> Entry? {
        guard let entry = entries[key], Date().timeIntervalSince1970 - entry.checked <= maxAge else { return nil }
        return entry
    }

    func remember(_ entry: Entry, for key: String) {
        entries[key] = entry
        changed = true
    }

    func save() {
        guard changed, let file else { return }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        if let data = try? encoder.encode(entries) {
            try? FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
            try? data.write(to: file, options: .atomic)
        }
    }
}
