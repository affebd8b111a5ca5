import Foundation

/// `Content/static/`: files copied as they are to the site root (`favicon.ico`, `_headers`,
/// verification files). Names starting with "." or "#" or ending in "~" are left out, as everywhere
/// in `Content/`.
public enum StaticFolder {
    /// Each file's path in the site (relative to `static/`), its absolute path and its display path,
    /// sorted by site path.
    public static func files(in contentDirectory: URL, displayRoot: URL) -> [(sitePath: String, source: String, display: String)] {
        let root = contentDirectory.standardizedFileURL.path + "/static"
        let paths = ProjectPaths(displayRoot: displayRoot)
        return FileDiscovery.contentFiles(under: root).files.sorted().map { path in
            (String(path.dropFirst(root.count + 1)), path, paths.display(standardizedPath: path))
        }
    }
}
