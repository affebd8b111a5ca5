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
    private let written = Locked(0)
    /// Each article's words, taken while its body is still at hand.
    let search = SearchIndexBuilder()

    /// - Parameter context: every page the site will publish but the articles.
    init(writer: OutputWriter, context: ContentGraph) {
        self.writer = writer
        renderer = SitePlan.PageRenderer(graph: context)
    }

    var filesWritten: Int { written.withLock { $0 } }

    /// Articles whose fragment waits for its rank, which is known only once every page is.
    private let fragments = Locked<[PageRef]>([])
    private static let unrankedFolder = "search/unranked"
    private static func unrankedFragment(_ ref: PageRef) -> String { "\(unrankedFolder)/\(ref.slug.rawValue).json" }

    /// Names each article's fragment by its rank (``Search/fragmentFile(rank:)``): a rename each, shared
    /// among the cores. A fragment of an article the site does not publish after all is removed.
    func rankFragments(_ order: SearchOrder) throws(OutputFailure) {
        let refs = fragments.withLock { $0 }
        let failures = FirstFailure<OutputFailure>()
        let chunks = 16
        DispatchQueue.concurrentPerform(iterations: chunks) { chunk in
            for ref in refs[(refs.count * chunk / chunks)..<(refs.count * (chunk + 1) / chunks)] {
                guard !failures.hasFailure, let file = order.fragmentFile(of: ref) else { continue }
                do throws(OutputFailure) {
                    try writer.move(Self.unrankedFragment(ref), to: file)
                } catch {
                    failures.record(error)
                }
            }
        }
        if let failure = failures.first { throw failure }
        writer.discard(folder: Self.unrankedFolder)
    }

    @Sendable func write(_ article: Article) -> Article {
        if !failures.hasFailure {
            do throws(OutputFailure) {
                try writer.write(Route.page(article.ref).outputFile, contents: renderer.render(article: article))
                let document = SearchDocument(article: article, graph: renderer.graph, cached: false)
                search.add(document)
                try writer.write(Self.unrankedFragment(article.ref), contents: document.fragment)
                written.withLock { $0 += 2 }
                fragments.withLock { $0.append(article.ref) }
            } catch {
                failures.record(error)
            }
        }
        var kept = article
        kept.body.html = .empty
        return kept
    }
}
