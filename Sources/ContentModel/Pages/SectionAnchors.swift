/// The ids of the sections templates put on each kind of page, so `page.md#symptoms` can be checked
/// before a page exists. Templates use these constants for their section ids.
public enum SectionAnchor {
    public static let summary = "summary"
    public static let overview = "overview"
    public static let symptoms = "symptoms"
    public static let seekCare = "seek-care"
    public static let articles = "articles"
    public static let exercises = "exercises"
    public static let programs = "programs"
    public static let experts = "experts"
    public static let steps = "steps"
    public static let dosage = "dosage"
    public static let cautions = "cautions"
    public static let phases = "phases"
    public static let mistakes = "mistakes"
    public static let pauseSignals = "when-to-pause"
    public static let review = "review"
    public static let references = "references"
    public static let reviewed = "reviewed"

    /// Every id a template writes on any page. Body headings never take one of these, so a heading
    /// called "When to pause" cannot collide with the section of the same name.
    public static let reserved: Set<String> = {
        let sections = [summary, overview, symptoms, seekCare, articles, exercises, programs, experts, steps, dosage,
                        cautions, phases, mistakes, pauseSignals, review, references, reviewed]
        let titled = sections.map { $0 + "-title" }
        let other = ["main", "care-title", "credits-title", "credited-title", "latest-title", "conditions-title",
                     "pause-title", "used-in-title"]
        return Set(sections + titled + other)
    }()

    /// Fixed section ids of a kind of page (headings from the body add their own).
    public static func fixed(for kind: ContentKind) -> Set<String> { kind.descriptor.fixedAnchors }
}
