import Testing
@testable import Media

@Suite struct SVGSanitizerTests {
    private func problems(_ svg: String) -> [String] {
        SVGSanitizer.check(Array(svg.utf8)).problems.map { "\($0.line):\($0.column) \($0.message)" }
    }

    @Test func aPlainDrawingPassesWithItsSize() {
        let svg = """
            <?xml version="1.0" encoding="UTF-8"?>
            <!-- drawn for Salve -->
            <svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" width="640" height="480" viewBox="0 0 64 48">
              <defs><linearGradient id="g"><stop offset="0"/></linearGradient></defs>
              <style>.a { fill: url(#g); }</style>
              <title>Lying on the back, knees bent</title>
              <use xlink:href="#g"/><rect class="a" fill="url('#g')" width="10" height="10"/>
            </svg>
            """
        let check = SVGSanitizer.check(Array(svg.utf8))
        #expect(check.problems == [])
        #expect(check.size == PixelSize(width: 640, height: 480))
    }

    @Test(arguments: [
        (#"<svg width="10" height="20"/>"#, PixelSize(width: 10, height: 20)),
        (#"<svg width="10px" height="20.4px"/>"#, PixelSize(width: 10, height: 20)),
        (#"<svg viewBox="0 0 300 150"/>"#, PixelSize(width: 300, height: 150)),
        (#"<svg width="600" viewBox="0,0,300,150"/>"#, PixelSize(width: 600, height: 300)),
        (#"<svg width="100%" height="100%" viewBox="0 0 30 15"/>"#, PixelSize(width: 30, height: 15)),
    ])
    func sizes(svg: String, size: PixelSize) {
        #expect(SVGSanitizer.check(Array(svg.utf8)).size == size)
    }

    @Test func noSizeAtAll() {
        #expect(SVGSanitizer.check(Array(#"<svg width="50%"/>"#.utf8)).size == nil)
    }

    @Test func scriptsAreRejectedAtTheirPosition() {
        let found = problems("<svg>\n  <é/><script>alert(1)</script>\n</svg>")
        #expect(found == ["2:7 <script> is not allowed in a published SVG: it can run code or load other content"])
        #expect(problems("<svg><svg:SCRIPT/></svg>").count == 1)
        #expect(problems("<svg><foreignObject><p/></foreignObject></svg>").count == 1)
    }

    @Test func eventAttributesAreRejected() {
        #expect(problems(#"<svg onload="alert(1)"/>"#) == ["1:6 the event attribute 'onload' runs code; remove it"])
        #expect(problems("<svg><rect\n   ONCLICK='x()'/></svg>") == ["2:4 the event attribute 'onclick' runs code; remove it"])
    }

    @Test func scriptAddressesAreRejected() {
        let found = problems(#"<svg><a href=" java&#10;script:x"/><a xlink:href="JaVaScRiPt:alert(1)"/></svg>"#)
        #expect(found.count == 2)
        #expect(found[1] == "1:51 'xlink:href' holds a script address (javascript:); remove it")
        #expect(problems(#"<svg><set attributeName="href" to="javascript:alert(1)"/></svg>"#).count == 1)
    }

    @Test func externalReferencesAreRejected() {
        #expect(problems(#"<svg><image href="https://tracker.example/p.png"/></svg>"#)
            == ["1:19 'href' refers to another file ('https://tracker.example/p.png'); an SVG may only refer to its own parts (#id)"])
        #expect(problems(#"<svg><use xlink:href="other.svg#a"/></svg>"#).count == 1)
        #expect(problems(#"<svg><rect style="fill: url(https://x.example/a.svg#g)"/></svg>"#).count == 1)
        #expect(problems("<svg><style>\n@import url(a.css);</style></svg>").count == 1)
        #expect(problems("<svg><style><![CDATA[ rect { fill: url( 'b.svg#g' ) } ]]></style></svg>").count == 1)
        #expect(problems(#"<?xml-stylesheet href="a.css"?><svg/>"#).count == 1)
        #expect(problems("<!DOCTYPE svg [ <!ENTITY x SYSTEM \"file:///etc/passwd\"> ]><svg>&x;</svg>").count == 1)
        #expect(problems(#"<svg><image href="data:image/png;base64,iVBOR"/></svg>"#) == [])
        #expect(problems(#"<svg><image href="data:image/svg+xml;base64,PHN2Zz4="/></svg>"#).count == 1)
    }

    @Test func deepNestingAndUnclosedTagsNeitherCrashNorHang() {
        let depth = 200_000
        let deep = "<svg>" + String(repeating: "<g>", count: depth) + String(repeating: "</g>", count: depth) + "</svg>"
        #expect(problems(deep) == [])
        #expect(problems("<svg><rect width=\"1") == [])
        #expect(problems("<svg><!-- never closed") == [])
        #expect(problems("<svg><script") .count == 1)
        #expect(problems(String(repeating: "<", count: 100_000)) == [])
    }
}
