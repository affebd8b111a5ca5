import ArgumentParser
import ContentLoading
import Diagnostics
import Foundation

@main
struct Salve: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "salve",
        abstract: "Builds patient-education websites from Markdown articles, exercise cards and a bibliography.",
        version: "0.1.0",
        subcommands: [Init.self, New.self, Build.self, Check.self, Render.self, Stats.self, PreviewCommand.self, Cite.self]
    )

    /// Exit codes: 0 success, 1 content errors, 2 usage or I/O errors.
    static func main() {
        do {
            var command = try parseAsRoot()
            try command.run()
        } catch {
            let code = exitCode(for: error)
            if code == .success {
                print(fullMessage(for: error))
                Foundation.exit(0)
            }
            if code.rawValue != 1 && code.rawValue != 2 || !(error is ExitCode) {
                let message = fullMessage(for: error)
                if !message.isEmpty { FileHandle.standardError.write(Data((message + "\n").utf8)) }
            }
            // ArgumentParser uses EX_USAGE (64) for bad arguments; Salve promises 2.
            Foundation.exit(code.rawValue == 1 ? 1 : (code == .success ? 0 : 2))
        }
    }
}

/// Options naming the project's folders, shared by the subcommands.
struct ProjectOptions: ParsableArguments {
    @Option(help: "The folder holding the site's Markdown and site.yml.")
    var content: String = "Content"

    @Option(help: "The folder holding references.json and the source-document records.")
    var seeds: String = "seeds"

    var contentURL: URL { URL(fileURLWithPath: content) }
    var seedsURL: URL { URL(fileURLWithPath: seeds) }
    var rootURL: URL { URL(fileURLWithPath: FileManager.default.currentDirectoryPath) }
}

/// Source lines for diagnostics: from what loading kept, else read from disk (project-relative paths)
/// when the file is a regular file of a sensible size: a FIFO or a device named in a diagnostic must
/// not block or flood the report.
func sourceProvider(_ texts: [String: String]) -> TextFormatter.SourceProvider {
    { file in
        if let text = texts[file] { return text }
        // Read as loading reads: never a FIFO or device, never a binary file's bytes as a "line".
        return ContentLoader.excerptText(atPath: file)
    }
}

enum Terminal {
    static func error(_ text: String) {
        FileHandle.standardError.write(Data(("salve: error: " + text + "\n").utf8))
    }

    static func stderr(_ text: String) {
        FileHandle.standardError.write(Data((text + "\n").utf8))
    }
}
