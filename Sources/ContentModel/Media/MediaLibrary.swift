import Diagnostics

/// The files in `Content/media/` as pages see them: what each is, and for an image its size and the
/// URLs of its variants. Keys are paths relative to `Content/` (`media/exercises/bridge-start.png`),
/// which are also the files' paths in the built site.
public struct MediaLibrary: Sendable {
    public enum Entry: Sendable {
        /// A raster image published with resized variants.
        case image(MediaImage)
        /// An SVG, published as is once checked; its size when it states one.
        case vector(width: Int?, height: Int?)
        /// Anything else (a document, a video, captions); `label` for a document: "PDF, 240 KB".
        case file(label: String?, byteCount: Int)
    }

    public private(set) var entries: [String: Entry] = [:]
    /// Lowercased path → the path as it is on disk, to say what a reference that differs only in
    /// case meant (the site is served from Linux, where case matters).
    private var byLowercasedPath: [String: String] = [:]

    public init() {}

    public static let empty = MediaLibrary()

    public mutating func add(_ path: String, _ entry: Entry) {
        entries[path] = entry
        byLowercasedPath[path.lowercased()] = path
    }

    public subscript(path: String) -> Entry? { entries[path] }

    /// The file `path` names when only its case differs, or nil.
    public func differingOnlyInCase(_ path: String) -> String? {
        byLowercasedPath[path.lowercased()].flatMap { $0 == path ? nil : $0 }
    }

    public var paths: Dictionary<String, Entry>.Keys { entries.keys }
}

/// A raster image's intrinsic size and its published variants, paths relative to the site root.
public struct MediaImage: Sendable {
    public var width: Int
    public var height: Int
    /// The `type` of the fallback format (`image/jpeg`), for `<source>`.
    public var contentType: String
    /// WebP variants, narrowest first.
    public var webp: [(path: String, width: Int)]
    /// Variants in the original's format, narrowest first (empty when the original is WebP).
    public var fallback: [(path: String, width: Int)]

    public init(width: Int, height: Int, contentType: String, webp: [(path: String, width: Int)],
                fallback: [(path: String, width: Int)]) {
        self.width = width
        self.height = height
        self.contentType = contentType
        self.webp = webp
        self.fallback = fallback
    }
}

/// An image, link or download a body refers to in `Content/media/`.
public struct BodyMedia: Sendable {
    public enum Use: Sendable {
        /// `![alt](../media/x.png "title")`
        case image(alt: String, title: String)
        /// `[the handout](../media/handout.pdf)`
        case link
    }

    /// Relative to `Content/`, as resolved from the Markdown file's folder: `media/x.png`.
    public var path: String
    public var use: Use
    public var location: SourceLocation

    public init(path: String, use: Use, location: SourceLocation) {
        self.path = path
        self.use = use
        self.location = location
    }
}

/// One of an exercise card's pictures (`images:`), e.g. the start or the end position.
public struct CardImage: Sendable, Hashable {
    /// Relative to `Content/`: `media/exercises/bridge-start.png`.
    public var path: String
    /// Empty only when written `alt: ""`.
    public var alt: String
    /// Shown under the picture (`<figcaption>`): "Start", "End".
    public var caption: String?
    public var location: SourceLocation

    public init(path: String, alt: String, caption: String?, location: SourceLocation) {
        self.path = path
        self.alt = alt
        self.caption = caption
        self.location = location
    }

    public var reference: BodyMedia { BodyMedia(path: path, use: .image(alt: alt, title: ""), location: location) }
}

/// An exercise card's `video:`: a file of the site's own, with captions, or a YouTube or Vimeo video
/// shown behind a facade that asks nothing of the provider until the reader presses play.
public struct CardVideo: Sendable {
    public enum Source: Sendable, Hashable {
        /// `media/video/walk.mp4`, with its WebVTT captions (required: WCAG 1.2.2).
        case file(path: String, captions: String)
        /// An 11-character id, checked to be `[A-Za-z0-9_-]{11}`.
        case youtube(id: String)
        /// A numeric id.
        case vimeo(id: String)
    }

    public var source: Source
    /// An image in `Content/media/` shown before the video plays.
    public var poster: String?
    /// The files it names, to be checked and counted as used.
    public var references: [BodyMedia]

    public init(source: Source, poster: String?, references: [BodyMedia]) {
        self.source = source
        self.poster = poster
        self.references = references
    }
}

/// A page's own picture, from front matter `image: {src, alt, credit}`: shown on the page, in its
/// index entry, as `og:image` and in its structured data.
public struct PageImage: Sendable, Hashable {
    /// Relative to `Content/`, resolved from the Markdown file's folder: `media/x.png`.
    public var path: String
    /// Empty only when written `alt: ""` (a decorative picture).
    public var alt: String
    /// Who made or owns the picture, shown under it.
    public var credit: String?
    /// Where `src` is written, for `missing-media`.
    public var location: SourceLocation

    public init(path: String, alt: String, credit: String?, location: SourceLocation) {
        self.path = path
        self.alt = alt
        self.credit = credit
        self.location = location
    }

    /// The picture as a media reference, so it is checked like a body's.
    public var reference: BodyMedia { BodyMedia(path: path, use: .image(alt: alt, title: ""), location: location) }
}
