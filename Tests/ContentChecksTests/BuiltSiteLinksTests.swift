@testable import ContentChecks
@testable import LinkChecks
import Diagnostics
import Foundation
import Testing

/// `salve check --site`: every `href` and `src` of a built site resolves to a file and an element id.
/// These sites are written by hand, so every line and column below is counted from the text.
@Suite struct BuiltSiteLinksTests {
    static func check(_ files: [String: String], basePath: String = "/health/") throws -> [Diagnostic] {
        let project = try CheckProject(files.reduce(into: [:]) { $0["site/" + $1.key] = $1.value })
        defer { project.remove() }
        return BuiltSiteLinks.check(site: project.root.appendingPathComponent("site"), basePath: basePath,
                                     displayRoot: project.root)
            .sorted { ($0.location, $0.message) < ($1.location, $1.message) }
    }

    static let home = """
        <!DOCTYPE html>
        <html lang="en">
        <head><link rel="stylesheet" href="assets/site.css"></head>
        <body id="top">
        <p><a href="about/">About</a> <a href="about/#team">Team</a> <a href="about/index.html#team">Team</a></p>
        <p><a href="missing/">Missing</a> <a href="about/#nobody">Nobody</a> <a href="#top">Top</a> <a href="#bottom">Bottom</a></p>
        <img src="pic.png" alt="A picture">
        <a href="/health/about/">Root-relative</a> <a href="/elsewhere/">Outside</a> <a href="https://example.org/x">Web</a>
        <a href="mailto:someone@example.org">Mail</a> <a href="//cdn.example/x.js">Protocol-relative</a>
        <!-- <a href="commented-out/">not a link</a> -->
        <script>var html = '<a href="in-a-script/">';</script>
        <a href='about/?q=1#team'>Single quotes and a query</a> <a href=about/>Unquoted</a>
        <p>Café — <a href="nope/">accented text before the link</a></p>
        <a href="about/#caf%C3%A9">Percent-encoded fragment</a>
        </body>
        </html>

        """

    static let about = """
        <!DOCTYPE html>
        <html lang="en">
        <body>
        <h2 id="team">Team</h2>
        <h2 id="café">Café</h2>
        <a href="../">Home</a> <a href="../index.html#top">Top of home</a> <a href="../../outside.html">Outside</a>
        </body>
        </html>

        """

    @Test func brokenHrefsAndSrcsAreReportedAtTheAttributeValue() throws {
        let diagnostics = try Self.check([
            "index.html": Self.home,
            "about/index.html": Self.about,
            "assets/site.css": "body {}\n",
        ])
        #expect(diagnostics.allSatisfy { $0.code == .brokenSiteLink && $0.severity == .error })
        #expect(diagnostics.map { "\($0.location)" } == [
            "site/about/index.html:6:77",
            "site/index.html:6:13",
            "site/index.html:6:44",
            "site/index.html:6:102",
            "site/index.html:7:11",
            "site/index.html:8:53",
            "site/index.html:13:20",
        ])
        #expect(diagnostics.map(\.message) == [
            "the link '../../outside.html' points outside the site",
            "the link 'missing/' points to a file that does not exist",
            "the link 'about/#nobody' names '#nobody', which is not on that page",
            "the link '#bottom' names '#bottom', which is not on that page",
            "the link 'pic.png' points to a file that does not exist",
            "the link '/elsewhere/' points outside the site",
            "the link 'nope/' points to a file that does not exist",
        ])
    }

    @Test func aSiteAtTheDomainRootResolvesRootRelativeLinks() throws {
        let diagnostics = try Self.check([
            "index.html": "<a href=\"/about/#team\">Team</a>\n<a href=\"/about/#gone\">Gone</a>\n",
            "about/index.html": "<h2 id=\"team\">Team</h2>\n",
        ], basePath: "/")
        #expect(diagnostics.map { "\($0.location)" } == ["site/index.html:2:10"])
        #expect(diagnostics.first?.message == "the link '/about/#gone' names '#gone', which is not on that page")
    }

    /// Pictures name their variants in `srcset` and videos their first frame in `poster`: a missing
    /// one is as broken as a missing `src`.
    @Test func everyAddressOfASrcsetAndThePosterAreChecked() throws {
        let diagnostics = try Self.check([
            "index.html": """
                <picture><source type="image/webp" srcset="a.320.webp 320w, b.640.webp 640w">
                <img src="a.png" srcset="a.png 1x,gone.png 2x" alt="A"></picture>
                <video controls poster="still.jpg"><source src="v.mp4" type="video/mp4"><track kind="captions" src="v.vtt"></video>

                """,
            "a.320.webp": "x", "a.png": "x", "v.mp4": "x",
        ])
        #expect(diagnostics.map { "\($0.location) \($0.message)" } == [
            "site/index.html:1:61 the link 'b.640.webp' points to a file that does not exist",
            "site/index.html:2:35 the link 'gone.png' points to a file that does not exist",
            "site/index.html:3:25 the link 'still.jpg' points to a file that does not exist",
            "site/index.html:3:101 the link 'v.vtt' points to a file that does not exist",
        ])
    }

    @Test func entitiesInAttributesAreDecoded() throws {
        let diagnostics = try Self.check([
            "index.html": "<a href=\"a&amp;b.html\">ok</a> <a href=\"a&amp;c.html\">missing</a>\n",
            "a&b.html": "<p>A and B</p>\n",
        ])
        #expect(diagnostics.map { "\($0.location)" } == ["site/index.html:1:40"])
        #expect(diagnostics.first?.message == "the link 'a&c.html' points to a file that does not exist")
    }

    @Test func scannerFindsAttributesWithLinesAndColumns() {
        let html = "<p id=\"one\">x</p>\n<div\n  class=\"c\" id='two' data-x=\"<a href=no>\">\n<!-- id=\"three\" -->\n<style>#x { } <a id=\"four\"></style><i id=five>é</i>\n"
        let found = HTMLScanner.attributes(in: html, named: ["id", "href"])
        #expect(found.map { "\($0.name)=\($0.value)@\($0.line):\($0.column)" } == [
            "id=one@1:8",
            "id=two@3:17",
            "id=five@5:42",
        ])
    }

    /// Bug: the end of a `script` or `style` element is searched for in lower case only, so after
    /// `<SCRIPT>…</SCRIPT>` (valid HTML, common in hand-made pages) the rest of the page is skipped.
    @Test func upperCaseScriptEndTagsEndTheSkippedText() {
        let html = "<SCRIPT>var x = 1;</SCRIPT>\n<a href=\"missing/\">x</a>\n"
        #expect(HTMLScanner.attributes(in: html, named: ["href"]).map { "\($0.value)@\($0.line):\($0.column)" } ==
            ["missing/@2:10"])
    
    }

    @Test(arguments: [
        ("a &amp; b", "a & b"), ("&lt;tag&gt;", "<tag>"), ("&quot;q&quot; &#39;s&apos;", "\"q\" 's'"),
        ("&#233;&#xE9;", "éé"), ("&nbsp;", "&nbsp;"), ("fish & chips", "fish & chips"),
    ])
    func entityDecoding(text: String, decoded: String) {
        #expect(HTMLScanner.decodeEntities(text) == decoded)
    }
}
