import ContentModel
import Diagnostics
import Foundation
import YAML

/// Reads one content file: decode → split front matter → YAML → fields → body analysis.
enum PageLoader {
    struct Result: Sendable {
        var file: String
        var page: (any ContentPage)?
        var diagnostics: [Diagnostic]
        var text: String?
        /// A non-draft article's `published` date and its place: a date to come leaves it out of the site.
        var published: Located<Day>? = nil
    }

    static func load(_ discovered: DiscoveredPage, site: SiteConfig, render: Bool = true,
                     textCheck: TextCheck? = nil) -> Result {
        let bytes: [UInt8]
        switch FileBytes.read(discovered.path) {
        case .success(let read): bytes = read
        case .failure(let failure):
            return Result(file: discovered.file, page: nil, diagnostics: [failure.diagnostic(file: discovered.file)], text: nil)
        }
        switch SourceText.decode(bytes: bytes, file: discovered.file) {
        case .failure(let diagnostic):
            return Result(file: discovered.file, page: nil, diagnostics: [diagnostic], text: nil)
        case .success(let text):
            var result = load(text: text, kind: discovered.kind, slug: discovered.slug, file: discovered.file,
                              folder: discovered.folder, site: site, render: render)
            if let found = textCheck?(text, discovered.file), !found.isEmpty {
                result.diagnostics += found
                result.text = text
            }
            return result
        }
    }

    static func load(text: String, kind: ContentKind, slug: Slug, file: String, folder: [String], site: SiteConfig,
                     render: Bool = true) -> Result {
        func failed(_ diagnostics: [Diagnostic]) -> Result {
            Result(file: file, page: nil, diagnostics: diagnostics, text: text)
        }
        if text.unicodeScalars.allSatisfy(\.properties.isWhitespace) {
            return failed([.error(.emptyFile, "the file is empty; add front matter and a body, or delete it",
                                  at: SourceLocation(file: file, line: 1, column: 1))])
        }
        let split: FrontMatterSplit
        switch FrontMatterSplit.split(text, file: file) {
        case .success(let value): split = value
        case .failure(let diagnostic): return failed([diagnostic])
        }
        let node: YAMLNode?
        switch YAMLDocument.parse(split.yaml, file: file, firstLine: split.yamlFirstLine) {
        case .success(let value): node = value
        case .failure(let diagnostic): return failed([diagnostic])
        }
        let mapping: [YAMLNode.Pair]
        switch node?.content {
        case .mapping(let value)?: mapping = value
        case nil: mapping = []
        default:
            return failed([.error(.wrongType, "the front matter should be a set of 'key: value' lines",
                                  at: SourceLocation(file: file, line: split.yamlFirstLine, column: 1))])
        }
        var analyzer = BodyAnalyzer(file: file, folder: folder, allowRawHTML: site.allowRawHTML, render: render)
        let body = analyzer.analyze(markdown: split.body, firstLine: split.bodyFirstLine)
        let fields = FieldReader(mapping: mapping, at: node?.mark, file: file, lineShift: split.yamlFirstLine - 1,
                                 location: split.openingLocation, source: split.yaml)
        var decoder = PageDecoder(slug: slug, file: file, folder: folder, site: site, fields: fields, body: body)
        let page = decoder.decode(kind)
        let diagnostics = decoder.fields.finish() + analyzer.diagnostics
        // Keep the text only for excerpts of this file's own findings; the page holds its body already.
        return Result(file: file, page: page, diagnostics: diagnostics, text: diagnostics.isEmpty ? nil : text,
                      published: page == nil ? nil : decoder.published)
    }
}
