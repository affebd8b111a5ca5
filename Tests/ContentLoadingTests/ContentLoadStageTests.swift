import Foundation
import Testing
import Diagnostics
@testable import ContentLoading
@testable import ContentModel

/// A load run stage by stage, as `salve build` runs it: every page but the articles, then each
/// published article handed to a stage as it is read, which gives back what the load keeps.
@Suite struct ContentLoadStageTests {
    final class Recorder: @unchecked Sendable {
        private let lock = NSLock()
        private var taken: [Article] = []
        var articles: [Article] { lock.withLock { taken.sorted { $0.slug < $1.slug } } }

        @Sendable func take(_ article: Article) -> Article {
            lock.withLock { taken.append(article) }
            var kept = article
            kept.body.html = .empty
            return kept
        }
    }

    func options(_ project: TempProject, includeDrafts: Bool = false) -> LoadOptions {
        LoadOptions(contentDirectory: project.root.appendingPathComponent("Content"),
                    seedsDirectory: project.root.appendingPathComponent("seeds"),
                    displayRoot: project.root, includeDrafts: includeDrafts, today: Day(iso: "2026-06-01")!)
    }

    /// Every page but the articles, then the articles through `recorder`.
    func staged(_ project: TempProject, _ recorder: Recorder, includeDrafts: Bool = false) throws -> (context: ContentGraph, result: LoadResult) {
        let load = try ContentLoad(options(project, includeDrafts: includeDrafts))
        load.loadPages(of: Set(ContentKind.allCases).subtracting([.article]))
        let context = load.publishedSoFar()
        load.loadArticles(handing: recorder.take)
        return (context, load.finish())
    }

    @Test func publishedArticlesArriveRenderedAndTheSiteKeepsWhatTheStageGivesBack() throws {
        let project = try ContentLoaderTests.project()
        defer { project.remove() }
        let recorder = Recorder()
        let (context, streamed) = try staged(project, recorder)
        let plain = try ContentLoader.load(options(project))

        // The context holds every page but the articles.
        #expect(context.articles.isEmpty)
        #expect(context.conditions.map(\.slug.rawValue) == ["sciatica"])
        #expect(context.exercises.map(\.slug.rawValue) == ["glute-bridge"])
        #expect(context.bibliography.contains(CitationKey("smith2018")!))

        // Published articles only (the draft stays out), each with its body rendered.
        #expect(recorder.articles.map(\.slug.rawValue) == ["walking", "x", "x"])
        #expect(recorder.articles.allSatisfy { !$0.body.html.markup.isEmpty })
        #expect(recorder.articles.first?.body.html.markup.contains("walking helps") == true)

        // The same site and findings as a load in one go, minus the articles' HTML.
        #expect(streamed.graph.articles.map(\.slug) == plain.graph.articles.map(\.slug))
        #expect(streamed.graph.articles.allSatisfy { $0.body.html.markup.isEmpty })
        #expect(plain.graph.articles.allSatisfy { !$0.body.html.markup.isEmpty })
        #expect(streamed.graph.articles.map(\.body.citations.count) == plain.graph.articles.map(\.body.citations.count))
        #expect(streamed.diagnostics.all.map(\.description) == plain.diagnostics.all.map(\.description))
        #expect(!streamed.diagnostics.all.isEmpty)
    }

    @Test func draftsArriveWhenTheyAreIncluded() throws {
        let project = try ContentLoaderTests.project()
        defer { project.remove() }
        let recorder = Recorder()
        _ = try staged(project, recorder, includeDrafts: true)
        #expect(recorder.articles.map(\.slug.rawValue) == ["draft-one", "walking", "x", "x"])
    }

    @Test func finishReadsWhatNoStageRead() throws {
        let project = try ContentLoaderTests.project()
        defer { project.remove() }
        let load = try ContentLoad(options(project))
        load.loadPages(of: [.condition])
        let result = load.finish()
        let plain = try ContentLoader.load(options(project))
        #expect(result.graph.allPages.map(\.ref) == plain.graph.allPages.map(\.ref))
        #expect(result.diagnostics.all.map(\.description) == plain.diagnostics.all.map(\.description))
    }
}
