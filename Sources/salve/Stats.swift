import ArgumentParser
import ContentChecks
import ContentLoading
import ContentModel
import Diagnostics
import Foundation

struct Stats: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Print a table of pages with reading grade, word count, citations and review status.",
        discussion: """
            Grades are Flesch–Kincaid grade levels of each page's prose (its summary and body paragraphs; \
            not code, headings, citations or the reference list). Patient material aims for grade 6–8.
            """)

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case text, json, csv
    }

    @OptionGroup var project: ProjectOptions

    @Option(help: "Output format: text, json or csv.")
    var format: Format = .text

    @Flag(help: "Include draft articles.")
    var drafts = false

    struct Row: Encodable {
        var page: String
        var kind: String
        var grade: Double?
        var readingEase: Double?
        var words: Int
        var citations: Int
        var review: String
    }

    func run() throws {
        let today = Day.today()
        let options = LoadOptions(contentDirectory: project.contentURL, seedsDirectory: project.seedsURL,
                                  displayRoot: project.rootURL, includeDrafts: drafts, renderBodies: false)
        let result: LoadResult
        do {
            result = try ContentLoader.load(options)
        } catch {
            Terminal.error(error.description)
            throw ExitCode(2)
        }
        let rows = result.graph.allPages.map { page -> Row in
            let stats = page.readability
            return Row(page: page.file, kind: type(of: page).kind.label,
                       grade: stats.grade.map { ($0 * 10).rounded() / 10 },
                       readingEase: stats.readingEase.map { ($0 * 10).rounded() / 10 },
                       words: stats.words, citations: Set(page.citedKeys.map(\.value)).count,
                       review: reviewStatus(page.review, today: today))
        }
        switch format {
        case .json:
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
            print(String(decoding: try encoder.encode(rows), as: UTF8.self))
        case .csv:
            print("page,kind,grade,reading_ease,words,citations,review")
            for row in rows {
                print([row.page, row.kind, row.grade.map { "\($0)" } ?? "", row.readingEase.map { "\($0)" } ?? "",
                       "\(row.words)", "\(row.citations)", row.review].map(csvField).joined(separator: ","))
            }
        case .text:
            let header = ["Page", "Kind", "Grade", "Ease", "Words", "Citations", "Review"]
            let table = rows.map { row in
                [row.page, row.kind, row.grade.map { String(format: "%.1f", $0) } ?? "–",
                 row.readingEase.map { String(format: "%.0f", $0) } ?? "–", "\(row.words)", "\(row.citations)", row.review]
            }
            print(TextTable.render(header: header, rows: table, rightAligned: [2, 3, 4, 5]))
            let graded = result.graph.allPages.compactMap { $0.readability.words >= 100 ? $0.readability.grade : nil }
            if !graded.isEmpty {
                let average = graded.reduce(0, +) / Double(graded.count)
                print("\n\(rows.count) pages; average grade \(String(format: "%.1f", average)) over \(graded.count) pages of 100+ words; site target grade \(result.graph.site.targetGrade)")
            }
        }
    }

    private func reviewStatus(_ review: Review?, today: Day) -> String {
        switch review {
        case nil: return "–"
        case .pending?: return "pending"
        case .reviewed(let done)?:
            return done.nextDue < today ? "overdue since \(done.nextDue)" : "reviewed \(done.date)"
        }
    }

    private func csvField(_ text: String) -> String {
        text.contains(",") || text.contains("\"") ? "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : text
    }
}

/// A plain-text table with padded columns.
enum TextTable {
    static func render(header: [String], rows: [[String]], rightAligned: Set<Int>) -> String {
        let all = [header] + rows
        let widths = header.indices.map { column in all.map { $0[column].count }.max() ?? 0 }
        func line(_ cells: [String]) -> String {
            cells.enumerated().map { index, cell in
                let padding = String(repeating: " ", count: widths[index] - cell.count)
                return rightAligned.contains(index) ? padding + cell : cell + padding
            }.joined(separator: "  ").trimmingCharacters(in: .whitespaces)
        }
        let rule = widths.map { String(repeating: "-", count: $0) }.joined(separator: "  ")
        return ([line(header), rule] + rows.map(line)).joined(separator: "\n")
    }
}
