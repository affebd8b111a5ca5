/// A stable, documented name for a kind of problem (listed in the README with how to fix it).
public struct DiagnosticCode: RawRepresentable, Hashable, Sendable, Comparable, CustomStringConvertible {
    public let rawValue: String
    public init(rawValue: String) { self.rawValue = rawValue }
    public init(_ rawValue: String) { self.rawValue = rawValue }
    public var description: String { rawValue }
    public static func < (a: DiagnosticCode, b: DiagnosticCode) -> Bool { a.rawValue < b.rawValue }
}

extension DiagnosticCode {
    // Files
    public static let invalidUTF8 = DiagnosticCode("invalid-utf8")
    public static let emptyFile = DiagnosticCode("empty-file")
    public static let strayFile = DiagnosticCode("stray-file")
    public static let readFailed = DiagnosticCode("read-failed")
    public static let missingFile = DiagnosticCode("missing-file")
    // Front matter and fields
    public static let missingFrontMatter = DiagnosticCode("missing-front-matter")
    public static let unterminatedFrontMatter = DiagnosticCode("unterminated-front-matter")
    public static let yamlSyntax = DiagnosticCode("yaml-syntax")
    public static let missingField = DiagnosticCode("missing-field")
    public static let wrongType = DiagnosticCode("wrong-type")
    public static let invalidValue = DiagnosticCode("invalid-value")
    public static let unknownField = DiagnosticCode("unknown-field")
    public static let untranslatedLanguage = DiagnosticCode("untranslated-language")
    public static let lowContrast = DiagnosticCode("low-contrast")
    // Ids and the graph
    public static let invalidSlug = DiagnosticCode("invalid-slug")
    public static let duplicateSlug = DiagnosticCode("duplicate-slug")
    public static let unknownCondition = DiagnosticCode("unknown-condition")
    public static let unknownExercise = DiagnosticCode("unknown-exercise")
    public static let unknownExpert = DiagnosticCode("unknown-expert")
    public static let unknownCitation = DiagnosticCode("unknown-citation")
    public static let brokenLink = DiagnosticCode("broken-link")
    public static let missingSteps = DiagnosticCode("missing-steps")
    public static let rawHTML = DiagnosticCode("raw-html")
    public static let reviewPending = DiagnosticCode("review-pending")
    // Bibliography
    public static let invalidBibliography = DiagnosticCode("invalid-bibliography")
    public static let duplicateReference = DiagnosticCode("duplicate-reference")
    // Media (Content/media/)
    public static let missingMedia = DiagnosticCode("missing-media")
    public static let invalidMedia = DiagnosticCode("invalid-media")
    public static let unsafeSVG = DiagnosticCode("unsafe-svg")
    public static let unusedMedia = DiagnosticCode("unused-media")
    public static let largeImage = DiagnosticCode("large-image")
    public static let staticCollision = DiagnosticCode("static-collision")
}

extension DiagnosticCode {
    // Bibliography quality (salve check)
    public static let missingReferenceField = DiagnosticCode("missing-reference-field")
    public static let invalidDOI = DiagnosticCode("invalid-doi")
    public static let invalidPMID = DiagnosticCode("invalid-pmid")
    public static let invalidPMCID = DiagnosticCode("invalid-pmcid")
    public static let invalidISBN = DiagnosticCode("invalid-isbn")
    public static let invalidURL = DiagnosticCode("invalid-url")
    public static let insecureURL = DiagnosticCode("insecure-url")
    public static let invalidDate = DiagnosticCode("invalid-date")
    public static let duplicateIdentifier = DiagnosticCode("duplicate-identifier")
    public static let uncitedReference = DiagnosticCode("uncited-reference")
    public static let retractedCitation = DiagnosticCode("retracted-citation")
    public static let invalidRetractionList = DiagnosticCode("invalid-retraction-list")
    // Reviews and the graph
    public static let reviewOverdue = DiagnosticCode("review-overdue")
    public static let unusedExercise = DiagnosticCode("unused-exercise")
    public static let emptyCondition = DiagnosticCode("empty-condition")
    // Built site
    public static let brokenSiteLink = DiagnosticCode("broken-site-link")
    // Online (salve check --online)
    public static let brokenURL = DiagnosticCode("broken-url")
    public static let unverifiedURL = DiagnosticCode("unverified-url")
}

extension DiagnosticCode {
    // Accessibility of bodies
    public static let headingLevel = DiagnosticCode("heading-level")
    public static let missingAltText = DiagnosticCode("missing-alt-text")
    public static let vagueLinkText = DiagnosticCode("vague-link-text")
}

extension DiagnosticCode {
    // Publishing
    public static let readingLevel = DiagnosticCode("reading-level")
    public static let invalidAlias = DiagnosticCode("invalid-alias")
    public static let duplicateAlias = DiagnosticCode("duplicate-alias")
    public static let scheduledArticle = DiagnosticCode("scheduled-article")
}

extension DiagnosticCode {
    // Identifiers verified against their records (salve check --online)
    public static let referenceMismatch = DiagnosticCode("reference-mismatch")
    public static let unverifiedReference = DiagnosticCode("unverified-reference")
    public static let retractedReference = DiagnosticCode("retracted-reference")
    public static let expressionOfConcern = DiagnosticCode("expression-of-concern")
}

extension DiagnosticCode {
    // Tables in bodies
    public static let tableCells = DiagnosticCode("table-cells")
    public static let tableSyntax = DiagnosticCode("table-syntax")
}

extension DiagnosticCode {
    // Starter text (salve init, salve new)
    public static let placeholder = DiagnosticCode("placeholder")
    // The site-wide synonym list (seeds/synonyms.yml)
    public static let unknownSynonymTarget = DiagnosticCode("unknown-synonym-target")
}
