/// The kinds of page a writer creates, one folder each under `Content/`. Everything that differs
/// between kinds and is not the page's own type, decoder or template is in ``descriptor``.
public enum ContentKind: String, CaseIterable, Sendable, Comparable {
    case condition
    case article
    case exercise
    case program
    case expert
    /// About us, Contact, Privacy…: pages that are not health content.
    case page

    /// The folder under `Content/`.
    public var folder: String { descriptor.folder }

    public init?(folder: String) {
        guard let kind = ContentKind.byFolder[folder] else { return nil }
        self = kind
    }

    private static let byFolder = Dictionary(uniqueKeysWithValues: allCases.map { ($0.folder, $0) })

    public var label: String { descriptor.label }

    /// "conditions, articles, exercises, programs, experts and pages", for messages.
    public static let folderList: String = {
        let folders = allCases.map(\.folder)
        return folders.dropLast().joined(separator: ", ") + " and " + folders[folders.count - 1]
    }()

    public static func < (a: ContentKind, b: ContentKind) -> Bool {
        (allCases.firstIndex(of: a) ?? 0) < (allCases.firstIndex(of: b) ?? 0)
    }
}

/// Names one page of the graph: its kind and slug.
public struct PageRef: Hashable, Comparable, Sendable, CustomStringConvertible {
    public let kind: ContentKind
    public let slug: Slug

    public init(_ kind: ContentKind, _ slug: Slug) {
        self.kind = kind
        self.slug = slug
    }

    /// `articles/walking.md`, relative to `Content/`.
    public var contentPath: String { "\(kind.folder)/\(slug.rawValue).md" }

    /// The page's address relative to the site root: `articles/walking/`, `about/team/`, or `""` for
    /// the plain page `index` (the home page's own text).
    public var urlPath: String {
        guard let prefix = kind.descriptor.urlPrefix else { return "\(kind.folder)/\(slug.rawValue)/" }
        return kind == .page && slug.rawValue == PlainPage.homeSlug ? "" : "\(prefix)\(slug.rawValue)/"
    }

    public var description: String { "\(kind.folder)/\(slug)" }

    public static func < (a: PageRef, b: PageRef) -> Bool { (a.kind, a.slug) < (b.kind, b.slug) }
}

/// A value with the place in a file it was written, so a later check can point at it.
public struct Located<Value: Sendable>: Sendable {
    public var value: Value
    public var location: SourceLocation

    public init(_ value: Value, at location: SourceLocation) {
        self.value = value
        self.location = location
    }
}

extension Located: Equatable where Value: Equatable {}
extension Located: Hashable where Value: Hashable {}

import Diagnostics
