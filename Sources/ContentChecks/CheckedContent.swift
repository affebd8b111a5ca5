import ContentLoading
import ContentModel
import Diagnostics
import Foundation

/// load → link → check: what `salve check` runs, and what `salve build` runs before rendering.
public enum CheckedContent {
    public static let retractionsFile = "retractions.csv"

    /// Dates are checked as of `options.today`. See ``ContentLoader/load(_:cache:changedPaths:)``.
    public static func load(_ options: LoadOptions, cache: PageCache? = nil, changedPaths: Set<String>? = nil)
        throws(LoadFailure) -> LoadResult {
        let options = prepared(options)
        return check(try ContentLoader.load(options, cache: cache, changedPaths: changedPaths), options: options)
    }

    /// The options a load needs for the rules: placeholders are found while each file is read.
    public static func prepared(_ options: LoadOptions) -> LoadOptions { Placeholders.checking(options) }

    /// A finished load (of ``prepared(_:)`` options) with the rules' findings added.
    public static func check(_ loaded: LoadResult, options: LoadOptions) -> LoadResult {
        var result = loaded
        let (retractions, problems) = loadRetractions(options)
        result.diagnostics.append(contentsOf: problems)
        result.diagnostics.append(contentsOf: ContentRules.check(result.graph, today: options.today, retractions: retractions))
        return result
    }

    /// `seeds/retractions.csv`, when there is one.
    public static func loadRetractions(_ options: LoadOptions) -> (RetractionList, [Diagnostic]) {
        let url = options.seedsDirectory.appendingPathComponent(retractionsFile)
        let file = ProjectPaths(displayRoot: options.displayRoot).display(url)
        switch ContentLoader.readOptionalSeedFile(atPath: url.path, file: file) {
        case nil: return (RetractionList(), [])
        case .failure(let problem)?: return (RetractionList(file: file), [problem])
        case .success(let text)?: return RetractionList.parse(text, file: file)
        }
    }
}
