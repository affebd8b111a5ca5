import ContentLoading
import ContentModel
import Foundation
import Templates

/// The build's article stage: writes each article's page into the staging folder as the article is
/// read (``ContentLoad/loadArticles(handing:)``), and gives the load back the article without its
/// body's HTML, so a build never holds every article's body at once. Whether the staged site is kept
/// is decided after loading, as for every other page.
///
/// An article's page shows the conditions, experts, cards and references it names, never other
/// articles, so it renders from the pages read before the articles.
final class ArticlePageWriter: Sendable {
    private let writer: OutputWriter
    private let renderer: SitePlan.PageRenderer
    let failures = FirstFailure<OutputFailure>()
    private let written = Counter()
    /// Each article's words, taken while its body is still at hand.
    let search = SearchIndexBuilder()

    /// - Parameter context: every page the site will publish but the articles.
    init(writer: OutputWriter, context: ContentGraph) {
        self.writer = writer
        renderer = SitePlan.PageRenderer(graph: context)
    }

    var filesWritten: Int { written.value }

    @Sendable func write(_ article: Article) -> Article {
        if !failures.hasFailure {
            do throws(OutputFailure) {
                try writer.write(Route.page(article.ref).outputFile, contents: renderer.render(article: article))
                try writer.write(Search.fragmentFile(article.ref),
                                 contents: search.add(SearchDocument(article: article, graph: renderer.graph, cached: false)))
                written.add(2)
            } catch {
                failures.record(error)
            }
        }
        var kept = article
        kept.body.html = .empty
        return kept
    }
}

/// A count shared by loading threads.
private final class Counter: @unchecked Sendable {
    private let lock = NSLock()
    private var count = 0
    var value: Int { lock.withLock { count } }
    func add(_ amount: Int) { lock.withLock { count += amount } }
}
