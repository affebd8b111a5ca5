import Diagnostics

/// A page's Markdown body, rendered, and what loading found in it.
///
/// Only the rendered markup is kept, not the Markdown or its syntax tree, so a large site holds no
/// more than its pages' HTML.
public struct Body: Sendable {
    public var html: BodyHTML
    /// The line of the file the body starts on (after the front matter).
    public var firstLine: Int
    /// Every cited key, in document order, where it was written.
    public var citations: [Located<CitationKey>]
    /// Links to other content files, resolved to pages.
    public var links: [BodyLink]
    /// Slugs named in `exercise` blocks, in order.
    public var exerciseEmbeds: [Located<Slug>]
    public var headings: [BodyHeading]
    /// Text of the first ordered list's items (an exercise card's steps).
    public var firstOrderedList: [String]
    /// Links to other sites (`https://…`), for `salve check --online`.
    public var externalLinks: [Located<String>] = []
    /// Images and links into `Content/media/`, checked at load and filled in by the `media` slots.
    public var media: [BodyMedia] = []
    /// Words, sentences and syllables of the body's prose (paragraphs; not code, headings or citations).
    public var prose: TextStatistics = TextStatistics()
    /// Every image's alt text (empty when none is written), where the image is.
    public var imageAlts: [Located<String>] = []
    /// The text of each link short enough to be vague ("click here"), where the link is.
    public var shortLinkTexts: [Located<String>] = []

    public init(html: BodyHTML = .empty, firstLine: Int = 1, citations: [Located<CitationKey>] = [], links: [BodyLink] = [],
                exerciseEmbeds: [Located<Slug>] = [], headings: [BodyHeading] = [], firstOrderedList: [String] = []) {
        self.html = html
        self.firstLine = firstLine
        self.citations = citations
        self.links = links
        self.exerciseEmbeds = exerciseEmbeds
        self.headings = headings
        self.firstOrderedList = firstOrderedList
    }

    public static let empty = Body()
}

/// A link from a body to another content file, e.g. `../exercises/glute-bridge.md#steps`.
public struct BodyLink: Sendable {
    public var target: PageRef
    public var fragment: String?
    public var location: SourceLocation

    public init(target: PageRef, fragment: String?, location: SourceLocation) {
        self.target = target
        self.fragment = fragment
        self.location = location
    }
}

public struct BodyHeading: Sendable {
    public var level: Int
    public var title: String
    public var anchor: String
    public var location: SourceLocation

    public init(level: Int, title: String, anchor: String, location: SourceLocation) {
        self.level = level
        self.title = title
        self.anchor = anchor
        self.location = location
    }
}
