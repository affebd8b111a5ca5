import ArgumentParser
import ContentChecks
import ContentLoading
import ContentModel
import Diagnostics
import Foundation
import Templates

struct Check: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Check citations, references, reviews and links without writing the site.",
        discussion: """
            Loads the whole content graph the way a build does and runs every check. With --site, also \
            checks that every href and src in a built site resolves. Exit status: 0 clean, 1 findings at \
            the failing level (errors; warnings too with --strict), 2 usage or runtime errors.
            """)

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case text, json, github, sarif
    }

    @OptionGroup var project: ProjectOptions

    @Option(help: "Output format: text, json, github (workflow annotations) or sarif (SARIF 2.1.0).")
    var format: Format = .text

    @Flag(help: "Fail on warnings as well as errors.")
    var strict = false

    @Option(help: "Also check the links in a built site folder, such as Output.")
    var site: String?

    @Flag(help: "Include draft articles.")
    var drafts = false

    @Option(help: "Check dates as of this day (YYYY-MM-DD) instead of today, for reproducible runs.")
    var today: String?

    func validate() throws {
        if let today, Day(iso: today) == nil {
            throw ValidationError("--today must be a date written YYYY-MM-DD")
        }
    }

    func run() throws {
        let day = today.flatMap { Day(iso: $0) } ?? .today()
        let options = LoadOptions(contentDirectory: project.contentURL, seedsDirectory: project.seedsURL,
                                  displayRoot: project.rootURL, includeDrafts: drafts, today: day)
        var result: LoadResult
        do {
            result = try SiteChecker.loadAndCheck(options)
        } catch {
            Terminal.error(error.description)
            throw ExitCode(2)
        }
        if let site {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: site, isDirectory: &isDirectory), isDirectory.boolValue else {
                Terminal.error("the site folder '\(site)' does not exist; build it first")
                throw ExitCode(2)
            }
            result.diagnostics.append(contentsOf: SiteLinkChecker.check(
                site: URL(fileURLWithPath: site), basePath: Linker.basePath(of: result.graph.site.baseURL),
                displayRoot: project.rootURL))
        }
        let diagnostics = result.diagnostics
        switch format {
        case .text:
            if !diagnostics.isEmpty { print(TextFormatter(sourceProvider: sourceProvider(result.sourceTexts)).format(diagnostics)) }
            Terminal.stderr("salve: checked \(result.graph.allPages.count) pages and \(result.graph.bibliography.entries.count) references: \(TextFormatter.summary(diagnostics))")
        case .json:
            print(MachineFormatter.json(diagnostics))
        case .github:
            if !diagnostics.isEmpty { print(MachineFormatter.github(diagnostics)) }
        case .sarif:
            print(MachineFormatter.sarif(diagnostics, toolVersion: Salve.configuration.version,
                                         helpURI: "https://github.com/salve-health/salve"))
        }
        let failing = diagnostics.hasErrors || (strict && diagnostics.warningCount > 0)
        if failing { throw ExitCode(1) }
    }
}
