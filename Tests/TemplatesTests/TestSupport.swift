import Diagnostics
import Foundation
@testable import ContentModel
@testable import Templates

/// `Testing` has a `SourceLocation` too; in these tests the name means Salve's.
typealias SourceLocation = Diagnostics.SourceLocation

func slug(_ text: String) -> Slug { Slug(text)! }
func key(_ text: String) -> CitationKey { CitationKey(text)! }
func day(_ text: String) -> Day { Day(iso: text)! }
func here() -> SourceLocation { SourceLocation(file: "f.md", line: 1, column: 1) }

let site = SiteConfig(title: "Salve Health Library", baseURL: "https://learn.example.org/health/")

func group(_ text: String) -> CitationGroup { CitationParser.groups(in: text)[0] }

func completedReview(by reviewer: String = "jane-doe", role: ReviewRole = .clinical) -> Review {
    .reviewed(CompletedReview(reviewer: Located(slug(reviewer), at: here()), role: role, date: day("2026-01-10"),
                              nextDue: day("2027-01-10")))
}

func makeArticle(_ name: String = "walking", title: String = "Walking", summary: String = "Walking helps.",
                 conditions: [String] = [], experts: [(String, ExpertRole)] = [], review: Review = .pending(note: nil, location: here()),
                 sources: [String] = []) -> Article {
    Article(slug: slug(name), file: "Content/articles/\(name).md", title: title, summary: InlineText(summary, at: here()),
            conditions: conditions.map { Located(slug($0), at: here()) },
            experts: experts.map { ExpertCredit(expert: Located(slug($0.0), at: here()), role: $0.1) },
            sources: sources.map { Located(key($0), at: here()) }, review: review, published: day("2026-01-10"),
            updated: nil, draft: false, body: .empty)
}

func makeCondition(_ name: String, title: String) -> Condition {
    Condition(slug: slug(name), file: "Content/conditions/\(name).md", name: title, synonyms: [],
              summary: InlineText("About it.", at: here()), symptoms: [], seekCare: [], sources: [],
              review: .pending(note: nil, location: here()), body: .empty)
}

func makeExpert(_ name: String, fullName: String, title: String = "Physical therapist") -> Expert {
    Expert(slug: slug(name), file: "Content/experts/\(name).md", name: fullName, credentials: ["PT", "DPT"], title: title,
           affiliation: nil, body: .empty)
}

func reference(_ id: String, title: String, type: String = "webpage", url: String? = nil) -> Reference {
    var reference = Reference(id: key(id), type: type, location: SourceLocation(file: "seeds/references.json"))
    reference.title = title
    reference.url = url
    return reference
}

func makeGraph(site: SiteConfig = site, conditions: [Condition] = [], articles: [Article] = [], experts: [Expert] = [],
               references: [Reference] = []) -> ContentGraph {
    ContentGraph(site: site, conditions: conditions, articles: articles, exercises: [], programs: [], experts: experts,
                 bibliography: Bibliography(references), sourceRecords: [])
}

extension String {
    func occurrences(of needle: String) -> Int {
        components(separatedBy: needle).count - 1
    }
}
