import Foundation

/// Project-relative display paths for diagnostics.
public struct ProjectPaths: Sendable {
    let displayRoot: String

    public init(displayRoot: URL) {
        self.displayRoot = displayRoot.standardizedFileURL.path
    }

    public func display(_ url: URL) -> String {
        display(standardizedPath: url.standardizedFileURL.path)
    }

    /// For an absolute path with no "." or ".." parts (as file discovery builds them), without
    /// Foundation's standardising, which cost more than the rest of discovering a file.
    func display(standardizedPath path: String) -> String {
        let root = displayRoot.hasSuffix("/") ? displayRoot : displayRoot + "/"
        guard path.utf8.starts(with: root.utf8) else { return path }
        return String(Substring(path.utf8.dropFirst(root.utf8.count)))
    }
}
