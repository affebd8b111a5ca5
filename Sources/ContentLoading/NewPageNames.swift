import ContentModel
import Diagnostics
import Foundation

/// What loading would say of a page file before it is created (`salve new`): the file is discovered
/// with the others as if it existed, so a new page is refused by the loader's own checks and words.
public enum NewPageNames {
    /// The pages under `Content/<folder>/` (sub-folders too) as discovery finds them: ids and display
    /// paths, in path order. Files whose names are not ids are left out (the loader reports those).
    public static func pages(inFolder folder: String, contentDirectory: URL,
                             displayRoot: URL) -> [(slug: Slug, file: String)] {
        let paths = ProjectPaths(displayRoot: displayRoot)
        let root = contentDirectory.appendingPathComponent(folder).standardizedFileURL.path
        return FileDiscovery.contentFiles(under: root).files.sorted().compactMap { path in
            let name = path.split(separator: "/").last.map(String.init) ?? ""
            guard name.hasSuffix(".md"), let slug = Slug(String(name.dropLast(3))) else { return nil }
            return (slug, paths.display(standardizedPath: path))
        }
    }

    /// Why `Content/<folder>/<id>.md` cannot be written as a new page, or nil when it can: the errors
    /// loading would report once the file exists and does not report now (an id that is not valid, or
    /// that a page of the folder already has, in any sub-folder), the first of them.
    public static func problem(creating id: String, inFolder folder: String, contentDirectory: URL,
                               displayRoot: URL) -> Diagnostic? {
        let paths = ProjectPaths(displayRoot: displayRoot)
        let root = contentDirectory.standardizedFileURL
        let target = root.path + "/" + folder + "/" + id + ".md"
        let file = paths.display(standardizedPath: target)
        // A path out of the folder, or a hidden name (which discovery passes over), is never a page id.
        let parts = id.split(separator: "/", omittingEmptySubsequences: false)
        if parts.contains(where: { $0.isEmpty || $0 == "." || $0 == ".." || $0.hasPrefix(".") }) {
            return .error(.invalidSlug, "'\(id)' is not a page id; use lowercase letters, digits and single hyphens, like 'glute-bridge'",
                          at: SourceLocation(file: file, line: 1, column: 1))
        }
        if FileManager.default.fileExists(atPath: target) {
            return .error(.duplicateSlug, "this page already exists; choose another id, or edit the page",
                          at: SourceLocation(file: file, line: 1, column: 1))
        }
        func errors(adding: String?) -> [Diagnostic] {
            let discovery = FileDiscovery.discover(in: root, paths: paths, adding: adding)
            return (discovery.diagnostics + GraphValidator.pageRefs(discovery.pages).1).filter { $0.severity == .error }
        }
        let before = Set(errors(adding: nil))
        return DiagnosticList(errors(adding: target).filter { !before.contains($0) }).sorted.first
    }
}
