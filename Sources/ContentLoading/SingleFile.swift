import ContentModel
import Diagnostics
import Foundation

/// Reading one file outside a full load: `salve render`'s file, and the text of a file a diagnostic
/// points at, for its source excerpt. Both read as loading does: only regular files, size-limited.
extension ContentLoader {
    /// The bytes of a page file named on the command line, or the diagnostic (at `file:1:1`) that
    /// says why it cannot be read: missing, not a regular file (a FIFO would block), too large.
    public static func readPageFile(atPath path: String, file: String) -> Result<Data, Diagnostic> {
        switch FileBytes.read(path) {
        case .success(let bytes): .success(Data(bytes))
        case .failure(let failure): .failure(failure.diagnostic(file: file))
        }
    }

    /// The text of an optional seeds file (`retractions.csv`): nil when there is none, else its text
    /// or the diagnostic that says why it cannot be read, as loading reads pages.
    public static func readOptionalSeedFile(atPath path: String, file: String) -> Result<String, Diagnostic>? {
        switch FileBytes.read(path, limit: FileBytes.Limit.bibliography) {
        case .failure(.missing): nil
        case .failure(let failure): .failure(failure.diagnostic(file: file))
        case .success(let bytes): SourceText.decode(bytes: bytes, file: file)
        }
    }

    /// The text of a project file for a diagnostic's source excerpt; nil unless it is a regular
    /// UTF-8 text file within a page's size limit. A binary file's bytes are never shown as a line,
    /// and a FIFO or device is never read.
    public static func excerptText(atPath path: String) -> String? {
        guard case .success(let bytes) = FileBytes.read(path), !bytes.contains(0),
              case .success(let text) = SourceText.decode(bytes: bytes, file: path) else { return nil }
        return text
    }

    /// The ids a lone body names (citations, links, exercise blocks), checked against a loaded site
    /// exactly as a build checks a page's body: what `salve render` reports.
    /// - Parameter contentRoot: the content folder as diagnostics name it ("Content").
    public static func checkBody(_ body: Body, file: String, in graph: ContentGraph, contentRoot: String) -> [Diagnostic] {
        let existing = Set(graph.allPages.map(\.ref))
        let context = GraphValidator.PageContext(existing: existing, draftsExcluded: false, contentRoot: contentRoot)
        // A plain page names nothing but what its body does.
        let page = PlainPage(slug: Slug("rendered")!, file: file, title: "", summary: nil, menus: [], weight: 0,
                             pageType: .page, updated: nil, draft: false, sources: [], review: nil, body: body)
        return GraphValidator.validate(page, in: graph, context: context)
    }
}
