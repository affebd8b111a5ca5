/// The kinds of page a writer creates, one folder each under `Content/`.
public enum ContentKind: String, CaseIterable, Sendable, Comparable {
    case condition
    case article
    case exercise
    case program
    case expert

    /// The folder under `Content/` and the first part of the page's URL.
    public var folder: String {
        switch self {
        case .condition: "conditions"
        case .article: "articles"
        case .exercise: "exercises"
        case .program: "programs"
        case .expert: "experts"
        }
    }

    public init?(folder: String) {
        guard let kind = ContentKind.allCases.first(where: { $0.folder == folder }) else { return nil }
        self = kind
    }

    public var label: String {
        switch self {
        case .condition: "Condition"
        case .article: "Article"
        case .exercise: "Exercise card"
        case .program: "Program"
        case .expert: "Expert"
        }
    }

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
