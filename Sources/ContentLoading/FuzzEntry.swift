import ContentModel
import Diagnostics
import YAML

/// Entry points for the fuzz target (`Sources/SalveFuzz`, `scripts/fuzz`) and its replays: each reads
/// bytes exactly as loading reads a file's bytes, with no file system. Not used by the build.
public enum FuzzEntry {
    /// One content file of `kind`: UTF-8 decoding and line endings, front matter split, YAML, the
    /// kind's fields, body analysis (citations, links, headings, exercise blocks) and, when `render`,
    /// the body's HTML with its slots.
    public static func loadPage(bytes: [UInt8], kind: ContentKind, site: SiteConfig, render: Bool = true)
        -> (page: (any ContentPage)?, diagnostics: [Diagnostic]) {
        let file = "Content/\(kind.folder)/fuzz.md"
        switch SourceText.decode(bytes: bytes, file: file) {
        case .failure(let diagnostic):
            return (nil, [diagnostic])
        case .success(let text):
            let result = PageLoader.load(text: text, kind: kind, slug: Slug("fuzz")!, file: file, folder: [kind.folder],
                                         site: site, render: render)
            return (result.page, result.diagnostics)
        }
    }

    /// `seeds/references.json`: decoding, the JSON reader and the CSL-JSON entries.
    public static func loadBibliography(bytes: [UInt8]) -> (Bibliography, [Diagnostic]) {
        let file = "seeds/references.json"
        switch SourceText.decode(bytes: bytes, file: file) {
        case .failure(let diagnostic): return (Bibliography(), [diagnostic])
        case .success(let text): return BibliographyLoader.load(text, file: file)
        }
    }

    /// A YAML file (`seeds/sources/*.yml`, `site.yml`): decoding, the YAML parser and, when the
    /// document is a mapping, a source record's fields read as `SourceRecordLoader` reads them.
    public static func loadYAML(bytes: [UInt8]) -> (record: SourceRecord?, diagnostics: [Diagnostic]) {
        let file = "seeds/sources/fuzz.yml"
        let text: String
        switch SourceText.decode(bytes: bytes, file: file) {
        case .failure(let diagnostic): return (nil, [diagnostic])
        case .success(let decoded): text = decoded
        }
        let node: YAMLNode?
        switch YAMLDocument.parse(text, file: file, firstLine: 1) {
        case .failure(let diagnostic): return (nil, [diagnostic])
        case .success(let parsed): node = parsed
        }
        guard let node, case .mapping(let mapping) = node.content else { return (nil, []) }
        let start = SourceLocation(file: file, line: 1, column: 1)
        var fields = FieldReader(mapping: mapping, at: node.mark, file: file, lineShift: 0, location: start, source: text)
        let reference = fields.citationKeys("reference", required: true).first
        let sourceFile = fields.string("file")?.value
        let description = fields.string("description", required: true)?.value ?? ""
        let facts = fields.strings("facts").map(\.value)
        let usedBy = fields.strings("used-by")
        _ = fields.int("review-interval-months", in: 1...120)
        _ = fields.bool("allow-raw-html", default: false)
        let diagnostics = fields.finish()
        guard let reference else { return (nil, diagnostics) }
        return (SourceRecord(reference: reference, file: sourceFile, description: description, facts: facts,
                             usedBy: usedBy, recordFile: file), diagnostics)
    }
}
