import Diagnostics
import Foundation
@testable import ContentLoading
@testable import ContentModel

/// `Testing` has a `SourceLocation` too; in these tests the name means Salve's.
typealias SourceLocation = Diagnostics.SourceLocation

func slug(_ text: String) -> Slug { Slug(text)! }
func key(_ text: String) -> CitationKey { CitationKey(text)! }
func day(_ text: String) -> Day { Day(iso: text)! }

let testSite = SiteConfig(title: "Test", baseURL: "https://example.org/")

/// Loads one page from text with `PageLoader`, as if it were `Content/<kind folder>/<slug>.md`.
func loadPage(_ text: String, kind: ContentKind = .article, slug name: String = "page", folder: [String]? = nil,
              site: SiteConfig = testSite) -> PageLoader.Result {
    let folder = folder ?? [kind.folder]
    let file = "Content/" + (folder + [name + ".md"]).joined(separator: "/")
    return PageLoader.load(text: text, kind: kind, slug: slug(name), file: file, folder: folder, site: site)
}

extension PageLoader.Result {
    func with(_ code: DiagnosticCode) -> [Diagnostic] { diagnostics.filter { $0.code == code } }
    var errors: [Diagnostic] { diagnostics.filter { $0.severity == .error } }
    /// `line:column` of each diagnostic with `code`.
    func positions(_ code: DiagnosticCode) -> [String] {
        with(code).map { "\($0.location.line ?? 0):\($0.location.column ?? 0)" }
    }
}

/// "line:column" of a location, for compact expectations.
func position(_ location: SourceLocation) -> String { "\(location.line ?? 0):\(location.column ?? 0)" }

/// A valid article's front matter lines (between the fences), to vary one field at a time.
let articleFields = [
    "title: Walking for back pain",
    "summary: Walking helps [@smith2018].",
    "conditions: [sciatica]",
    "review: pending",
    "published: 2026-01-10",
]

func article(_ fields: [String] = articleFields, body: String = "Body text.\n") -> String {
    "---\n" + fields.joined(separator: "\n") + "\n---\n" + body
}

/// A throwaway project folder with `Content/` and `seeds/`, removed by `remove()`.
struct TempProject {
    let root: URL

    init() throws {
        root = FileManager.default.temporaryDirectory.appendingPathComponent("salve-tests-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: root.appendingPathComponent("Content"), withIntermediateDirectories: true)
        try FileManager.default.createDirectory(at: root.appendingPathComponent("seeds"), withIntermediateDirectories: true)
    }

    func write(_ path: String, _ text: String) throws {
        try write(path, Data(text.utf8))
    }

    func write(_ path: String, _ data: Data) throws {
        let url = root.appendingPathComponent(path)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try data.write(to: url)
    }

    func load(includeDrafts: Bool = false) throws -> LoadResult {
        try ContentLoader.load(LoadOptions(
            contentDirectory: root.appendingPathComponent("Content"), seedsDirectory: root.appendingPathComponent("seeds"),
            displayRoot: root, includeDrafts: includeDrafts))
    }

    func remove() {
        try? FileManager.default.removeItem(at: root)
    }
}

extension LoadResult {
    func with(_ code: DiagnosticCode) -> [Diagnostic] { diagnostics.all.filter { $0.code == code } }
}
