import ContentModel
import Diagnostics
import Testing
@testable import ContentLoading

/// `brand-color` and `accent-color` in `site.yml`: parsed, and checked against WCAG 2.2 AA.
@Suite struct BrandSettingsTests {
    static func load(_ lines: String) throws -> LoadResult {
        let project = try TempProject()
        defer { project.remove() }
        try project.write("Content/site.yml", "title: Test\nbase-url: https://example.org/\n" + lines)
        return try project.load()
    }

    @Test func passingColoursAreUsed() throws {
        let result = try Self.load("brand-color: '#7a1f5c'\naccent-color: '#14c'\n")
        #expect(result.with(.lowContrast).isEmpty && result.with(.invalidValue).isEmpty)
        #expect(result.graph.site.palette.brand.description == "#7a1f5c")
        #expect(result.graph.site.palette.link.description == "#1144cc")
    }

    @Test func aPaleBrandColourIsAnErrorAtItsLine() throws {
        let result = try Self.load("description: x\nbrand-color: '#777'\n")
        let errors = result.with(.lowContrast)
        #expect(errors.count == 1)
        #expect(errors.first?.severity == .error)
        #expect(errors.first?.location == SourceLocation(file: "Content/site.yml", line: 4, column: 14))
        #expect(errors.first?.message == "'brand-color' #777 fails WCAG 2.2 AA contrast: white header text on the brand colour is 4.48:1 (needs 4.5:1); brand-coloured labels and buttons on the white page is 4.48:1 (needs 4.5:1); brand-coloured labels on the tinted boxes is 4.12:1 (needs 4.5:1)")
    }

    @Test func aDarkBrandColourFailsTheHeaderFocusRing() throws {
        let result = try Self.load("brand-color: '#c98a20'\n")
        #expect(result.with(.lowContrast).first?.message.contains("the header's focus ring on the brand colour is") == true)
    }

    @Test func aPaleAccentColourIsAnError() throws {
        let result = try Self.load("accent-color: '#3399ff'\n")
        let message = try #require(result.with(.lowContrast).first?.message)
        #expect(message.hasPrefix("'accent-color' #3399ff fails WCAG 2.2 AA contrast: links on the white page is "))
    }

    @Test func anUnquotedColourIsNotIgnored() throws {
        let result = try Self.load("brand-color: #1d5c4a\n")
        #expect(result.with(.invalidValue).map(\.message) == ["'brand-color' is empty; write the colour in quotes, like '#1d5c4a' (YAML reads an unquoted # as the start of a comment)"])
    }

    @Test func invalidColourSyntaxIsAnError() throws {
        let result = try Self.load("brand-color: teal\n")
        #expect(result.with(.invalidValue).map(\.message) == ["'brand-color' should be a colour written #rrggbb or #rgb, like #1d5c4a, not 'teal'"])
        #expect(result.with(.invalidValue).first?.location.line == 3)
    }
}
