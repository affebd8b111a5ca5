import Foundation
import Testing
import Diagnostics
@testable import ContentModel
@testable import ContentLoading

@Suite struct SourceTextTests {
    static func decodeBytes(_ bytes: [UInt8]) -> Result<String, Diagnostic> {
        SourceText.decode(Data(bytes), file: "Content/a.md")
    }

    static func decode(_ text: String) -> String? {
        try? SourceText.decode(Data(text.utf8), file: "Content/a.md").get()
    }

    @Test func plainTextIsUnchanged() {
        #expect(Self.decode("---\ntitle: Café — ok 👍\n---\n") == "---\ntitle: Café — ok 👍\n---\n")
        #expect(Self.decode("") == "")
    }

    @Test func byteOrderMarkIsDropped() throws {
        #expect(try Self.decodeBytes([0xEF, 0xBB, 0xBF] + Array("---\n".utf8)).get() == "---\n")
        // Only at the start.
        #expect(Self.decode("a\u{FEFF}b") == "a\u{FEFF}b")
    }

    @Test(arguments: [
        ("a\r\nb\r\n", "a\nb\n"),
        ("a\rb\r", "a\nb\n"),
        ("a\r\n\r\nb", "a\n\nb"),
        ("a\r\rb", "a\n\nb"),
        ("a\n\rb", "a\n\nb"),
        ("mixed\r\nlines\rand\nmore", "mixed\nlines\nand\nmore"),
    ])
    func lineEndingsAreNormalised(raw: String, expected: String) {
        #expect(Self.decode(raw) == expected)
        #expect(Self.decode(raw)?.utf8.contains(0x0D) == false)
    }

    @Test(arguments: [
        // (bytes, line, column): columns count scalars before the bad byte, plus one.
        (Array("ab".utf8) + [0xFF], 1, 3),
        (Array("line one\nab".utf8) + [0xC3, 0x28], 2, 3),           // a lead byte without its continuation
        (Array("é\n—x".utf8) + [0x80], 2, 3),                          // é and — are one column each
        (Array("👍".utf8) + [0xF0, 0x9F], 1, 2),                      // truncated 4-byte sequence
        ([0xEF, 0xBB, 0xBF] + Array("ab".utf8) + [0xFE], 1, 3),        // the BOM takes no column
        (Array("a\r\nb".utf8) + [0xFF], 2, 2),                         // CRLF: the CR belongs to line 1
        ([0xED, 0xA0, 0x80], 1, 1),                                    // an encoded surrogate is not UTF-8
    ])
    func invalidUTF8IsReportedWhereItIs(bytes: [UInt8], line: Int, column: Int) throws {
        guard case .failure(let diagnostic) = Self.decodeBytes(bytes) else {
            Issue.record("expected a failure")
            return
        }
        #expect(diagnostic.code == .invalidUTF8)
        #expect(diagnostic.severity == .error)
        #expect(diagnostic.location == SourceLocation(file: "Content/a.md", line: line, column: column))
    }

    /// Lone CRs are line endings after decoding, so the position of a bad byte should count them too.
    @Test func invalidUTF8AfterLoneCarriageReturns() throws {
        guard case .failure(let diagnostic) = Self.decodeBytes(Array("a\rb\rc".utf8) + [0xFF]) else {
            Issue.record("expected a failure")
            return
        }
        #expect(position(diagnostic.location) == "3:2")
    
    }
}
