import Foundation
import Testing
import Diagnostics
@testable import ContentLoading
@testable import ContentModel

/// Loading with an ``ArticleSink``, as `salve build` does: each published article is handed over with
/// its rendered body while the site loads, and the loaded site keeps the articles without that HTML.
@Suite struct ArticleSinkTests {
    final class Recorder: ArticleSink, @unchecked Sendable {
        private let lock = NSLock()
        private(set) var context: ContentGraph?
        private var taken: [Article] = []
        var articles: [Article] { lock.withLock { taken.sorted { $0.slug < $1.slug } } }

        func begin(context: ContentGraph) {
            lock.withLock {
                #expect(self.context == nil && taken.isEmpty, "begin comes once, before any article")
                self.context = context
            }
        }

        func take(_ article: Article) { lock.withLock { taken.append(article) } }
    }

    func load(_ project: TempProject, sink: ArticleSink?, includeDrafts: Bool = false) throws -> LoadResult {
        try ContentLoader.load(LoadOptions(
            contentDirectory: project.root.appendingPathComponent("Content"),
            seedsDirectory: project.root.appendingPathComponent("seeds"),
            displayRoot: project.root, includeDrafts: includeDrafts, today: Day(iso: "2026-06-01")!), articleSink: sink)
    }

    @Test func publishedArticlesArriveRenderedAndTheSiteKeepsThemWithoutHTML() throws {
        let project = try ContentLoaderTests.project()
        defer { project.remove() }
        let recorder = Recorder()
        let streamed = try load(project, sink: recorder)
        let plain = try load(project, sink: nil)

        // The context holds every page but the articles.
        let context = try #require(recorder.context)
        #expect(context.articles.isEmpty)
        #expect(context.conditions.map(\.slug.rawValue) == ["sciatica"])
        #expect(context.exercises.map(\.slug.rawValue) == ["glute-bridge"])
        #expect(context.bibliography.contains(CitationKey("smith2018")!))

        // Published articles only (the draft stays out), each with its body rendered.
        #expect(recorder.articles.map(\.slug.rawValue) == ["walking", "x", "x"])
        #expect(recorder.articles.allSatisfy { !$0.body.html.markup.isEmpty })
        #expect(recorder.articles.first?.body.html.markup.contains("walking helps") == true)

        // The same site and findings as a load without a sink, minus the articles' HTML.
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
        _ = try load(project, sink: recorder, includeDrafts: true)
        #expect(recorder.articles.map(\.slug.rawValue) == ["draft-one", "walking", "x", "x"])
    }
}
