#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation

/// Maps request paths to files of the built site, and never to anything outside it.
///
/// The path is percent-decoded once; a `..` segment (however it was written), a NUL byte or a
/// backslash is refused; the file found is resolved with `realpath` and must lie under the site's
/// own resolved root, so a symlink pointing out of the site is refused too.
struct StaticFiles: Sendable {
    enum Resolution: Equatable {
        /// A regular file under the root (its resolved path).
        case file(String)
        /// A folder asked for without its trailing slash: redirect here (path and query, still encoded).
        case redirect(String)
        /// The path tries to leave the site.
        case forbidden
        case notFound
    }

    /// The site folder, resolved (`realpath`), without a trailing slash.
    let root: String

    init(root: URL) {
        self.root = StaticFiles.realPath(root.path) ?? root.standardizedFileURL.path
    }

    /// - Parameters:
    ///   - rawPath: the request target's path as sent, still percent-encoded, without the query.
    ///   - query: the query as sent, kept on redirects.
    func resolve(rawPath: String, query: String? = nil) -> Resolution {
        guard let segments = StaticFiles.segments(of: rawPath) else { return .forbidden }
        let candidate = segments.isEmpty ? root : root + "/" + segments.joined(separator: "/")
        // A path that does not exist, or whose link target does not, is simply not found.
        guard let resolved = StaticFiles.realPath(candidate) else { return .notFound }
        guard isInside(resolved) else { return .forbidden }
        var info = stat()
        guard stat(resolved, &info) == 0 else { return .notFound }
        switch info.st_mode & S_IFMT {
        case S_IFREG:
            return .file(resolved)
        case S_IFDIR:
            guard rawPath.hasSuffix("/") else {
                // Relative links in the page resolve against the folder only with the slash.
                // One leading slash only, so the redirect can never name another host ("//host/").
                var location = "/" + rawPath.drop { $0 == "/" } + "/"
                if let query, !query.isEmpty { location += "?" + query }
                return .redirect(location)
            }
            guard let index = StaticFiles.realPath(resolved + "/index.html"), isInside(index) else { return .notFound }
            var indexInfo = stat()
            guard stat(index, &indexInfo) == 0, indexInfo.st_mode & S_IFMT == S_IFREG else { return .notFound }
            return .file(index)
        default:
            return .notFound
        }
    }

    /// The file served for a missing page: the site's own 404 page, if it is there.
    var notFoundPage: String? {
        guard let path = StaticFiles.realPath(root + "/404.html"), isInside(path) else { return nil }
        return path
    }

    private func isInside(_ resolved: String) -> Bool {
        resolved == root || resolved.hasPrefix(root == "/" ? "/" : root + "/")
    }

    /// The decoded path segments, or nil when the path is not acceptable (`..`, NUL, backslash,
    /// malformed percent-encoding). Empty and `.` segments are dropped.
    static func segments(of rawPath: String) -> [String]? {
        guard rawPath.hasPrefix("/") else { return nil }
        guard let decoded = percentDecode(rawPath) else { return nil }
        if decoded.contains("\0") || decoded.contains("\\") { return nil }
        var result: [String] = []
        for segment in decoded.split(separator: "/", omittingEmptySubsequences: true) {
            if segment == ".." { return nil }
            if segment == "." { continue }
            result.append(String(segment))
        }
        return result
    }

    /// Strict percent-decoding: `%` must be followed by two hex digits, and the result must be UTF-8.
    static func percentDecode(_ text: String) -> String? {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(text.utf8.count)
        var iterator = text.utf8.makeIterator()
        while let byte = iterator.next() {
            if byte == UInt8(ascii: "%") {
                guard let high = iterator.next().flatMap(hexValue), let low = iterator.next().flatMap(hexValue) else {
                    return nil
                }
                bytes.append(high << 4 | low)
            } else {
                bytes.append(byte)
            }
        }
        return String(validating: bytes, as: UTF8.self)
    }

    private static func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): byte - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): byte - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): byte - UInt8(ascii: "A") + 10
        default: nil
        }
    }

    static func realPath(_ path: String) -> String? {
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }
}

/// Content types by file extension, for what a Salve site holds (and what authors may add).
enum MIMETypes {
    static let byExtension: [String: String] = [
        "html": "text/html; charset=utf-8",
        "htm": "text/html; charset=utf-8",
        "css": "text/css; charset=utf-8",
        "js": "text/javascript; charset=utf-8",
        "mjs": "text/javascript; charset=utf-8",
        "json": "application/json",
        "map": "application/json",
        "xml": "application/xml",
        "txt": "text/plain; charset=utf-8",
        "md": "text/markdown; charset=utf-8",
        "csv": "text/csv; charset=utf-8",
        "svg": "image/svg+xml",
        "png": "image/png",
        "jpg": "image/jpeg",
        "jpeg": "image/jpeg",
        "gif": "image/gif",
        "webp": "image/webp",
        "avif": "image/avif",
        "ico": "image/x-icon",
        "woff": "font/woff",
        "woff2": "font/woff2",
        "ttf": "font/ttf",
        "otf": "font/otf",
        "pdf": "application/pdf",
        "mp4": "video/mp4",
        "webm": "video/webm",
        "mp3": "audio/mpeg",
        "ogg": "audio/ogg",
        "wasm": "application/wasm",
        "webmanifest": "application/manifest+json",
        "vtt": "text/vtt; charset=utf-8",
    ]

    static let fallback = "application/octet-stream"

    static func type(forPath path: String) -> String {
        guard let dot = path.lastIndex(of: "."), !path[dot...].contains("/") else { return fallback }
        return byExtension[path[path.index(after: dot)...].lowercased()] ?? fallback
    }

    static func isHTML(_ contentType: String) -> Bool { contentType.hasPrefix("text/html") }
}
