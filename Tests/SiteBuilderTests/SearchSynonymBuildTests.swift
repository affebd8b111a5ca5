import ContentLoading
import ContentModel
import Foundation
import SiteBuilder
import Templates
import Testing

/// The site-wide synonym list reaches the built index without a browser: `Tests/Fixtures/search-site`'s
/// `seeds/synonyms.yml` gives "prolapsed disc" to the page named "Herniated disc".
@Suite struct SearchSynonymBuildTests {
    static let searchSite = Fixtures.root.appendingPathComponent("search-site")

    @Test func aSynonymFindsItsPageAndIsAmongTheNamesItsResultShows() throws {
        try withTemporaryFolder { temp in
            let site = try BuiltSite.build(Self.searchSite, into: temp.appending("Output"))
            #expect(site.report.succeeded, "\(site.report.diagnostics.lines)")
            // The fragment a result shows lists the word among the page's names.
            let fragment = try site.searchFragments()["conditions/herniated-disc/"]
            #expect((fragment?["n"] as? [String])?.contains("prolapsed disc") == true, "\(String(describing: fragment?["n"]))")
            let loaded = try ContentLoader.load(Fixtures.options(for: Self.searchSite))
            let index = SearchIndexBuilder().index(graph: loaded.graph)
            #expect(index.search("prolapsed disc").first == PageRef(.condition, Slug("herniated-disc")!))
            #expect(index.search("wear and tear arthritis").first == PageRef(.condition, Slug("knee-osteoarthritis")!))
            // Without the list, the words are nowhere in the fixture.
            let bare = SearchIndexBuilder().index(graph: ContentGraph(
                site: loaded.graph.site, conditions: loaded.graph.conditions, articles: loaded.graph.articles,
                exercises: loaded.graph.exercises, programs: loaded.graph.programs, experts: loaded.graph.experts,
                bibliography: loaded.graph.bibliography, sourceRecords: loaded.graph.sourceRecords))
            #expect(bare.search("prolapsed disc").isEmpty)
        }
    }
}
