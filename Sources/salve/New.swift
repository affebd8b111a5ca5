import ArgumentParser
import ContentModel
import Diagnostics
import Foundation
import Scaffold

extension NewPageKind: ExpressibleByArgument {}

struct New: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Add a page: Content/<folder>/<id>.md with every required key and placeholder text.",
        discussion: """
            KIND is condition, article, exercise, program, expert or page. The id must be lowercase \
            letters, digits and single hyphens, and not taken by a page of that kind. Exit status: 0 \
            written, 1 refused (an invalid or taken id, no condition yet), 2 I/O errors.
            """)

    @Argument(help: "condition, article, exercise, program, expert or page.")
    var kind: NewPageKind

    @Argument(help: "The page's id: its file name without .md, and the last part of its address.")
    var id: String

    @Option(help: "The folder holding the site's Markdown and site.yml.")
    var content: String = "Content"

    func run() throws {
        let root = URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
        let written: String
        do {
            written = try NewPage.write(kind, id: id, contentDirectory: URL(fileURLWithPath: content),
                                        displayRoot: root, today: .today())
        } catch {
            if let diagnostic = error.diagnostic {
                Terminal.stderr(TextFormatter().format(diagnostic))
            } else {
                Terminal.error(error.description)
            }
            throw ExitCode(error.reason == .refused ? 1 : 2)
        }
        print(written)
        Terminal.stderr("salve: wrote '\(written)'; replace each placeholder 'salve check' reports in it")
    }
}
