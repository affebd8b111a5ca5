import ContentLoading
import ContentModel
import Diagnostics
import Foundation

/// Why `salve init` or `salve new` wrote nothing.
public struct ScaffoldFailure: Error, CustomStringConvertible {
    public enum Reason: Sendable {
        /// The request itself is refused (a folder with content, an id that is not free): exit 1.
        case refused
        /// The file system failed: exit 2.
        case io
    }

    public var reason: Reason
    public var description: String
    /// When the loader's rules refuse a new page's id, the diagnostic the loader would give.
    public var diagnostic: Diagnostic?
}

/// `salve init`: the starter site written into an empty folder.
public enum SiteScaffold {
    /// Writes the starter site into `folder`, made when missing, and returns what it wrote. A folder
    /// with anything in it but `.git` (a repository just made) is refused, naming the first entry.
    public static func write(into folder: URL, today: Day) throws(ScaffoldFailure) -> [StarterFile] {
        let manager = FileManager.default
        var isDirectory: ObjCBool = false
        if manager.fileExists(atPath: folder.path, isDirectory: &isDirectory) {
            guard isDirectory.boolValue else {
                throw ScaffoldFailure(reason: .refused, description: "'\(folder.path)' is a file, not a folder")
            }
            let entries: [String]
            do { entries = try manager.contentsOfDirectory(atPath: folder.path) } catch {
                throw ScaffoldFailure(reason: .io, description: "the folder '\(folder.path)' could not be read: \(error.localizedDescription)")
            }
            if let first = entries.filter({ $0 != ".git" }).sorted().first {
                throw ScaffoldFailure(
                    reason: .refused,
                    description: "'\(folder.path)' is not empty ('\(first)' is in the way); salve init only writes into an empty folder (a .git folder is fine): give a new folder's name, or move its files out")
            }
        }
        let files = SiteTemplate.files(today: today)
        for file in files {
            try write(file.text, to: folder.appendingPathComponent(file.path), overwrite: false)
        }
        return files
    }

    static func write(_ text: String, to url: URL, overwrite: Bool) throws(ScaffoldFailure) {
        do {
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            // Never over a file that appeared since the checks: a writer's page is worth more than a template.
            try Data(text.utf8).write(to: url, options: overwrite ? .atomic : .withoutOverwriting)
        } catch {
            throw ScaffoldFailure(reason: .io, description: "'\(url.path)' could not be written: \(error.localizedDescription)")
        }
    }
}

/// `salve new KIND ID`: one page from its template, refused when the loader would refuse its id.
public enum NewPage {
    /// Writes `Content/<folder>/<id>.md` and returns its display path (relative to `displayRoot`).
    public static func write(_ kind: NewPageKind, id: String, contentDirectory: URL, displayRoot: URL,
                             today: Day) throws(ScaffoldFailure) -> String {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: contentDirectory.path, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw ScaffoldFailure(reason: .io, description: "the content folder '\(contentDirectory.path)' does not exist; run 'salve init' to start a site, or give the folder with --content")
        }
        if let problem = NewPageNames.problem(creating: id, inFolder: kind.folder, contentDirectory: contentDirectory,
                                              displayRoot: displayRoot) {
            throw ScaffoldFailure(reason: .refused, description: problem.message, diagnostic: problem)
        }
        func first(_ folder: String) -> Slug? {
            NewPageNames.pages(inFolder: folder, contentDirectory: contentDirectory, displayRoot: displayRoot)
                .map(\.slug).min()
        }
        var links = PageLinks(today: today)
        if kind.needsCondition {
            // A page names the conditions it is about, and an id that does not exist is an error.
            guard let condition = first("conditions") else {
                throw ScaffoldFailure(reason: .refused, description: "a new \(kind.rawValue) names the conditions it is about, and there is no condition yet: run 'salve new condition ID' first")
            }
            links.condition = condition
        }
        if kind == .article { links.expert = first("experts") }
        let url = contentDirectory.appendingPathComponent(kind.folder).appendingPathComponent(id + ".md")
        try SiteScaffold.write(PageTemplates.text(for: kind, links: links), to: url, overwrite: false)
        return ProjectPaths(displayRoot: displayRoot).display(url)
    }
}
