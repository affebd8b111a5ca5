import ContentModel
import Diagnostics
import Foundation
import Media

/// Resolves an image source or link written in a body to a file in `Content/media/`, relative to the
/// Markdown file's folder exactly like links to `.md` files.
enum MediaPathResolver {
    enum Resolution: Equatable {
        /// `media/exercises/bridge.png`: a path relative to `Content/` inside the media folder.
        case media(String)
        /// A reference to a media-type file that cannot be one (outside `Content/media/`); why.
        case invalid(String)
    }

    /// nil for what is not a local file of a media type (web addresses, `#fragment`, pages).
    static func resolve(_ destination: String, from folder: [String]) -> Resolution? {
        // Over bytes: this runs for every link of every page, and Foundation's search for ":" and
        // percent-decoding of each one cost more than the rest of the link's handling.
        let utf8 = destination.utf8
        guard let first = utf8.first, first != UInt8(ascii: "#"), !utf8.starts(with: "//".utf8),
              !utf8.contains(UInt8(ascii: ":")) else { return nil }
        let end = utf8.firstIndex { $0 == UInt8(ascii: "#") || $0 == UInt8(ascii: "?") } ?? utf8.endIndex
        let written = destination[..<end]
        let path = written.utf8.contains(UInt8(ascii: "%")) ? (written.removingPercentEncoding ?? String(written)) : String(written)
        guard MediaKind(fileName: path) != nil else { return nil }
        var parts = path.hasPrefix("/") ? [] : folder
        for component in path.split(separator: "/") {
            if component == "." { continue }
            if component == ".." {
                guard !parts.isEmpty else { return .invalid("points outside Content/") }
                parts.removeLast()
                continue
            }
            parts.append(String(component))
        }
        guard parts.count >= 2, parts[0] == "media" else {
            return .invalid("is not in Content/media/, where pictures, videos and files for pages live")
        }
        return .media(parts.joined(separator: "/"))
    }
}

enum MediaReferenceCheck {
    /// A `missing-media` error for each reference to a file that is not in the library (naming the
    /// file whose name differs only in case, when there is one).
    static func check(_ references: [BodyMedia], in library: MediaLibrary) -> [Diagnostic] {
        var found: [Diagnostic] = []
        for reference in references where library[reference.path] == nil {
            if let actual = library.differingOnlyInCase(reference.path) {
                found.append(.error(
                    .missingMedia,
                    "there is no file 'Content/\(reference.path)'; the file is 'Content/\(actual)' (letter case matters on the web server)",
                    at: reference.location))
            } else {
                found.append(.error(.missingMedia, "there is no file 'Content/\(reference.path)'", at: reference.location))
            }
        }
        return found
    }
}
