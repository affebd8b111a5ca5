import Foundation
import Testing

/// `salve render` reports what a build would reject in the body (unknown citations, links and
/// cards) on stderr and exits 1, still printing the HTML; and it never blocks on a FIFO.
@Suite(.timeLimit(.minutes(1)))
struct RenderDiagnosticsTests {
    static var projectArguments: [String] {
        ["--content", Fixtures.validSite.appendingPathComponent("Content").path,
         "--seeds", Fixtures.validSite.appendingPathComponent("seeds").path]
    }

    @Test func unknownCitationsLinksAndCardsFailAsInABuild() throws {
        try withTemporaryFolder { temp in
            let file = temp.appendingPathComponent("page.md")
            try Data("""
                ---
                title: T
                ---
                See [@nobody2020] and [a missing page](../articles/missing.md).

                ```exercise
                no-such-card
                ```

                """.utf8).write(to: file)
            let result = try Salve.run(["render", file.path] + Self.projectArguments, in: temp)
            #expect(result.exited && result.status == 1, "\(result.stderr)")
            #expect(result.stderr.contains(":4:6: error: unknown citation key 'nobody2020'"))
            #expect(result.stderr.contains("[unknown-citation]"))
            #expect(result.stderr.contains("[broken-link]"))
            #expect(result.stderr.contains("unknown exercise card 'no-such-card'"))
            #expect(result.stdout.hasPrefix("<p>See"))
        }
    }

    @Test func aKnownCitationRendersCleanly() throws {
        try withTemporaryFolder { temp in
            let file = temp.appendingPathComponent("page.md")
            try Data("Known [@rivera2021].\n".utf8).write(to: file)
            let result = try Salve.run(["render", file.path] + Self.projectArguments, in: temp)
            #expect(result.exited && result.status == 0, "\(result.stderr)")
            #expect(result.stderr.isEmpty)
        }
    }

    #if canImport(Glibc)
    @Test func aFIFOIsRefusedNotWaitedOn() throws {
        try withTemporaryFolder { temp in
            let pipe = temp.appendingPathComponent("pipe.md")
            #expect(mkfifo(pipe.path, 0o600) == 0)
            let result = try Salve.run(["render", pipe.path], in: temp, timeout: 30)
            #expect(!result.timedOut)
            #expect(result.exited && result.status == 2, "\(result.stderr)")
            #expect(result.stderr.contains("named pipe"))
        }
    }
    #endif
}
