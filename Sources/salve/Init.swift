import ArgumentParser
import ContentModel
import Foundation
import Scaffold

struct Init: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Start a new site: settings, one page of each kind, a bibliography, .gitignore and a CI workflow.",
        discussion: """
            Writes into DIR (made when missing), which must be empty but for a .git folder. Every \
            placeholder in the starter files is marked TODO, and 'salve check' reports each one until it \
            is replaced. Exit status: 0 written, 1 refused (the folder has content), 2 I/O errors.
            """)

    @Argument(help: "The folder to write the new site into.")
    var directory: String = "."

    func run() throws {
        let folder = URL(fileURLWithPath: directory)
        let files: [StarterFile]
        do {
            files = try SiteScaffold.write(into: folder, today: .today())
        } catch {
            Terminal.error(error.description)
            throw ExitCode(error.reason == .refused ? 1 : 2)
        }
        for file in files { print(file.path) }
        let enter = directory == "." ? "" : "cd \(directory) && "
        Terminal.stderr("salve: wrote a new site (\(files.count) files) to '\(directory)'. Next: \(enter)salve check, then replace each placeholder it reports.")
    }
}
