import ContentModel
import Diagnostics
import Foundation
import YAML

/// Reads `seeds/sources/*.yml`, one record per source document.
enum SourceRecordLoader {
    static func load(_ folder: URL, paths: ProjectPaths) -> ([SourceRecord], [Diagnostic]) {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder.path) else { return ([], []) }
        var records: [SourceRecord] = []
        var diagnostics: [Diagnostic] = []
        for name in names.sorted() where name.hasSuffix(".yml") || name.hasSuffix(".yaml") {
            let url = folder.appendingPathComponent(name)
            let file = paths.display(url)
            let bytes: [UInt8]
            switch FileBytes.read(url.path) {
            case .success(let read): bytes = read
            case .failure(.missing): continue  // removed since the folder was listed
            case .failure(let failure):
                diagnostics.append(failure.diagnostic(file: file))
                continue
            }
            let text: String
            switch SourceText.decode(bytes: bytes, file: file) {
            case .success(let decoded): text = decoded
            case .failure(let diagnostic):
                diagnostics.append(diagnostic)
                continue
            }
            let start = SourceLocation(file: file, line: 1, column: 1)
            let node: YAMLNode?
            switch YAMLDocument.parse(text, file: file, firstLine: 1) {
            case .success(let parsed): node = parsed
            case .failure(let diagnostic):
                diagnostics.append(diagnostic)
                continue
            }
            guard let node, case .mapping(let mapping) = node.content else {
                diagnostics.append(.error(.wrongType, "a source record should be a set of 'key: value' lines", at: start))
                continue
            }
            var fields = FieldReader(mapping: mapping, at: node.mark, file: file, lineShift: 0, location: start)
            let reference = fields.citationKeys("reference", required: true).first
            let sourceFile = fields.string("file")?.value
            let description = fields.string("description", required: true)?.value ?? ""
            let facts = fields.strings("facts").map(\.value)
            let usedBy = fields.strings("used-by")
            diagnostics += fields.finish()
            if let reference {
                records.append(SourceRecord(reference: reference, file: sourceFile, description: description,
                                            facts: facts, usedBy: usedBy, recordFile: file))
            }
        }
        return (records, diagnostics)
    }
}
