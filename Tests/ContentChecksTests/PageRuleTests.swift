import ContentModel
import Diagnostics
import Foundation
import Testing
@testable import ContentChecks

/// Rules the loader used to apply while reading: it now records the facts (reviews, headings,
/// aliases) and these rules, with the others, judge them.
@Suite struct PageRuleTests {
    @Test func aPendingReviewIsAWarningAtItsValue() throws {
        let pending = CheckProject.condition.replacingOccurrences(of: CheckProject.review, with: "review: pending")
        let found = try CheckProject.check(["Content/conditions/knee-pain.md": pending])
        #expect(found.with(.reviewPending).map { "\($0.severity) \($0.location.file):\($0.location.line ?? 0):\($0.location.column ?? 0)" }
                == ["warning Content/conditions/knee-pain.md:8:9"])
        #expect(try CheckProject.check().with(.reviewPending).isEmpty)
    }

    @Test func headingsMayNotRepeatTheTitleOrSkipALevel() throws {
        let body = Body(headings: [
            BodyHeading(level: 2, title: "A", anchor: "a", location: SourceLocation(file: "p.md", line: 3, column: 1)),
            BodyHeading(level: 4, title: "B", anchor: "b", location: SourceLocation(file: "p.md", line: 5, column: 1)),
            BodyHeading(level: 1, title: "C", anchor: "c", location: SourceLocation(file: "p.md", line: 7, column: 1)),
            BodyHeading(level: 2, title: "D", anchor: "d", location: SourceLocation(file: "p.md", line: 9, column: 1)),
        ])
        let found = AccessibilityChecks.check(body).map { "\($0.severity) \($0.location.line ?? 0) \($0.message)" }
        #expect(found == [
            "warning 5 this heading skips from level 2 to 4; use ### so screen-reader users can follow the outline",
            "error 7 a '#' heading would be a second page title; start body sections at '##'",
        ])
    }

    @Test func aHeadingRuleRunsOnEveryPageOfACheck() throws {
        let found = try CheckProject.check(["Content/articles/guide.md": CheckProject.article(body: "#### Too deep\n")])
        #expect(found.with(.headingLevel).map(\.location.line) == [16])
    }

    @Test func anAliasMayNotTakeAnAddressThePageOrSiteUses() throws {
        let aliased = CheckProject.card.replacingOccurrences(of: "kind: strength", with: "kind: strength\naliases: [/search/, /conditions/knee-pain/]")
        let found = try CheckProject.check(["Content/exercises/quad-set.md": aliased])
        #expect(found.with(.invalidAlias).map(\.message) == ["'/search/' is a path the site itself uses"])
        #expect(found.with(.duplicateAlias).map(\.message) == ["'/conditions/knee-pain/' is already the address of Content/conditions/knee-pain.md"])
    }

    @Test(arguments: [("here.", "here"), ("\u{201C}Here!\u{201D}", "Here"), ("...", ""), ("(this)", "this"),
                      ("read-more", "read-more"), ("", "")])
    func linkTextLosesPunctuationAtBothEnds(text: String, expected: String) {
        #expect(AccessibilityChecks.trimmingPunctuation(text) == expected)
    }

    @Test func imagesNeedAltTextAndLinksMustSayWhereTheyGo() {
        let at = { (column: Int) in SourceLocation(file: "p.md", line: 2, column: column) }
        var body = Body()
        body.imageAlts = [Located("", at: at(1)), Located("A knee", at: at(9)), Located("  ", at: at(20))]
        body.shortLinkTexts = [Located("Click here!", at: at(30)), Located("Knee guide", at: at(50))]
        let found = AccessibilityChecks.check(body).map { "\($0.code.rawValue) \($0.location.column ?? 0)" }
        #expect(found == ["missing-alt-text 1", "missing-alt-text 20", "vague-link-text 30"])
    }
}
