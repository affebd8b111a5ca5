import ContentLoading
import ContentModel
import Diagnostics
import Foundation
import SiteBuilder
import Testing

/// Where the fixture sites live: `Tests/Fixtures`, found from this file (they are not SwiftPM resources).
enum Fixtures {
    static let root = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent()   // SiteBuilderTests
        .deletingLastPathComponent()   // Tests
        .appendingPathComponent("Fixtures")

    static let validSite = root.appendingPathComponent("valid-site")
    static let expectedOutput = validSite.appendingPathComponent("expected")
    static let validSiteDiagnostics = validSite.appendingPathComponent("expected-diagnostics.txt")
    static let invalidCases = root.appendingPathComponent("invalid")

    /// `SALVE_UPDATE_GOLDENS=1` rewrites golden files instead of comparing with them.
    static var updatingGoldens: Bool {
        ProcessInfo.processInfo.environment["SALVE_UPDATE_GOLDENS"] == "1"
    }

    /// Load options for a project folder holding `Content/` and `seeds/`; diagnostics are relative to it.
    static func options(for project: URL, includeDrafts: Bool = false) -> LoadOptions {
        LoadOptions(contentDirectory: project.appendingPathComponent("Content"),
                    seedsDirectory: project.appendingPathComponent("seeds"),
                    displayRoot: project, includeDrafts: includeDrafts, today: today)
    }

    /// The names of the invalid-input case folders, sorted.
    static var invalidCaseNames: [String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: invalidCases.path)) ?? []
        return names.filter { name in
            var isDirectory: ObjCBool = false
            return !name.hasPrefix(".")
                && FileManager.default.fileExists(atPath: invalidCases.appendingPathComponent(name).path, isDirectory: &isDirectory)
                && isDirectory.boolValue
        }.sorted()
    }

    /// The date builds check review and reference dates against, so results do not change with the calendar.
    /// Every review in the fixtures is on or before it, and none is due again before it.
    static let today = Day(iso: "2026-02-01")!

    /// Builds a project with the fixed date.
    static func build(_ project: URL, includeDrafts: Bool = false, output: URL) throws -> BuildReport {
        try SiteBuild.build(options(for: project, includeDrafts: includeDrafts), output: output)
    }
}

/// A fresh folder under the system's temporary folder, removed by ``remove()``.
struct TemporaryFolder {
    let url: URL

    init(_ label: String = "salve-e2e") throws {
        url = FileManager.default.temporaryDirectory
            .appendingPathComponent("\(label)-\(UUID().uuidString)", isDirectory: true)
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    func appending(_ path: String) -> URL { url.appendingPathComponent(path) }

    func remove() {
        try? FileManager.default.removeItem(at: url)
    }
}

/// Runs `body` with a temporary folder that is removed afterwards, whatever happens.
func withTemporaryFolder<T>(_ label: String = "salve-e2e", _ body: (TemporaryFolder) throws -> T) throws -> T {
    let folder = try TemporaryFolder(label)
    defer { folder.remove() }
    return try body(folder)
}

enum FileTree {
    /// Every regular file below `root` (hidden ones included), by path relative to `root`, with its bytes.
    static func read(_ root: URL) throws -> [String: Data] {
        var files: [String: Data] = [:]
        let rootPath = root.standardizedFileURL.resolvingSymlinksInPath().path
        guard let enumerator = FileManager.default.enumerator(
            at: root, includingPropertiesForKeys: [.isRegularFileKey], options: []) else { return [:] }
        for case let url as URL in enumerator {
            guard (try url.resourceValues(forKeys: [.isRegularFileKey])).isRegularFile == true else { continue }
            let path = url.standardizedFileURL.resolvingSymlinksInPath().path
            let relative = String(path.dropFirst(rootPath.count + 1))
            files[relative] = try Data(contentsOf: url)
        }
        return files
    }

    /// Writes `files` under `root`, creating folders as needed.
    static func write(_ files: [String: Data], to root: URL) throws {
        for (path, data) in files {
            let url = root.appendingPathComponent(path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try data.write(to: url)
        }
    }

    /// Copies a folder (e.g. a fixture) to `destination`, which must not exist yet.
    static func copy(_ source: URL, to destination: URL) throws {
        try FileManager.default.createDirectory(at: destination.deletingLastPathComponent(), withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: source, to: destination)
    }

    /// Names in `folder` (hidden ones included), sorted.
    static func names(in folder: URL) -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []).sorted()
    }

    static func exists(_ url: URL) -> Bool {
        FileManager.default.fileExists(atPath: url.path)
    }

    /// A readable account of how two trees differ: missing, extra and changed files, with the first changed line.
    static func differences(expected: [String: Data], actual: [String: Data]) -> [String] {
        var problems: [String] = []
        for path in expected.keys.sorted() where actual[path] == nil {
            problems.append("missing file: \(path)")
        }
        for path in actual.keys.sorted() where expected[path] == nil {
            problems.append("extra file: \(path)")
        }
        for path in expected.keys.sorted() {
            guard let want = expected[path], let got = actual[path], want != got else { continue }
            problems.append("changed file: \(path)\n" + firstDifference(want, got))
        }
        return problems
    }

    private static func firstDifference(_ a: Data, _ b: Data) -> String {
        let left = String(decoding: a, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
        let right = String(decoding: b, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
        for index in 0..<max(left.count, right.count) {
            let l = index < left.count ? String(left[index]) : "<end of file>"
            let r = index < right.count ? String(right[index]) : "<end of file>"
            if l != r { return "  line \(index + 1)\n  expected: \(l)\n  actual:   \(r)" }
        }
        return "  (the files differ only in bytes that are not shown)"
    }
}

/// Output text helpers.
extension Dictionary where Key == String, Value == Data {
    func text(_ path: String) -> String {
        self[path].map { String(decoding: $0, as: UTF8.self) } ?? ""
    }
}

extension String {
    /// How many times `needle` occurs (non-overlapping).
    func occurrences(of needle: String) -> Int {
        guard !needle.isEmpty else { return 0 }
        var count = 0
        var rest = self[...]
        while let range = rest.range(of: needle) {
            count += 1
            rest = rest[range.upperBound...]
        }
        return count
    }

    /// The text between the first `start` and the next `end` after it (both excluded), or "".
    func between(_ start: String, _ end: String) -> String {
        guard let lower = range(of: start),
              let upper = self[lower.upperBound...].range(of: end) else { return "" }
        return String(self[lower.upperBound..<upper.lowerBound])
    }
}

/// Builds a site and returns the report and every file written.
struct BuiltSite {
    var report: BuildReport
    var files: [String: Data]

    static func build(_ project: URL, includeDrafts: Bool = false, into output: URL) throws -> BuiltSite {
        let report = try Fixtures.build(project, includeDrafts: includeDrafts, output: output)
        let files = FileTree.exists(output) ? try FileTree.read(output) : [:]
        return BuiltSite(report: report, files: files)
    }

    /// Builds the valid fixture into a temporary folder.
    static func valid(includeDrafts: Bool = false) throws -> BuiltSite {
        try withTemporaryFolder { temp in
            try build(Fixtures.validSite, includeDrafts: includeDrafts, into: temp.appending("Output"))
        }
    }

    func page(_ path: String) -> String { files.text(path) }

    var htmlPages: [String] { files.keys.filter { $0.hasSuffix(".html") }.sorted() }

    /// Every search fragment (`search/f/<rank>.json`), by the page path it names (`conditions/knee-pain/`).
    func searchFragments() throws -> [String: [String: Any]] {
        var fragments: [String: [String: Any]] = [:]
        for (file, data) in files where file.hasPrefix("search/f/") {
            let object = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
            fragments[object["u"] as? String ?? ""] = object
        }
        return fragments
    }
}

extension DiagnosticList {
    /// The sorted diagnostics as `Diagnostic.description` lines.
    var lines: [String] { sorted.map(\.description) }
}

/// Staging or swap folders `OutputWriter` leaves beside an output folder, if any.
func leftovers(besideOutput output: URL) -> [String] {
    let name = output.lastPathComponent
    return FileTree.names(in: output.deletingLastPathComponent()).filter {
        $0.hasPrefix(".\(name).staging") || $0.hasPrefix(".\(name).previous")
    }
}
