import ContentModel
import Diagnostics
import Foundation
import Media

/// Where to load from, and what to include.
public struct LoadOptions: Sendable {
    public var contentDirectory: URL
    public var seedsDirectory: URL
    /// Paths in diagnostics are relative to this folder (the project root).
    public var displayRoot: URL
    /// Include drafts and articles whose `published` date is after `today`.
    public var includeDrafts: Bool
    public var today: Day
    /// Render each body to HTML as it is read. Checks need only what loading finds in the Markdown,
    /// so `salve check` skips the rendering; a build needs it.
    public var renderBodies: Bool
    /// A check of each file's whole text (pages, `site.yml`, `references.json`), run as the file is
    /// read so no file is read twice: the check modules above loading supply it (placeholders).
    public var textCheck: TextCheck?

    public init(contentDirectory: URL, seedsDirectory: URL, displayRoot: URL, includeDrafts: Bool = false,
                today: Day = .today(), renderBodies: Bool = true) {
        self.contentDirectory = contentDirectory.standardizedFileURL
        self.seedsDirectory = seedsDirectory.standardizedFileURL
        self.displayRoot = displayRoot.standardizedFileURL
        self.includeDrafts = includeDrafts
        self.today = today
        self.renderBodies = renderBodies
    }

    /// Whether `page` is part of the site loaded with these options: drafts and articles scheduled
    /// after `today` stay out of the site, its feed and its sitemap unless drafts are included.
    func publishes(_ page: some ContentPage) -> Bool {
        includeDrafts || page.isPublished(asOf: today)
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

/// Findings in one file's text (`text`, shown as `file`), such as placeholders left in it.
public typealias TextCheck = @Sendable (_ text: String, _ file: String) -> [Diagnostic]

/// The loaded graph and everything found wrong on the way.
public struct LoadResult: Sendable {
    /// Built even when there are errors, so later checks still run; never written out then.
    public var graph: ContentGraph
    public var diagnostics: DiagnosticList
    /// The text of site.yml, references.json and every file with a diagnostic, by display path, for
    /// source excerpts. Other files' text is dropped: a large site's Markdown would double the memory.
    public var sourceTexts: [String: String]
    /// The media files: what the build publishes, and the image variants it makes.
    public var media: MediaSet = .empty
}

/// A problem that stops loading before any content is read (exit code 2, not a content error).
public struct LoadFailure: Error, CustomStringConvertible {
    public var description: String
}
