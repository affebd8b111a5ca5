import ContentModel
import Diagnostics

/// The checks `salve check` adds to loading: bibliography quality, retractions, review dates and
/// things nothing uses. Pure functions of the graph, so they run the same in CI and in a build.
public enum ContentChecker {
    public static func check(_ graph: ContentGraph, today: Day, retractions: RetractionList = RetractionList()) -> [Diagnostic] {
        var found: [Diagnostic] = []
        for reference in graph.bibliography.entries {
            found += ReferenceChecks.check(reference, today: today)
        }
        found += UsageChecks.duplicateIdentifiers(graph)
        found += UsageChecks.uncitedReferences(graph)
        found += retractions.check(graph)
        for page in graph.allPages {
            found += ReviewChecks.check(page, today: today)
            found += ReadabilityChecks.check(page, targetGrade: graph.site.targetGrade)
        }
        found += UsageChecks.unusedExercises(graph)
        found += UsageChecks.emptyConditions(graph)
        return found
    }
}
