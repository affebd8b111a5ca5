import ContentModel
import Diagnostics
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A content file found on disk, with the kind and slug its place implies.
struct DiscoveredPage: Sendable {
    /// The file's absolute path, as found (no URL: converting back and forth cost time on every page).
    var path: String
    /// Display path, relative to the project root.
    var file: String
    var kind: ContentKind
    var slug: Slug
    /// Folders from `Content/` down to the file, e.g. `["articles", "2026"]`.
    var folder: [String]
}

/// Finds the pages under `Content/`: `<kind folder>/**/<slug>.md`. Anything else is reported, not guessed at.
enum FileDiscovery {
    /// - Parameter adding: an absolute path under `root` to treat as a file that exists, so `salve new`
    ///   can ask what loading would say of a page before writing it.
    static func discover(in root: URL, paths: ProjectPaths,
                         adding: String? = nil) -> (pages: [DiscoveredPage], diagnostics: [Diagnostic]) {
        var pages: [DiscoveredPage] = []
        var diagnostics: [Diagnostic] = []
        let rootPath = root.standardizedFileURL.path
        let (files, unlisted) = contentFiles(under: rootPath)
        for folder in unlisted {
            diagnostics.append(.error(
                .readFailed, "the folder '\(paths.display(standardizedPath: folder.path))' could not be read (\(folder.reason)); the pages in it were not loaded",
                at: SourceLocation(file: paths.display(standardizedPath: folder.path), line: 1, column: 1)))
        }
        for path in (files + (adding.map { [$0] } ?? [])).sorted() {
            let file = paths.display(standardizedPath: path)
            var components = path.dropFirst(rootPath.count).split(separator: "/").map(String.init)
            let name = components.removeLast()
            if components.isEmpty && name == "site.yml" { continue }
            // Media files are listed and checked by the media scan (an unknown type is reported there).
            if components.first == "media" { continue }
            // Copied as is to the site root by the build.
            if components.first == "static" { continue }
            guard let top = components.first, let kind = ContentKind(folder: top) else {
                diagnostics.append(.warning(
                    .strayFile, "this file is not in a page folder (\(ContentKind.folderList)) and is not published",
                    at: SourceLocation(file: file, line: 1, column: 1)))
                continue
            }
            guard name.hasSuffix(".md") else {
                diagnostics.append(.warning(.strayFile, "only Markdown files (.md) are pages; this file is not published",
                                            at: SourceLocation(file: file, line: 1, column: 1)))
                continue
            }
            let stem = String(name.dropLast(3))
            // Where sub-folders are part of the id (`pages/about/team.md` is `about/team`), each part
            // must be a valid id too.
            let parts = kind.descriptor.nestedIDs ? components.dropFirst() + [stem] : [stem]
            guard let slug = Slug(path: Array(parts)) else {
                let bad = parts.first { !Slug.isValid($0) } ?? stem
                diagnostics.append(.error(
                    .invalidSlug,
                    "the \(bad == stem ? "file" : "folder") name '\(bad)' is not a valid page id; rename it with lowercase letters, digits and single hyphens, like 'glute-bridge\(bad == stem ? ".md" : "")'",
                    at: SourceLocation(file: file, line: 1, column: 1)))
                continue
            }
            if kind.descriptor.urlPrefix == "", parts != [PlainPage.homeSlug], let root = parts.first, SitePaths.isSiteRoot(root) {
                diagnostics.append(.error(
                    .invalidSlug,
                    "this page would be published at /\(parts.joined(separator: "/"))/, which the site itself uses; rename the \(parts.count > 1 ? "folder" : "file")",
                    at: SourceLocation(file: file, line: 1, column: 1)))
                continue
            }
            pages.append(DiscoveredPage(path: path, file: file, kind: kind, slug: slug, folder: components))
        }
        return (pages, diagnostics)
    }

    /// The paths of the files under `rootPath` that may be content, in no particular order: regular
    /// files, and symbolic links to anything but a folder. Names starting with "." or "#" or ending in
    /// "~" (editors' swap, backup and lock files, hidden folders) are left out, and so is everything
    /// inside such folders.
    ///
    /// A POSIX walk using the type that `readdir` reports, so a file costs no `stat` call; it replaced
    /// FileManager's enumerator, whose attribute dictionary per file (an `lstat`, owner and group
    /// names, dates) was most of discovery's time. It keeps the enumerator's rules, which it ran as
    /// fts(3) with FTS_PHYSICAL | FTS_XDEV: links to folders are not followed (nor is `rootPath` itself
    /// when it is a link), folders on another file system than `rootPath` are not entered, and a folder
    /// that cannot be read is passed over and returned in `unlisted` with the reason, so it can be
    /// reported rather than its pages silently missing.
    static func contentFiles(under rootPath: String) -> (files: [String], unlisted: [(path: String, reason: String)]) {
        var rootInfo = stat()
        guard lstat(rootPath, &rootInfo) == 0, rootInfo.st_mode & S_IFMT == S_IFDIR else { return ([], []) }
        var files: [String] = []
        var unlisted: [(path: String, reason: String)] = []
        var folders = [rootPath]
        func reason(_ code: Int32) -> String {
            switch code {
            case EACCES, EPERM: "permission denied"
            case ENAMETOOLONG: "its path is longer than the system allows; move it closer to the content folder"
            default: String(cString: strerror(code)).lowercased()
            }
        }
        while let folder = folders.popLast() {
            // Looking up "." fails where a folder can be listed but not searched (no x permission);
            // the enumerator could not stat what was inside such a folder, so it found nothing there.
            var folderInfo = stat()
            guard lstat(folder + "/.", &folderInfo) == 0 else {
                unlisted.append((folder, reason(errno)))
                continue
            }
            guard folderInfo.st_dev == rootInfo.st_dev else { continue }
            guard let directory = opendir(folder) else {
                unlisted.append((folder, reason(errno)))
                continue
            }
            defer { closedir(directory) }
            while let entry = readdir(directory) {
                // A name that is not UTF-8 is passed over, with everything under it, as the enumerator did.
                let decoded = withUnsafePointer(to: &entry.pointee.d_name) {
                    $0.withMemoryRebound(to: CChar.self, capacity: MemoryLayout.size(ofValue: entry.pointee.d_name)) {
                        String(validatingCString: $0)
                    }
                }
                // Also skips "." and "..".
                guard let name = decoded, !(name.hasPrefix(".") || name.hasSuffix("~") || name.hasPrefix("#")) else { continue }
                let path = folder + "/" + name
                switch fileType(entry.pointee.d_type, at: path) {
                case S_IFREG:
                    files.append(path)
                case S_IFDIR:
                    folders.append(path)
                case S_IFLNK:
                    // Followed for what it points to: a file (or anything else but a folder) counts;
                    // a broken link does not.
                    var target = stat()
                    if stat(path, &target) == 0, target.st_mode & S_IFMT != S_IFDIR { files.append(path) }
                default:
                    break
                }
            }
        }
        return (files, unlisted)
    }

    /// The `S_IFMT` bits for a directory entry's type from `readdir`, without following a link; from
    /// `lstat` on file systems that do not report it.
    private static func fileType(_ type: UInt8, at path: String) -> mode_t {
        switch Int32(type) {
        case Int32(DT_REG): return S_IFREG
        case Int32(DT_DIR): return S_IFDIR
        case Int32(DT_LNK): return S_IFLNK
        case Int32(DT_UNKNOWN):
            var info = stat()
            return lstat(path, &info) == 0 ? info.st_mode & S_IFMT : 0
        default: return 0  // a pipe, socket or device: never content
        }
    }
}
