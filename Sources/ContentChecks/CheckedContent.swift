import ContentLoading
import ContentModel
import Diagnostics
import Foundation

/// load → link → check: what `salve check` runs, and what `salve build` runs before rendering.
public enum CheckedContent {
    public static let retractionsFile = "retractions.csv"

    /// Dates are checked as of `options.today`. See ``ContentLoader/load(_:cache:changedPaths:articleSink:)``.
    public static func load(_ options: LoadOptions, cache: PageCache? = nil, changedPaths: Set<String>? = nil,
                                    articleSink: ArticleSink? = nil) throws(LoadFailure) -> LoadResult {
        let options = Placeholders.checking(options)
        var result = try ContentLoader.load(options, cache: cache, changedPaths: changedPaths, articleSink: articleSink)
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
