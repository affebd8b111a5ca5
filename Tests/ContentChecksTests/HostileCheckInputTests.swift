@testable import ContentChecks
@testable import LinkChecks
import Diagnostics
import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// Files `salve check` reads beside the content: a FIFO in their place is reported, never waited on.
@Suite(.timeLimit(.minutes(1))) struct HostileCheckInputTests {
    @Test func aFIFOAsTheRetractionListIsReportedNotRead() throws {
        let project = try CheckProject(CheckProject.base)
        defer { project.remove() }
        let fifo = project.root.appendingPathComponent("seeds/retractions.csv")
        #expect(mkfifo(fifo.path, 0o600) == 0)
        let diagnostics = try project.check()
        let problems = diagnostics.all.filter { $0.location.file == "seeds/retractions.csv" }
        #expect(problems.map(\.code) == [.readFailed])
        #expect(problems.first?.message.contains("not a regular file") == true)
    }

    @Test func aFIFONamedLikeAPageIsSkippedByTheSiteCheck() throws {
        let project = try CheckProject(["site/index.html": "<a href=\"page.html\">Page</a> <a href=\"page.html#x\">X</a>"])
        defer { project.remove() }
        #expect(mkfifo(project.root.appendingPathComponent("site/page.html").path, 0o600) == 0)
        let found = BuiltSiteLinks.check(site: project.root.appendingPathComponent("site"), basePath: "/",
                                          displayRoot: project.root)
        // The link to it resolves to a name that exists; its ids cannot be read, so '#x' is not on it.
        #expect(found.map(\.message) == ["the link 'page.html#x' names '#x', which is not on that page"])
    }
}
