import ContentModel
import Diagnostics

/// The checks `salve check` adds to loading: bibliography quality, retractions, review dates and
/// things nothing uses. Pure functions of the graph, so they run the same in CI and in a build.
public enum ContentRules {
    public static func check(_ graph: ContentGraph, today: Day, retractions: RetractionList = RetractionList()) -> [Diagnostic] {
        var found = siteWide(graph, today: today)
        for pageFindings in graph.allPages.concurrentMap({ check($0, in: graph, today: today, retractions: retractions) }) {
            found += pageFindings
        }
        return found
    }

    /// Checks that look at the bibliography or at how pages use each other.
    static func siteWide(_ graph: ContentGraph, today: Day) -> [Diagnostic] {
        var found = ReferenceChecks.check(graph, today: today)
        found += UsageChecks.duplicateIdentifiers(graph)
        found += UsageChecks.uncitedReferences(graph)
        found += UsageChecks.unusedExercises(graph)
        found += UsageChecks.emptyConditions(graph)
        found += AliasChecks.check(graph)
        return found
    }

    /// Checks of one page on its own (review dates, reading level, retracted citations), so a rebuild
    /// after an edit can check the edited page alone.
    public static func check(_ page: any ContentPage, in graph: ContentGraph, today: Day,
                             retractions: RetractionList) -> [Diagnostic] {
        ReviewChecks.check(page, today: today)
            + AccessibilityChecks.check(page.body)
            + ReadabilityChecks.check(page, targetGrade: graph.site.targetGrade)
            + retractions.check(page, in: graph)
    }
}
