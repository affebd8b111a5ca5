import Foundation
@testable import Preview
import Testing

/// `head-html` and `body-end-html` in the preview: served with the live-reload script added once,
/// after the site's own snippet, even when the snippet mentions `</body>` itself.
@Suite(.serialized, .timeLimit(.minutes(2)))
struct SiteSnippetPreviewTests {
    static let bodyEnd = "<div id=\"cookie-notice\">One cookie.</div><!-- closes before </body> -->"

    @Test func theReloadScriptIsAddedOnceAfterTheSnippets() async throws {
        try await withPreview(prepare: { site in
            try site.write("Content/site.yml", """
                title: Preview Test Library
                base-url: https://preview.example/
                head-html: brand/head.html
                body-end-html: brand/body-end.html

                """)
            try site.write("Content/brand/head.html", "<meta name=\"verify\" content=\"abc\">\n")
            try site.write("Content/brand/body-end.html", Self.bodyEnd)
        }) { _, session, port in
            try await settled(session)
            let page = String(decoding: try await HTTP.get("/articles/walking/", port: port).body, as: UTF8.self)
            #expect(page.components(separatedBy: ReloadScript.marker).count == 2, "the reload script once")
            #expect(page.components(separatedBy: "<meta name=\"verify\" content=\"abc\">").count == 2)
            let snippet = try #require(page.range(of: Self.bodyEnd))
            let script = try #require(page.range(of: ReloadScript.stateElementID))
            #expect(snippet.upperBound <= script.lowerBound)
            #expect(page.hasSuffix("</body>\n</html>\n"))
        }
    }
}
