import Diagnostics

/// Where a menu link goes: a page or list of the site, or an address elsewhere.
public enum MenuTarget: Hashable, Sendable {
    case home
    case list(ContentKind)
    case references
    case search
    case page(PageRef, fragment: String?)
    /// `https://…`, `http://…`, `mailto:…` or `tel:…`, as written.
    case external(String)
}

/// One link of a menu. Items from `site.yml` and from pages that name a menu are merged by `weight`
/// (lowest first; equal weights keep the order they were given in).
public struct MenuItem: Hashable, Sendable {
    public var title: String
    public var target: MenuTarget
    public var weight: Int
    /// Where the item is written, for diagnostics about its target; nil for the built-in menu.
    public var location: SourceLocation?

    public init(title: String, target: MenuTarget, weight: Int = 0, location: SourceLocation? = nil) {
        self.title = title
        self.target = target
        self.weight = weight
        self.location = location
    }
}

/// The menus a page shows.
public enum MenuName: String, CaseIterable, Sendable {
    case header, footer
}

/// `site.yml`'s `menus:`.
public struct Menus: Sendable {
    /// Nil when `site.yml` gives no header menu: the built-in lists are shown.
    public var header: [MenuItem]?
    public var footer: [MenuItem] = []
    /// Plain pages that name a menu (`menu: footer`), set when the graph is made.
    public var fromPages: [MenuName: [MenuItem]] = [:]

    public init(header: [MenuItem]? = nil, footer: [MenuItem] = []) {
        self.header = header
        self.footer = footer
    }

    /// Every item written in `site.yml`, for checking their targets.
    public var written: [MenuItem] { (header ?? []) + footer }

    /// The items of a menu, in order; `more` (pages that name the menu) are merged in by weight.
    public func items(_ name: MenuName, strings: UIStrings) -> [MenuItem] {
        let own: [MenuItem]
        let more = fromPages[name] ?? []
        switch name {
        case .header: own = header ?? Self.builtInHeader(strings)
        case .footer: own = footer
        }
        guard !more.isEmpty else { return own }
        // A stable sort: equal weights keep site.yml's order, then the pages'.
        return (own + more).enumerated().sorted { ($0.element.weight, $0.offset) < ($1.element.weight, $1.offset) }.map(\.element)
    }

    /// The lists of the built-in kinds and the references page.
    public static func builtInHeader(_ strings: UIStrings) -> [MenuItem] {
        [
            MenuItem(title: strings[.conditions], target: .list(.condition)),
            MenuItem(title: strings[.articles], target: .list(.article)),
            MenuItem(title: strings[.exercises], target: .list(.exercise)),
            MenuItem(title: strings[.programs], target: .list(.program)),
            MenuItem(title: strings[.experts], target: .list(.expert)),
            MenuItem(title: strings[.references], target: .references),
        ]
    }

    /// A menu `url:` as written in `site.yml`: a content file (`conditions/knee-pain.md`, with an
    /// optional `#section`), a list (`/`, `/conditions/`, `/references/`, `/search/`), or an external
    /// address; otherwise why not, in plain words.
    public static func target(_ url: String) -> Result<MenuTarget, MenuTargetProblem> {
        let lower = url.lowercased()
        if ["https://", "http://", "mailto:", "tel:"].contains(where: lower.hasPrefix) { return .success(.external(url)) }
        switch url {
        case "/": return .success(.home)
        case "/references/", "/references": return .success(.references)
        case "/search/", "/search": return .success(.search)
        default: break
        }
        let trimmed = url.split(separator: "/", omittingEmptySubsequences: true)
        if url.hasPrefix("/"), trimmed.count == 1, let kind = ContentKind(folder: String(trimmed[0])) {
            return .success(.list(kind))
        }
        let hash = url.firstIndex(of: "#")
        let path = url[..<(hash ?? url.endIndex)].drop { $0 == "/" }
        let fragment = hash.map { String(url[url.index(after: $0)...]) }.flatMap { $0.isEmpty ? nil : $0 }
        let parts = path.split(separator: "/")
        guard path.hasSuffix(".md") else { return .failure(.notALink) }
        guard parts.count >= 2, let kind = ContentKind(folder: String(parts[0])),
              parts.count == 2 || kind.descriptor.nestedIDs else { return .failure(.notInAPageFolder) }
        var id = parts.dropFirst().map(String.init)
        id[id.count - 1].removeLast(3)
        guard let slug = Slug(path: id) else { return .failure(.invalidSlug) }
        return .success(.page(PageRef(kind, slug), fragment: fragment))
    }
}

public enum MenuTargetProblem: Error, Sendable {
    case notALink, notInAPageFolder, invalidSlug

    public var explanation: String {
        switch self {
        case .notALink:
            "is not a page, a list or a web address; write a page by its file in Content/ (conditions/knee-pain.md), a list (/, /conditions/, /references/, /search/), or a full address (https://…)"
        case .notInAPageFolder:
            "does not name a file in one of Content/'s page folders (\(ContentKind.folderList))"
        case .invalidSlug:
            "names a file whose name is not a valid page id"
        }
    }
}
