import Diagnostics

/// The kind of review a qualified person gave a page.
public enum ReviewRole: String, CaseIterable, Sendable {
    case medical
    case clinical
    case editorial
    case pharmacy
    case nursing

    public var label: String {
        switch self {
        case .medical: "Medical review"
        case .clinical: "Clinical review"
        case .editorial: "Editorial review"
        case .pharmacy: "Pharmacy review"
        case .nursing: "Nursing review"
        }
    }
}

/// A page's own review. A review that did not happen is `pending`, never a name.
public enum Review: Sendable {
    /// `location` is where the review is written (or where it would be, when it is left out).
    case pending(note: String?, location: SourceLocation)
    case reviewed(CompletedReview)

    public var isPending: Bool {
        if case .pending = self { return true }
        return false
    }

    public var completed: CompletedReview? {
        if case .reviewed(let review) = self { return review }
        return nil
    }
}

public struct CompletedReview: Sendable {
    public var reviewer: Located<Slug>
    public var role: ReviewRole
    public var date: Day
    public var nextDue: Day
    /// Where `date:` is written; checks of the date point there.
    public var dateLocation: SourceLocation?

    public init(reviewer: Located<Slug>, role: ReviewRole, date: Day, nextDue: Day, dateLocation: SourceLocation? = nil) {
        self.reviewer = reviewer
        self.role = role
        self.date = date
        self.nextDue = nextDue
        self.dateLocation = dateLocation
    }
}

/// How an expert is credited on an article. The `source-…` roles credit work on the document the
/// article was adapted from, which is not a review of the article itself.
public enum ExpertRole: String, CaseIterable, Sendable {
    case author
    case contributor
    case quoted
    case sourceMedicalReviewer = "source-medical-reviewer"
    case sourceClinicalReviewer = "source-clinical-reviewer"

    public var label: String {
        switch self {
        case .author: "Author"
        case .contributor: "Contributor"
        case .quoted: "Quoted in the source article"
        case .sourceMedicalReviewer: "Medical reviewer of the source article"
        case .sourceClinicalReviewer: "Clinical reviewer of the source article"
        }
    }
}

public struct ExpertCredit: Sendable {
    public var expert: Located<Slug>
    public var role: ExpertRole

    public init(expert: Located<Slug>, role: ExpertRole) {
        self.expert = expert
        self.role = role
    }
}
