import ContentLoading
import ContentModel
import Diagnostics
import Foundation

/// load → link → check: what `salve check` runs, and what `salve build` runs before rendering.
public enum SiteChecker {
    public static let retractionsFile = "retractions.csv"

    public static func loadAndCheck(_ options: LoadOptions, today: Day, cache: PageCache? = nil) throws(LoadFailure) -> LoadResult {
        var result = try ContentLoader.load(options, cache: cache)
        let url = options.seedsDirectory.appendingPathComponent(retractionsFile)
        var retractions = RetractionList()
        if let data = FileManager.default.contents(atPath: url.path) {
            let file = ProjectPaths(displayRoot: options.displayRoot).display(url)
            let (list, problems) = RetractionList.parse(String(decoding: data, as: UTF8.self), file: file)
            retractions = list
            result.diagnostics.append(contentsOf: problems)
        }
        result.diagnostics.append(contentsOf: ContentChecker.check(result.graph, today: today, retractions: retractions))
        return result
    }
}

extension Day {
    /// Today's date in UTC, so a check gives the same answer wherever CI runs.
    public static func today(now: Date = Date()) -> Day {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC") ?? calendar.timeZone
        let parts = calendar.dateComponents([.year, .month, .day], from: now)
        return Day(clampingYear: parts.year ?? 1970, month: parts.month ?? 1, day: parts.day ?? 1)
    }
}
