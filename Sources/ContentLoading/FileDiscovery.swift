import ContentModel
import Diagnostics
import Foundation

/// A content file found on disk, with the kind and slug its place implies.
struct DiscoveredPage: Sendable {
    var url: URL
    /// Display path, relative to the project root.
    var file: String
    var kind: ContentKind
    var slug: Slug
    /// Folders from `Content/` down to the file, e.g. `["articles", "2026"]`.
    var folder: [String]
}

/// Finds the pages under `Content/`: `<kind folder>/**/<slug>.md`. Anything else is reported, not guessed at.
enum FileDiscovery {
    private static func isRegularFile(_ path: String) -> Bool {
        var isDirectory: ObjCBool = false
        return FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) && !isDirectory.boolValue
    }

    static func discover(in root: URL, paths: ProjectPaths) -> (pages: [DiscoveredPage], diagnostics: [Diagnostic]) {
        var pages: [DiscoveredPage] = []
        var diagnostics: [Diagnostic] = []
        let rootPath = root.standardizedFileURL.path
        // Path-based enumeration with the attributes it already read: URL resource values cost more
        // than parsing the file did.
        guard let enumerator = FileManager.default.enumerator(atPath: rootPath) else { return ([], []) }
        var files: [String] = []
        while let relative = enumerator.nextObject() as? String {
            let name = relative.split(separator: "/").last.map(String.init) ?? relative
            let type = enumerator.fileAttributes?[.type] as? FileAttributeType
            // Editors' swap, backup and lock files, and hidden folders, are never content.
            if name.hasPrefix(".") || name.hasSuffix("~") || name.hasPrefix("#") {
                if type == .typeDirectory { enumerator.skipDescendants() }
                continue
            }
            if type == .typeRegular || (type == .typeSymbolicLink && Self.isRegularFile(rootPath + "/" + relative)) {
                files.append(rootPath + "/" + relative)
            }
        }
        for path in files.sorted() {
            let url = URL(fileURLWithPath: path)
            let file = paths.display(url)
            var components = path.dropFirst(rootPath.count).split(separator: "/").map(String.init)
            let name = components.removeLast()
            if components.isEmpty && name == "site.yml" { continue }
            guard let top = components.first, let kind = ContentKind(folder: top) else {
                diagnostics.append(.warning(
                    .strayFile, "this file is not in a page folder (conditions, articles, exercises, programs, experts) and is not published",
                    at: SourceLocation(file: file)))
                continue
            }
            guard name.hasSuffix(".md") else {
                diagnostics.append(.warning(.strayFile, "only Markdown files (.md) are pages; this file is not published",
                                            at: SourceLocation(file: file)))
                continue
            }
            let stem = String(name.dropLast(3))
            guard let slug = Slug(stem) else {
                diagnostics.append(.error(
                    .invalidSlug,
                    "the file name '\(stem)' is not a valid page id; rename it with lowercase letters, digits and single hyphens, like 'glute-bridge.md'",
                    at: SourceLocation(file: file)))
                continue
            }
            pages.append(DiscoveredPage(url: url, file: file, kind: kind, slug: slug, folder: components))
        }
        return (pages, diagnostics)
    }
}
