import ContentLoading
import ContentModel
import Foundation
import Templates

/// Writes each article's page into the staging folder as the article loads (see ``ArticleSink``), so
/// a build never holds every article's body at once. Whether the staged site is kept is decided after
/// loading, as for every other page.
final class ArticlePageWriter: ArticleSink, @unchecked Sendable {
    private let writer: OutputWriter
    /// Set once by `begin`, before any `take`; read-only afterwards.
    private var renderer: SitePlan.PageRenderer?
    let failures = FirstFailure<OutputFailure>()
    private let lock = NSLock()
    private var written = 0
    /// Each article's words, taken while its body is still at hand.
    let search = SearchIndexBuilder()

    init(writer: OutputWriter) {
        self.writer = writer
    }

    var filesWritten: Int { lock.withLock { written } }

    func begin(context: ContentGraph) {
        renderer = SitePlan.PageRenderer(graph: context)
    }

    func take(_ article: Article) {
        guard let renderer, !failures.hasFailure else { return }
        do throws(OutputFailure) {
            try writer.write(Route.page(article.ref).outputFile, contents: renderer.render(article: article))
            try writer.write(Search.fragmentFile(article.ref),
                             contents: search.add(SearchDocument(article: article, graph: renderer.graph, cached: false)))
            lock.withLock { written += 2 }
        } catch {
            failures.record(error)
        }
    }
}
