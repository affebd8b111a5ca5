import Diagnostics
import Foundation
@testable import ContentModel

/// `Testing` has a `SourceLocation` too; in these tests the name means Salve's.
typealias SourceLocation = Diagnostics.SourceLocation

/// Force-unwrapping helpers for literals the test knows are valid.
func slug(_ text: String) -> Slug { Slug(text)! }
func key(_ text: String) -> CitationKey { CitationKey(text)! }
func day(_ text: String) -> Day { Day(iso: text)! }

// MARK: Hand-made pages

func here(_ file: String = "f.md", _ line: Int = 1) -> SourceLocation { SourceLocation(file: file, line: line, column: 1) }

func located<V>(_ values: [V]) -> [Located<V>] { values.map { Located($0, at: here()) } }

func reviewed(by reviewer: String, on date: String = "2026-01-10") -> Review {
    .reviewed(CompletedReview(reviewer: Located(slug(reviewer), at: here()), role: .clinical, date: day(date),
                              nextDue: day(date).adding(months: 12)))
}

let pending = Review.pending(note: nil, location: here())

func body(citing keys: [String] = [], embedding cards: [String] = []) -> Body {
    Body(html: BodyHTML(markup: "<p>text</p>\n"), firstLine: 5, citations: located(keys.map(key)), exerciseEmbeds: located(cards.map(slug)))
}

func condition(_ name: String, summary: String = "About it.", sources: [String] = [], review: Review = pending,
               body: Body = .empty) -> Condition {
    Condition(slug: slug(name), file: "Content/conditions/\(name).md", name: name.capitalized, synonyms: [],
              summary: InlineText(summary, at: here()), symptoms: [], seekCare: [], sources: located(sources.map(key)),
              review: review, body: body)
}

func article(_ name: String, conditions: [String] = [], experts: [(String, ExpertRole)] = [], sources: [String] = [],
             review: Review = pending, published: String = "2026-01-01", updated: String? = nil,
             summary: String = "Summary.", body: Body = .empty) -> Article {
    Article(slug: slug(name), file: "Content/articles/\(name).md", title: "Article \(name)",
            summary: InlineText(summary, at: here()), conditions: located(conditions.map(slug)),
            experts: experts.map { ExpertCredit(expert: Located(slug($0.0), at: here()), role: $0.1) },
            sources: located(sources.map(key)), review: review, published: day(published),
            updated: updated.map(day), draft: false, body: body)
}

func card(_ name: String, kind: ExerciseKind = .strength, conditions: [String] = [], cautions: [String] = [],
          review: Review = pending, body: Body = .empty) -> ExerciseCard {
    ExerciseCard(slug: slug(name), file: "Content/exercises/\(name).md", title: "Card \(name)", kind: kind,
                 conditions: located(conditions.map(slug)), bodyAreas: [], equipment: [], difficulty: nil, dosage: Dosage(),
                 cautions: cautions.map { InlineText($0, at: here()) }, sources: [], review: review, body: body)
}

func program(_ name: String, conditions: [String] = [], review: Review = pending, body: Body = .empty) -> Program {
    Program(slug: slug(name), file: "Content/programs/\(name).md", title: "Program \(name)",
            summary: InlineText("Plan.", at: here()), conditions: located(conditions.map(slug)),
            phases: [ProgramPhase(name: "Start", weeks: Quantity(parsing: "1-2")!, minutes: nil, perDay: nil, perWeek: nil,
                                  terrain: nil, pace: nil, breathing: nil, goal: nil, cues: [])],
            mistakes: [], pauseSignals: [], sources: [], review: review, body: body)
}

func expert(_ name: String) -> Expert {
    Expert(slug: slug(name), file: "Content/experts/\(name).md", name: name.capitalized, credentials: ["PT"],
           title: "Physical therapist", affiliation: nil, body: .empty)
}

func graph(conditions: [Condition] = [], articles: [Article] = [], exercises: [ExerciseCard] = [],
           programs: [Program] = [], experts: [Expert] = [], references: [String] = []) -> ContentGraph {
    let bibliography = Bibliography(references.map {
        Reference(id: key($0), type: "webpage", location: SourceLocation(file: "seeds/references.json"))
    })
    return ContentGraph(site: SiteConfig(title: "Test", baseURL: "https://example.org/"), conditions: conditions,
                        articles: articles, exercises: exercises, programs: programs, experts: experts,
                        bibliography: bibliography, sourceRecords: [])
}
