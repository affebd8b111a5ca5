import ContentChecks
import ContentLoading
import ContentModel
import Diagnostics
import Foundation

/// `Testing` has a `SourceLocation` too; in these tests the name means Salve's.
typealias SourceLocation = Diagnostics.SourceLocation

func day(_ text: String) -> Day { Day(iso: text)! }

/// A small project written to a temporary folder and checked the way `salve check` does
/// (`CheckedContent.load`), always as of a fixed day so no result depends on the calendar.
struct CheckProject {
    /// Every review in the base project is on or before this day, and none is due again before it.
    static let today = day("2026-02-01")

    let root: URL

    init(_ files: [String: String]) throws {
        root = FileManager.default.temporaryDirectory
            .appendingPathComponent("salve-checks-\(UUID().uuidString)", isDirectory: true)
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        for (path, text) in files {
            let url = root.appendingPathComponent(path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(text.utf8).write(to: url)
        }
    }

    func options(today: Day = CheckProject.today, includeDrafts: Bool = false) -> LoadOptions {
        LoadOptions(contentDirectory: root.appendingPathComponent("Content"),
                    seedsDirectory: root.appendingPathComponent("seeds"),
                    displayRoot: root, includeDrafts: includeDrafts, today: today)
    }

    func check(today: Day = CheckProject.today, includeDrafts: Bool = false) throws -> DiagnosticList {
        try CheckedContent.load(options(today: today, includeDrafts: includeDrafts)).diagnostics
    }

    func remove() {
        try? FileManager.default.removeItem(at: root)
    }

    /// Writes the base project with `changes` applied (a nil value deletes a file), checks it and cleans up.
    static func check(_ changes: [String: String?] = [:], today: Day = CheckProject.today) throws -> DiagnosticList {
        var files = base
        for (path, text) in changes { files[path] = text }
        let project = try CheckProject(files)
        defer { project.remove() }
        return try project.check(today: today)
    }

    // MARK: The base project: clean under `salve check`

    static let review = """
        review:
          reviewer: jo-bloggs
          role: clinical
          date: 2026-01-10
        """

    static let site = """
        title: Check Site
        base-url: https://checks.example/

        """

    static let expert = """
        ---
        name: Jo Bloggs
        credentials: [PT]
        title: Physical therapist
        ---
        A made-up physical therapist.

        """

    static let condition = """
        ---
        name: Knee pain
        summary: Pain in or around the knee.
        symptoms:
          - An ache when you climb stairs
        seek-care:
          - See a doctor if the knee is hot and swollen.
        \(review)
        ---
        Knee pain is common and usually settles.

        """

    static let card = """
        ---
        title: Quad set
        kind: strength
        conditions: [knee-pain]
        \(review)
        ---
        1. Sit with your legs straight.
        2. Tighten the muscle at the front of your thigh.

        """

    /// The article that cites and embeds everything, so nothing is unused. Its body starts on line 11
    /// (`Gentle exercise helps [@a; @b].`, the first '@' at column 24); `body` starts on line 16.
    static func article(citing keys: [String] = ["smith2019"], body: String = "") -> String {
        let citation = keys.isEmpty ? "" : " [" + keys.map { "@" + $0 }.joined(separator: "; ") + "]"
        return """
            ---
            title: A knee guide
            summary: What helps a sore knee.
            conditions: [knee-pain]
            \(review)
            published: 2026-01-12
            ---
            Gentle exercise helps\(citation).

            ```exercise
            quad-set
            ```
            \(body)
            """
    }

    static let references = """
        [
          {
            "id": "smith2019",
            "type": "article-journal",
            "author": [{"family": "Smith", "given": "Ann"}],
            "title": "Exercise for knee pain",
            "container-title": "Journal of Examples",
            "issued": {"date-parts": [[2019, 5, 1]]},
            "DOI": "10.5555/joe.2019.001"
          }
        ]

        """

    static let base: [String: String] = [
        "Content/site.yml": site,
        "Content/experts/jo-bloggs.md": expert,
        "Content/conditions/knee-pain.md": condition,
        "Content/exercises/quad-set.md": card,
        "Content/articles/guide.md": article(),
        "seeds/references.json": references,
    ]

    /// A bibliography of `entries` (each a JSON object written on lines of its own, indented by two
    /// spaces), cited by the article so no entry is uncited. The first entry's `{` is on line 2.
    static func check(bibliography entries: [String], cite ids: [String], today: Day = CheckProject.today,
                      more changes: [String: String?] = [:]) throws -> DiagnosticList {
        var changes = changes
        changes["seeds/references.json"] = "[\n" + entries.joined(separator: ",\n") + "\n]\n"
        changes["Content/articles/guide.md"] = article(citing: ids)
        return try check(changes, today: today)
    }
}

/// What a test expects of one diagnostic.
struct Expected: CustomStringConvertible, Equatable {
    var severity: Severity
    var code: String
    var file: String
    var line: Int
    var column: Int

    init(_ severity: Severity, _ code: String, _ file: String, _ line: Int, _ column: Int) {
        self.severity = severity
        self.code = code
        self.file = file
        self.line = line
        self.column = column
    }

    init(_ diagnostic: Diagnostic) {
        self.init(diagnostic.severity, diagnostic.code.rawValue, diagnostic.location.file,
                  diagnostic.location.line ?? 0, diagnostic.location.column ?? 0)
    }

    var description: String { "\(file):\(line):\(column): \(severity.rawValue) [\(code)]" }
}

extension DiagnosticList {
    /// The diagnostics with `code`, sorted, as comparable expectations.
    func found(_ code: DiagnosticCode) -> [Expected] {
        sorted.filter { $0.code == code }.map(Expected.init)
    }

    func with(_ code: DiagnosticCode) -> [Diagnostic] { sorted.filter { $0.code == code } }

    /// Every diagnostic, one line each, for failure messages.
    var lines: String { sorted.map(\.description).joined(separator: "\n") }
}

// MARK: Bibliography entries with known line numbers

enum Entry {
    /// One CSL-JSON entry as lines of `references.json`: `  {`, `    "id": …,`, `    "type": …,`, one
    /// line per field, `  }`. An entry with n fields spans n + 4 lines; field i (from 0) is on its line 3 + i.
    /// A field line is indented by four spaces, so in `    "DOI": "…"` the value starts at column 12.
    static func make(_ id: String, _ type: String, _ fields: [String]) -> String {
        (["  {", "    \"id\": \"\(id)\",", "    \"type\": \"\(type)\""] .enumerated().map { index, line in
            index == 2 && !fields.isEmpty ? line + "," : line
        } + fields.enumerated().map { index, field in
            "    " + field + (index == fields.count - 1 ? "" : ",")
        } + ["  }"]).joined(separator: "\n")
    }

    /// A complete journal article whose last field (on the entry's line 7, 9 lines an entry) is `identifier`.
    static func journal(_ id: String, _ identifier: String) -> String {
        make(id, "article-journal", [
            "\"author\": [{\"family\": \"Smith\", \"given\": \"Ann\"}]",
            "\"title\": \"A study\"",
            "\"container-title\": \"Journal of Examples\"",
            "\"issued\": {\"date-parts\": [[2019, 5, 1]]}",
            identifier,
        ])
    }

    /// A complete web page whose last field (on the entry's line 6, 8 lines an entry) is `last`.
    static func webpage(_ id: String, url: String = "https://health.example/knee", _ last: String) -> String {
        make(id, "webpage", [
            "\"title\": \"Knee pain\"",
            "\"container-title\": \"Example Health\"",
            "\"URL\": \"\(url)\"",
            last,
        ])
    }

    /// A complete book whose last field (on the entry's line 6, 8 lines an entry) is `last`.
    static func book(_ id: String, _ last: String) -> String {
        make(id, "book", [
            "\"author\": [{\"family\": \"Hall\", \"given\": \"Jo\"}]",
            "\"title\": \"Moving Well\"",
            "\"publisher\": \"Example Press\"",
            last,
        ])
    }
}
