import ArgumentParser
import ContentChecks
import ContentLoading
import ContentModel
import Diagnostics
import Foundation
import SiteBuilder
import Templates

struct Render: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Print one file's body as HTML, through the same pipeline as a build.",
        discussion: """
            Front matter is skipped. Links to other content files, citations and exercise blocks are \
            resolved against the content folder when it loads; plain CommonMark comes out exactly as cmark \
            renders it, except that headings gain ids.
            """)

    @Argument(help: "A Markdown file, or - to read standard input.")
    var file: String

    @OptionGroup var project: ProjectOptions

    func run() throws {
        let data: Data
        let displayName: String
        if file == "-" {
            data = FileHandle.standardInput.readDataToEndOfFile()
            displayName = "<stdin>"
        } else {
            switch ContentLoader.readPageFile(atPath: file, file: file) {
            case .success(let contents): data = contents
            case .failure(let diagnostic):
                Terminal.error(diagnostic.message)
                throw ExitCode(2)
            }
            displayName = file
        }
        // The rest of the site gives links and embedded cards their targets; without it, the body still renders.
        let options = LoadOptions(contentDirectory: project.contentURL, seedsDirectory: project.seedsURL,
                                  displayRoot: project.rootURL, includeDrafts: true)
        let graph = (try? ContentLoader.load(options))?.graph
        let site = graph?.site ?? SiteConfig(title: "", baseURL: "/")
        var (body, diagnostics) = ContentLoader.analyzeBody(
            of: data, file: displayName, folder: folder(of: file, in: project.contentURL), site: site)
        // The body's own rules (its outline), and the citations, links and exercise blocks a build would
        // reject, reported as a build does.
        if let body { diagnostics += AccessibilityChecks.check(body) }
        if let body, let graph {
            diagnostics += ContentLoader.checkBody(body, file: displayName, in: graph,
                                                   contentRoot: ProjectPaths(displayRoot: project.rootURL).display(project.contentURL))
        }
        if !diagnostics.isEmpty {
            Terminal.stderr(TextFormatter().format(DiagnosticList(diagnostics)))
        }
        guard let body else { throw ExitCode(1) }
        let renderer = BodyHTMLRenderer(graph: graph ?? ContentGraph(site: site, pages: [], bibliography: Bibliography(),
                                                                     sourceRecords: []))
        var numbering = CitationNumbering()
        // Bodies render as on a page two folders deep (articles/slug/), the depth of every content page.
        let linker = Linker(from: .contentDepth, site: site)
        let html = renderer.render(body, linker: linker, numbering: &numbering)
        FileHandle.standardOutput.write(Data(html.bytes))
        if DiagnosticList(diagnostics).hasErrors { throw ExitCode(1) }
    }

    /// The file's folders below the content folder (`["articles"]`), or `["articles"]` for stdin and files elsewhere.
    private func folder(of file: String, in content: URL) -> [String] {
        let root = content.standardizedFileURL.path + "/"
        let path = URL(fileURLWithPath: file).standardizedFileURL.path
        guard file != "-", path.hasPrefix(root) else { return ["articles"] }
        return Array(path.dropFirst(root.count).split(separator: "/").dropLast().map(String.init))
    }
}
