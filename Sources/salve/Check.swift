import LinkChecks
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

    @Flag(help: "Also request every external URL and DOI over HTTP(S). 401, 403 and 429 answers are warnings.")
    var online = false

    @Option(help: "With --online: requests in flight at once (at most 2 per host).")
    var onlineConcurrency = 8

    @Option(help: "With --online: seconds before a request is given up.")
    var onlineTimeout: Double = 10

    @Option(help: "With --online: further attempts after a timeout, 429 or a server error, with doubling back-off.")
    var onlineRetries = 2

    @Option(help: "With --online: a URL prefix never to request (repeatable).")
    var onlineExclude: [String] = []

    @Option(help: "With --online: where to remember results between runs.")
    var onlineCache = ".salve-cache/links.json"

    @Option(help: "With --online: days a remembered result is trusted.")
    var onlineMaxAgeDays: Double = 7

    @Option(help: "With --online: the base URL DOIs are resolved against.")
    var doiResolver = "https://doi.org/"

    @Option(help: "With --online: Crossref's REST API, asked for retractions and expressions of concern.")
    var crossrefApi = "https://api.crossref.org/"

    @Option(help: "With --online: NCBI's E-utilities, asked for PubMed records.")
    var eutils = "https://eutils.ncbi.nlm.nih.gov/entrez/eutils/"

    @Option(help: "With --online: seconds between two requests to one metadata service.")
    var onlineInterval: Double = 0.34

    func validate() throws {
        if let today, Day(iso: today) == nil {
            throw ValidationError("--today must be a date written YYYY-MM-DD")
        }
    }

    func run() throws {
        let day = today.flatMap { Day(iso: $0) } ?? .today()
        let options = LoadOptions(contentDirectory: project.contentURL, seedsDirectory: project.seedsURL,
                                  displayRoot: project.rootURL, includeDrafts: drafts, today: day, renderBodies: false)
        var result: LoadResult
        do {
            result = try CheckedContent.load(options)
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
            result.diagnostics.append(contentsOf: BuiltSiteLinks.check(
                site: URL(fileURLWithPath: site), basePath: Linker.basePath(of: result.graph.site.baseURL),
                displayRoot: project.rootURL))
        }
        if online {
            var settings = OnlineOptions()
            settings.concurrency = onlineConcurrency
            settings.timeout = onlineTimeout
            settings.retries = onlineRetries
            settings.excluded = onlineExclude
            settings.cacheFile = URL(fileURLWithPath: onlineCache)
            settings.maxAge = onlineMaxAgeDays * 24 * 3600
            settings.doiResolver = doiResolver.hasSuffix("/") ? doiResolver : doiResolver + "/"
            settings.crossrefAPI = OnlineOptions.base(crossrefApi)
            settings.eutils = OnlineOptions.base(eutils)
            settings.requestInterval = onlineInterval
            settings.contactEmail = result.graph.site.contactEmail
            if settings.contactEmail == nil {
                Terminal.stderr("salve: note: add 'contact-email' to site.yml so the DOI, Crossref and PubMed services know who is asking")
            }
            let chosen = settings
            let targets = OnlineChecker.targets(in: result.graph, options: chosen)
            let graph = result.graph
            result.diagnostics.append(contentsOf: waitFor {
                async let links = OnlineChecker.check(targets, options: chosen, fetcher: URLSessionFetcher(userAgent: chosen.userAgent))
                async let references = ReferenceVerifier.check(graph, client: MetadataClient(options: chosen))
                return await links + references
            })
        }
        let diagnostics = result.diagnostics
        switch format {
        case .text:
            TextFormatter(sourceProvider: sourceProvider(result.sourceTexts)).write(diagnostics) { print($0) }
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
        // Exit with the loaded site still in memory: freeing a large site's pages one by one took
        // longer than printing the findings, and the process is ending anyway.
        fflush(nil)  // every output stream
        withExtendedLifetime(result) { Foundation.exit(failing ? 1 : 0) }
    }

    /// Runs async work to completion from this synchronous command (on the main thread, which is not
    /// one of the concurrency pool's threads).
    private func waitFor(_ work: @escaping @Sendable () async -> [Diagnostic]) -> [Diagnostic] {
        let box = ResultBox()
        let done = DispatchSemaphore(value: 0)
        Task {
            box.value = await work()
            done.signal()
        }
        done.wait()
        return box.value
    }
}

private final class ResultBox: @unchecked Sendable {
    var value: [Diagnostic] = []
}
