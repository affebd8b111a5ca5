import ContentLoading
import ContentModel
import Foundation
import SiteBuilder
import Testing

/// The preview's incremental rebuild (``LiveSite``) writes exactly what a full build of the same files
/// writes, byte for byte, after every change of every front-matter key of every kind, body edits, and
/// pages added, renamed and deleted.
///
/// The mutations are generated from the fixture site's files and the README's key tables (see
/// ``MutationCatalog``): a key added to a fixture, or documented in the README, is covered without
/// editing this test. Each lane of mutations (one file's) runs on its own copy of the fixture, one
/// mutation after another: change, rebuild incrementally with the changed paths as the watcher would
/// report them, compare with a full build of the changed files; then revert, rebuild incrementally and
/// compare with the unchanged site's full build.
@Suite(.timeLimit(.minutes(5)))
struct IncrementalEqualsFullTests {
    /// Every kind and every key the README documents (and every key the fixtures use) has a mutation.
    @Test func everyDocumentedKindAndKeyIsMutated() throws {
        let readme = try #require(MutationCatalog.readme, "README.md could not be read")
        let mutations = MutationCatalog.all
        if ProcessInfo.processInfo.environment["SALVE_MUTATION_STATS"] == "1" {
            let byKind = Dictionary(grouping: mutations, by: \.kind).mapValues(\.count).sorted { $0.key < $1.key }
            print("mutations: \(mutations.count) — " + byKind.map { "\($0.key) \($0.value)" }.joined(separator: ", "))
            for folder in MutationCatalog.pageFolders + ["site"] {
                print("documented \(folder): \(readme.documentedPaths(of: folder).sorted().joined(separator: " "))")
            }
            for mutation in mutations { print("  \(mutation.expectValid.map { $0 ? "valid  " : "invalid" } ?? "either ") \(mutation.name)") }
        }
        // Every kind has a README table, and every README table is a kind the content model knows.
        let tables = Set(readme.topLevel.keys).subtracting(["site", "*"])
        #expect(tables == Set(MutationCatalog.pageFolders),
                "README tables for \(tables.sorted()), page kinds \(MutationCatalog.pageFolders)")
        for folder in MutationCatalog.pageFolders {
            #expect(MutationCatalog.base.keys.contains { $0.hasPrefix("Content/\(folder)/") },
                    "the fixture site has no \(folder) page to change")
        }
        for folder in MutationCatalog.pageFolders + ["site"] {
            let documented = readme.documentedPaths(of: folder)
            #expect(!documented.isEmpty, "the README documents no keys for \(folder)")
            let covered = Set(mutations.filter { $0.kind == folder }.flatMap(\.keys))
            let missing = documented.subtracting(covered).sorted()
            #expect(missing.isEmpty, "\(folder): no mutation changes the documented key(s) \(missing.joined(separator: ", "))")
            if folder != "site" {
                for structural in ["(body)", "(add)", "(rename)", "(delete)"] {
                    #expect(covered.contains(structural), "\(folder): no \(structural) mutation")
                }
            }
        }
        // Keys written in the fixtures' files that the generator found no change for.
        for path in MutationCatalog.base.keys.sorted() where path.hasSuffix(".md") || path.hasSuffix(".yml") {
            let yaml = YAMLLines(MutationCatalog.base[path]!, frontMatter: path.hasSuffix(".md"))
            let covered = Set(mutations.filter { $0.lane == path }.flatMap(\.keys))
            for key in keyPaths(yaml.root, prefix: "") where !covered.contains(key) {
                Issue.record("\(path): no mutation changes \(key)")
            }
        }
        for kind in ["references", "sources", "retractions"] {
            #expect(mutations.contains { $0.kind == kind }, "no mutation of \(kind)")
        }
        // The README's nested key lists were found (a changed README wording would otherwise drop them silently).
        for nested in ["review", "dosage", "phases"] {
            #expect(!(readme.nested[nested] ?? []).isEmpty, "no \(nested) keys read from the README")
        }
    }

    private func keyPaths(_ entries: [YAMLLines.Entry], prefix: String) -> [String] {
        entries.flatMap { entry -> [String] in
            let path = prefix + entry.key
            switch entry.node {
            case .map(let nested): return [path] + keyPaths(nested, prefix: path + ".")
            case .list(let items):
                return [path] + items.flatMap { item -> [String] in
                    if case .map(let nested) = item.node { return keyPaths(nested, prefix: path + "[].") }
                    return []
                }
            default: return [path]
            }
        }
    }

    @Test(arguments: MutationCatalog.lanes)
    func incrementalRebuildEqualsFullBuild(lane: String) async throws {
        let mutations = MutationCatalog.all.filter { $0.lane == lane }
        try #require(!mutations.isEmpty)
        // Builds block their thread for a while: they run on Dispatch's threads, two lanes at a time,
        // so the tests that wait asynchronously (the preview's) keep the cooperative pool to themselves.
        let problems = try await IncrementalRun.offCooperativePool {
            let baseline = try IncrementalRun.baseline.get()
            let run = try IncrementalRun()
            defer { run.folder.remove() }
            for mutation in mutations {
                try run.check(mutation, baseline: baseline)
            }
            return run.problems
        }
        for problem in problems { Issue.record(Comment(rawValue: problem)) }
    }
}

/// At most `limit` holders at once; the others wait suspended, holding no thread.
actor AsyncLimiter {
    private var available: Int
    private var waiting: [CheckedContinuation<Void, Never>] = []

    init(_ limit: Int) { available = limit }

    func acquire() async {
        if available > 0 {
            available -= 1
            return
        }
        await withCheckedContinuation { waiting.append($0) }
    }

    func release() {
        if waiting.isEmpty {
            available += 1
        } else {
            waiting.removeFirst().resume()
        }
    }
}

struct SetupFailure: Error, CustomStringConvertible {
    var description: String
}

/// One lane's project copy and live site.
final class IncrementalRun {
    let folder: TemporaryFolder
    var project: URL { folder.appending("site") }
    private var live: LiveSite
    private var outputs = 0
    /// What went wrong, for the test to record.
    private(set) var problems: [String] = []

    /// The unchanged fixture's full build, shared by every lane.
    static let baseline: Result<[String: Data], any Error> = Result {
        let folder = try TemporaryFolder(inMemory: "salve-incremental-base")
        defer { folder.remove() }
        let project = folder.appending("site")
        try FileTree.write(MutationCatalog.base.mapValues { Data($0.utf8) }, to: project)
        let full = try fullBuild(project, into: folder.appending("full"))
        guard full.succeeded else { throw SetupFailure(description: "the unchanged fixture has errors:\n\(full.errors)") }
        return full.files
    }

    private static let lanesAtOnce = AsyncLimiter(2)

    /// Runs `body` on a thread of its own, at most two at once. Neither the cooperative pool nor
    /// Dispatch's threads are held while a lane builds or waits for its turn: other tests wait on both.
    static func offCooperativePool<T: Sendable>(_ body: @escaping @Sendable () throws -> T) async throws -> T {
        await lanesAtOnce.acquire()
        defer { Task { await lanesAtOnce.release() } }
        return try await withCheckedThrowingContinuation { continuation in
            let thread = Thread { continuation.resume(with: Result { try body() }) }
            thread.stackSize = 8 << 20
            thread.start()
        }
    }

    init() throws {
        folder = try TemporaryFolder(inMemory: "salve-incremental")
        try FileTree.write(MutationCatalog.base.mapValues { Data($0.utf8) }, to: folder.appending("site"))
        live = LiveSite(options: Self.options(folder.appending("site")), output: folder.appending("live-0"))
        try start()
    }

    static func options(_ project: URL) -> LoadOptions {
        Fixtures.options(for: project, includeDrafts: true)
    }

    /// A full build as `salve build --drafts` does it (the preview shows drafts), without its marker file.
    static func fullBuild(_ project: URL, into output: URL) throws -> (succeeded: Bool, files: [String: Data], errors: String) {
        defer { try? FileManager.default.removeItem(at: output) }
        let report = try SiteBuild.build(options(project), output: output)
        guard report.succeeded else {
            return (false, [:], report.diagnostics.lines.filter { $0.contains("error:") }.joined(separator: "\n"))
        }
        var files = try readTree(output)
        files[OutputWriter.markerName] = nil
        return (true, files, "")
    }

    private func start() throws {
        let update = try live.rebuild()
        guard update.succeeded else { throw SetupFailure(description: "the unchanged fixture has errors in the live site") }
        if let problem = Self.firstDifference(expected: try Self.baseline.get(), actual: try Self.readTree(live.output)) {
            problems.append("the live site's first build differs from the full build: \(problem)")
        }
    }

    /// Applies the mutation's saves, then reverts them; after each, the live folder must hold what a
    /// full build of the same files writes (or, when the files have errors, the last good site).
    func check(_ mutation: Mutation, baseline: [String: Data]) throws {
        var lastGood = baseline
        let touched = Set(mutation.steps.flatMap { $0.flatMap(\.paths) })
        let revert: [FileChange] = touched.sorted().map { path in
            if let text = MutationCatalog.base[path] { return .write(path, text) }
            return .delete(path)
        }
        let steps = mutation.steps.map { ($0, false) } + [(revert, true)]
        for (index, (changes, isRevert)) in steps.enumerated() {
            let label = isRevert ? "after reverting it" : mutation.steps.count > 1 ? "after save \(index + 1)" : "after the change"
            let changed = try apply(changes)
            let update = try live.rebuild(changedPaths: changed)
            let expected: [String: Data]
            if isRevert {
                expected = baseline
                if !update.succeeded {
                    problems.append("\(mutation): \(label): the live rebuild reported errors: \(update.diagnostics.lines.filter { $0.contains("error:") })")
                }
            } else {
                outputs += 1
                let full = try Self.fullBuild(project, into: folder.appending("full-\(outputs)"))
                if let valid = mutation.expectValid, valid != full.succeeded {
                    problems.append(valid ? "\(mutation): meant to be a valid change, but the full build has errors:\n\(full.errors)"
                                       : "\(mutation): meant to be an invalid change, but the full build succeeded")
                }
                if update.succeeded != full.succeeded {
                    problems.append("\(mutation): \(label): the live rebuild \(update.succeeded ? "succeeded" : "failed") but the full build \(full.succeeded ? "succeeded" : "failed")")
                }
                expected = full.succeeded ? full.files : lastGood
            }
            let actual = try Self.readTree(live.output)
            if let problem = Self.firstDifference(expected: expected, actual: actual) {
                problems.append("\(mutation): \(label): the incremental rebuild differs from a full build: \(problem)")
                try reset()
                return
            }
            lastGood = expected
        }
    }

    /// Writes the fixture back and starts a fresh live site, after a failure.
    private func reset() throws {
        for path in (try FileTree.read(project)).keys where MutationCatalog.base[path] == nil {
            try? FileManager.default.removeItem(at: project.appendingPathComponent(path))
        }
        try FileTree.write(MutationCatalog.base.mapValues { Data($0.utf8) }, to: project)
        outputs += 1
        live = LiveSite(options: Self.options(project), output: folder.appending("live-\(outputs)"))
        try start()
    }

    /// Absolute paths the watcher would report: the files, and folders the change created or emptied.
    private func apply(_ changes: [FileChange]) throws -> Set<String> {
        var paths = Set<String>()
        let manager = FileManager.default
        for change in changes {
            for path in change.paths {
                let url = project.appendingPathComponent(path)
                paths.insert(url.path)
                if !manager.fileExists(atPath: url.deletingLastPathComponent().path) { paths.insert(url.deletingLastPathComponent().path) }
            }
            switch change {
            case .write(let path, let text):
                let url = project.appendingPathComponent(path)
                try manager.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
                try Data(text.utf8).write(to: url)
            case .delete(let path):
                let url = project.appendingPathComponent(path)
                if manager.fileExists(atPath: url.path) { try manager.removeItem(at: url) }
                let parent = url.deletingLastPathComponent()
                if (try? manager.contentsOfDirectory(atPath: parent.path))?.isEmpty == true, MutationCatalog.base.keys.allSatisfy({ !$0.hasPrefix(Self.relative(parent, in: project) + "/") }) {
                    try manager.removeItem(at: parent)
                    paths.insert(parent.path)
                }
            case .rename(let from, let to):
                let target = project.appendingPathComponent(to)
                try manager.createDirectory(at: target.deletingLastPathComponent(), withIntermediateDirectories: true)
                try manager.moveItem(at: project.appendingPathComponent(from), to: target)
            }
        }
        return paths
    }

    /// Every regular file below `root` by relative path (``FileTree/read(_:)`` without resolving links: faster).
    static func readTree(_ root: URL) throws -> [String: Data] {
        var files: [String: Data] = [:]
        let manager = FileManager.default
        for relative in try manager.subpathsOfDirectory(atPath: root.path) {
            let path = root.path + "/" + relative
            var isDirectory: ObjCBool = false
            guard manager.fileExists(atPath: path, isDirectory: &isDirectory), !isDirectory.boolValue else { continue }
            files[relative] = try Data(contentsOf: URL(fileURLWithPath: path))
        }
        return files
    }

    private static func relative(_ url: URL, in root: URL) -> String {
        String(url.standardizedFileURL.path.dropFirst(root.standardizedFileURL.path.count + 1))
    }

    /// The first file that is missing, extra or different, with the bytes around the first difference.
    static func firstDifference(expected: [String: Data], actual: [String: Data]) -> String? {
        for path in Set(expected.keys).union(actual.keys).sorted() {
            switch (expected[path], actual[path]) {
            case (nil, _): return "extra file \(path)"
            case (_, nil): return "missing file \(path)"
            case (let want?, let got?) where want != got:
                let a = [UInt8](want), b = [UInt8](got)
                let offset = (0..<min(a.count, b.count)).first { a[$0] != b[$0] } ?? min(a.count, b.count)
                func context(_ bytes: [UInt8]) -> String {
                    let start = max(0, offset - 120), end = min(bytes.count, offset + 120)
                    return String(decoding: bytes[start..<end], as: UTF8.self)
                }
                return """
                    \(path) differs at byte \(offset) (expected \(a.count) bytes, got \(b.count))
                    --- full build:
                    \(context(a))
                    --- incremental:
                    \(context(b))
                    """
            default: continue
            }
        }
        return nil
    }
}

extension TemporaryFolder {
    /// A fresh folder in `/dev/shm` (memory) where there is one, else in the temporary folder: the
    /// mutations write and remove thousands of small files.
    init(inMemory label: String) throws {
        let shm = URL(fileURLWithPath: "/dev/shm", isDirectory: true)
        var isDirectory: ObjCBool = false
        let parent = FileManager.default.fileExists(atPath: shm.path, isDirectory: &isDirectory) && isDirectory.boolValue
            && FileManager.default.isWritableFile(atPath: shm.path) ? shm : FileManager.default.temporaryDirectory
        url = parent.appendingPathComponent("\(label)-\(UUID().uuidString)", isDirectory: true)
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }
}
