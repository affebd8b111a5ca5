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

    public static let defaultDisclaimer = """
        This page is for general education only. It is not medical advice and does not replace care from a \
        doctor, physical therapist or other qualified health professional who knows your health. Stop any \
        exercise that causes sharp or worsening pain.
        """

    public static let defaultCareAdvice = """
        See a doctor or physical therapist if your pain is severe, keeps getting worse, or has not improved \
        after a few weeks. Get urgent care straight away if you lose control of your bladder or bowels, feel \
        numb between your legs, or your legs become weaker.
        """

    public init(title: String, baseURL: String, language: String = "en", description: String? = nil,
                reviewIntervalMonths: Int = 12, allowRawHTML: Bool = false,
                disclaimer: String = SiteConfig.defaultDisclaimer, careAdvice: String = SiteConfig.defaultCareAdvice) {
        self.title = title
        self.baseURL = baseURL.hasSuffix("/") ? baseURL : baseURL + "/"
        self.language = language
        self.description = description
        self.reviewIntervalMonths = reviewIntervalMonths
        self.allowRawHTML = allowRawHTML
        self.disclaimer = disclaimer
        self.careAdvice = careAdvice
    }
}
