import ContentModel
import Diagnostics
import Foundation

/// The loader's rules for page file names, asked before a page is created (`salve new`), so a new
/// page is refused with the words the loader would use once the file exists.
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

    /// Why `Content/<folder>/<id>.md` cannot be written as a new page, or nil when it can: an id that
    /// is not a slug, or one a page of the folder already has (in any sub-folder).
    public static func problem(creating id: String, inFolder folder: String, contentDirectory: URL,
                               displayRoot: URL) -> Diagnostic? {
        let target = ProjectPaths(displayRoot: displayRoot)
            .display(contentDirectory.appendingPathComponent(folder).appendingPathComponent(id + ".md"))
        guard Slug.isValid(id) else { return FileDiscovery.invalidName(id, file: target) }
        let existing = pages(inFolder: folder, contentDirectory: contentDirectory, displayRoot: displayRoot)
        guard let taken = existing.first(where: { $0.slug.rawValue == id }) else { return nil }
        if taken.file == target {
            return .error(.duplicateSlug, "this page already exists; choose another id, or edit the page",
                          at: SourceLocation(file: target, line: 1, column: 1))
        }
        return GraphValidator.duplicateId(id, folder: folder, file: target, earlier: taken.file)
    }
}
