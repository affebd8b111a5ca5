import Foundation

/// Project-relative display paths for diagnostics.
public struct ProjectPaths: Sendable {
    let displayRoot: String

    public init(displayRoot: URL) {
        self.displayRoot = displayRoot.standardizedFileURL.path
    }

    public func display(_ url: URL) -> String {
        let path = url.standardizedFileURL.path
        let root = displayRoot.hasSuffix("/") ? displayRoot : displayRoot + "/"
        return path.hasPrefix(root) ? String(path.dropFirst(root.count)) : path
    }
}
