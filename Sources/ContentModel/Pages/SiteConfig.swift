/// `Content/site.yml`.
public struct SiteConfig: Sendable {
    public var title: String
    /// Always ends with `/`.
    public var baseURL: String
    public var language: String
    public var description: String?
    public var reviewIntervalMonths: Int
    public var allowRawHTML: Bool
    public var disclaimer: String
    public var careAdvice: String
    /// The highest Flesch–Kincaid grade a page should read at (patient material: grade 6–8).
    public var targetGrade: Int = 8
    /// How reference lists are written: `ama` (the default) or `vancouver`.
    public var citationStyle: CitationStyle = .ama
    /// Who the DOI, Crossref and PubMed services may write to about `salve check --online`'s requests.
    public var contactEmail: String?

    /// `custom-css`: a stylesheet written beside the built-in one and linked after it.
    public var customCSS: SiteFile?
    /// `head-html` and `body-end-html`: markup put verbatim into every page — the one door for raw
    /// HTML outside page bodies (analytics, a cookie notice, verification tags).
    public var headHTML: SiteFile?
    public var bodyEndHTML: SiteFile?
    /// `favicon`: linked from every page's head; without one, no page links one.
    public var favicon: SiteImage?
    /// `logo`: shown in the header before the site's title.
    public var logo: SiteImage?
    /// `menus:` — the header and footer links.
    public var menus = Menus()
    /// The stylesheet's colours, with `brand-color` and `accent-color` applied.
    public var palette = Palette()
    /// The UI text: the built-in table of `language`, with `site.yml`'s `strings:` over it.
    public var strings: UIStrings

    /// Condition-neutral, for readers in any country: a condition's own red flags come from its `seek-care`.
    public static let defaultDisclaimer = BuiltInLanguage.en.disclaimer
    public static let defaultCareAdvice = BuiltInLanguage.en.careAdvice

    public init(title: String, baseURL: String, language: String = "en", description: String? = nil,
                reviewIntervalMonths: Int = 12, allowRawHTML: Bool = false,
                disclaimer: String? = nil, careAdvice: String? = nil) {
        let strings = UIStrings(language: language)
        self.title = title
        self.baseURL = baseURL.hasSuffix("/") ? baseURL : baseURL + "/"
        self.language = language
        self.description = description
        self.reviewIntervalMonths = reviewIntervalMonths
        self.allowRawHTML = allowRawHTML
        self.strings = strings
        self.disclaimer = disclaimer ?? strings.base.disclaimer
        self.careAdvice = careAdvice ?? strings.base.careAdvice
    }
}

/// A file inside `Content/` that `site.yml` names, with its text.
public struct SiteFile: Sendable, Equatable {
    /// The project-relative path, as diagnostics write it.
    public var file: String
    public var text: String

    public init(file: String, text: String) {
        self.file = file
        self.text = text
    }
}

extension SiteConfig {
    /// The files `site.yml` names: they are read, not stray.
    public var files: [SiteFile] { [customCSS, headHTML, bodyEndHTML].compactMap { $0 } }
}

/// A picture `site.yml` names (`favicon`, `logo`): a file in `Content/media/` or `Content/static/`.
public struct SiteImage: Sendable, Equatable {
    /// Relative to `Content/`: `media/brand/logo.svg`, `static/favicon.ico`.
    public var contentPath: String
    /// Where it is in the built site: `media/brand/logo.svg`, `favicon.ico`.
    public var sitePath: String
    /// `image/png`, `image/svg+xml`, `image/x-icon`…
    public var contentType: String
    /// Its size, when the media library knows it (no layout shift in the header).
    public var width: Int?
    public var height: Int?

    public init(contentPath: String, sitePath: String, contentType: String, width: Int? = nil, height: Int? = nil) {
        self.contentPath = contentPath
        self.sitePath = sitePath
        self.contentType = contentType
        self.width = width
        self.height = height
    }
}
