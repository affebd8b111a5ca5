import ArgumentParser
import ContentLoading
import Diagnostics
import Foundation
import SiteBuilder

struct Build: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Build the site from the content folder into the output folder.",
        discussion: """
            Loads and checks every page first; if any error is found, nothing is written and the last \
            good site stays in place. Exit status: 0 built, 1 content errors, 2 usage or I/O errors.
            """)

    @OptionGroup var project: ProjectOptions

    @Option(help: "The folder to write the site into. It is replaced as a whole on success.")
    var output: String = "Output"

    @Flag(help: "Include draft articles.")
    var drafts = false

    func run() throws {
        let options = LoadOptions(contentDirectory: project.contentURL, seedsDirectory: project.seedsURL,
                                  displayRoot: project.rootURL, includeDrafts: drafts)
        let started = Date()
        let report: BuildReport
        do {
            report = try SiteBuild.build(options, output: URL(fileURLWithPath: output))
        } catch let failure as LoadFailure {
            Terminal.error(failure.description)
            throw ExitCode(2)
        } catch let failure as OutputFailure {
            Terminal.error(failure.description)
            throw ExitCode(2)
        }
        let formatter = TextFormatter(sourceProvider: sourceProvider(report.sourceTexts))
        formatter.write(report.diagnostics) { Terminal.stderr($0) }
        let summary = TextFormatter.summary(report.diagnostics)
        guard report.succeeded else {
            Terminal.stderr("salve: build failed with \(summary); nothing was written, '\(output)' is unchanged")
            throw ExitCode(1)
        }
        let seconds = Date().timeIntervalSince(started)
        Terminal.stderr("salve: wrote \(report.filesWritten) files to '\(output)' in \(Int(seconds * 1000)) ms (\(summary))")
        // Exit with the loaded site still in memory, as `salve check` does: freeing a large site's
        // pages one by one is slow, and the process is ending anyway.
        fflush(nil)  // every output stream
        withExtendedLifetime(report) { Foundation.exit(0) }
    }
}
