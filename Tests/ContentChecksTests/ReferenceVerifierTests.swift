@testable import LinkChecks
import ContentChecks
import ContentLoading
import ContentModel
import Diagnostics
import Foundation
import TestSupport
import Testing

/// `salve check --online` asking the DOI resolver, Crossref and PubMed what each identifier is, against a
/// local server answering with recorded shapes of their answers.
@Suite(.serialized) struct ReferenceVerifierTests {
    static func options(_ server: MetadataTestServer, cache: URL? = nil) -> OnlineOptions {
        var options = OnlineOptions()
        options.timeout = 5
        options.retries = 2
        options.backoff = 0.01
        options.requestInterval = 0
        options.doiResolver = server.base + "/doi/"
        options.crossrefAPI = server.base + "/crossref/"
        options.eutils = server.base + "/eutils/"
        options.contactEmail = "editors@checks.example"
        options.metadataCacheFile = cache
        return options
    }

    /// One entry a line, so each entry's line number is its index + 2.
    static func project(_ entries: [String], cited: [String]) throws -> CheckProject {
        var files = CheckProject.base
        files["seeds/references.json"] = "[\n" + entries.map { "  " + $0 }.joined(separator: ",\n") + "\n]\n"
        files["Content/articles/guide.md"] = CheckProject.article(citing: cited)
        return try CheckProject(files)
    }

    static func run(_ project: CheckProject, _ options: OnlineOptions) async throws -> [Diagnostic] {
        let graph = try ContentLoader.load(project.options()).graph
        return await ReferenceVerifier.check(graph, client: MetadataClient(options: options))
    }

    static let belavy = #"{"id": "belavy2017", "type": "article-journal", "author": [{"family": "Belavý", "given": "D. L."}], "title": "Running exercise strengthens the intervertebral disc", "container-title": "Scientific Reports", "container-title-short": "Sci Rep", "issued": {"date-parts": [[2017, 4, 19]]}, "DOI": "10.1038/srep45975", "PMID": "28422125"}"#

    @Test func aMatchingEntryIsQuietAndEveryServiceIsAskedPolitely() async throws {
        let server = try MetadataTestServer(route: MetadataTestServer.services)
        defer { server.stop() }
        let project = try Self.project([Self.belavy], cited: ["belavy2017"])
        defer { project.remove() }
        let found = try await Self.run(project, Self.options(server))
        #expect(found.isEmpty, "\(found.map(\.message))")
        let resolver = try #require(server.requests(forPathPrefix: "/doi/").first)
        #expect(resolver.headers["accept"] == "application/vnd.citationstyles.csl+json")
        #expect(resolver.headers["user-agent"]?.contains("mailto:editors@checks.example") == true)
        #expect(server.requests(forPathPrefix: "/crossref/works/10.1038/srep45975").count == 1)
        let esummary = try #require(server.requests(forPathPrefix: "/eutils/").first)
        #expect(esummary.path.contains("db=pubmed") && esummary.path.contains("id=28422125")
                && esummary.path.contains("tool=salve") && esummary.path.contains("email=editors%40checks.example"))
    }

    @Test func aDOIOfAnotherPaperIsAnErrorSayingWhatItIs() async throws {
        let server = try MetadataTestServer(route: MetadataTestServer.services)
        defer { server.stop() }
        let wrong = #"{"id": "smith2019", "type": "article-journal", "author": [{"family": "Smith", "given": "A"}], "title": "Exercise therapy for sciatica", "container-title": "Spine", "issued": {"date-parts": [[2019]]}, "DOI": "10.1038/srep45975"}"#
        let project = try Self.project([wrong], cited: ["smith2019"])
        defer { project.remove() }
        let found = try await Self.run(project, Self.options(server))
        #expect(found.count == 1)
        let finding = try #require(found.first)
        #expect(finding.severity == .error)
        #expect(finding.code == .referenceMismatch)
        #expect("\(finding.location)" == "seeds/references.json:2:\(wrong.unicodeScalars.count - 17)")
        #expect(finding.message.contains("is a different paper: 'Running exercise strengthens the intervertebral disc' by Belavý et al., Scientific Reports, 2017"),
                "\(finding.message)")
    }

    @Test func aMissingSubtitleAndAnOnlineFirstYearAreWarnings() async throws {
        let server = try MetadataTestServer(route: MetadataTestServer.services)
        defer { server.stop() }
        // The record: "Walking for chronic low back pain" + subtitle, online 2018, issue 2019, by García-López.
        let entry = #"{"id": "garcialopez2019", "type": "article-journal", "author": [{"family": "Garcia Lopez", "given": "M"}], "title": "Walking for chronic low back pain", "container-title": "J Orthop Sports Phys Ther", "issued": {"date-parts": [[2017]]}, "DOI": "10.5555/online-first"}"#
        let project = try Self.project([entry], cited: ["garcialopez2019"])
        defer { project.remove() }
        let found = try await Self.run(project, Self.options(server))
        // Same title and subtitle joined: no title finding; 2017 is not 2018 or 2019: a year warning.
        #expect(found.map(\.severity) == [.warning])
        #expect(found.first?.message.contains("the year is 2018") == true, "\(found.map(\.message))")

        let subtitled = #"{"id": "garcialopez2019", "type": "article-journal", "author": [{"family": "García-López", "given": "M"}], "title": "Walking for chronic low back pain: a cohort", "container-title": "Journal of Orthopaedic and Sports Physical Therapy", "issued": {"date-parts": [[2019]]}, "DOI": "10.5555/online-first"}"#
        let second = try Self.project([subtitled], cited: ["garcialopez2019"])
        defer { second.remove() }
        let more = try await Self.run(second, Self.options(server))
        #expect(more.map(\.severity) == [.warning], "\(more.map(\.message))")
        #expect(more.first?.code == .referenceMismatch)
        #expect(more.first?.message.contains("subtitle") == true)
    }

    @Test func crossrefRetractionsAndConcernsAreReported() async throws {
        let server = try MetadataTestServer(route: MetadataTestServer.services)
        defer { server.stop() }
        let retracted = #"{"id": "fraud2019", "type": "article-journal", "author": [{"family": "Fraud", "given": "A"}], "title": "Back pain and a miracle cure", "container-title": "Journal of Examples", "issued": {"date-parts": [[2019]]}, "DOI": "10.5555/retracted"}"#
        let concern = #"{"id": "query2020", "type": "article-journal", "author": [{"family": "Query", "given": "B"}], "title": "A trial with questions", "container-title": "Journal of Examples", "issued": {"date-parts": [[2020]]}, "DOI": "10.5555/concern"}"#
        let project = try Self.project([retracted, concern], cited: ["fraud2019", "query2020"])
        defer { project.remove() }
        let found = try await Self.run(project, Self.options(server)).sorted { ($0.location.line ?? 0) < ($1.location.line ?? 0) }
        #expect(found.map(\.code) == [.retractedReference, .expressionOfConcern])
        #expect(found.map(\.severity) == [.error, .warning])
        #expect(found.first?.message.contains("was retracted (notice 10.5555/notice-retracted, 2021, from Retraction Watch)") == true,
                "\(found.map(\.message))")
    }

    @Test func pubMedRecordsAreComparedAndUnknownPMIDsAreErrors() async throws {
        let server = try MetadataTestServer(route: MetadataTestServer.services)
        defer { server.stop() }
        let missing = #"{"id": "ghost2020", "type": "article-journal", "author": [{"family": "Ghost", "given": "A"}], "title": "Nothing", "container-title": "J", "issued": {"date-parts": [[2020]]}, "PMID": "99999999"}"#
        let retracted = #"{"id": "osullivan1975", "type": "article-journal", "author": [{"family": "O'Sullivan", "given": "P B"}], "title": "Exercise for the lower back: a review", "container-title": "Phys Ther", "issued": {"date-parts": [[1975]]}, "PMID": "1234567"}"#
        let project = try Self.project([missing, retracted], cited: ["ghost2020"])
        defer { project.remove() }
        let found = try await Self.run(project, Self.options(server)).sorted { ($0.location.line ?? 0) < ($1.location.line ?? 0) }
        #expect(found.map(\.code) == [.referenceMismatch, .retractedReference], "\(found.map(\.message))")
        // The uncited entry's retraction cannot reach a page: a warning, as offline.
        #expect(found.map(\.severity) == [.error, .warning])
        #expect(found.first?.message.contains("is not in PubMed") == true)
    }

    @Test func answersAreCachedWithTheirDateAndServerErrorsRetried() async throws {
        let server = try MetadataTestServer(route: MetadataTestServer.services)
        defer { server.stop() }
        let flaky = #"{"id": "belavy2017", "type": "article-journal", "author": [{"family": "Belavy", "given": "D"}], "title": "Running exercise strengthens the intervertebral disc", "container-title": "Sci Rep", "issued": {"date-parts": [[2017]]}, "DOI": "10.5555/flaky"}"#
        let project = try Self.project([flaky], cited: ["belavy2017"])
        defer { project.remove() }
        let cache = project.root.appendingPathComponent(".salve-cache/metadata.json")
        let first = try await Self.run(project, Self.options(server, cache: cache))
        #expect(first.isEmpty, "\(first.map(\.message))")
        #expect(server.requests(forPathPrefix: "/doi/").count == 2)  // 503, then the record
        let saved = try String(contentsOf: cache, encoding: .utf8)
        #expect(saved.contains("\"checked\""))
        _ = try await Self.run(project, Self.options(server, cache: cache))
        #expect(server.requests(forPathPrefix: "/doi/").count == 2)  // from the cache
        var expired = Self.options(server, cache: cache)
        expired.maxAge = -1
        _ = try await Self.run(project, expired)
        #expect(server.requests(forPathPrefix: "/doi/").count == 3)
    }

    @Test func titlesCompareLikeAnEditorWould() {
        #expect(TitleMatching.normalised("<i>Running</i> exercise &amp; the   Disc.") == "running exercise and the disc")
        #expect(TitleMatching.compare("Running exercise strengthens the intervertebral disc.",
                                      "Running Exercise Strengthens the Intervertebral Disc") == .same)
        #expect(TitleMatching.compare("Running exercise strengthen the intervertebral disk", "Running exercise strengthens the intervertebral disc") == .same)
        #expect(TitleMatching.compare("Walking for back pain", "Walking for back pain: a trial") == .subtitle)
        #expect(TitleMatching.compare("Walking for back pain: a trial", "Walking for back pain", recordSubtitle: "a trial") == .same)
        #expect(TitleMatching.compare("Exercise therapy for sciatica", "Running exercise strengthens the intervertebral disc") == .different)
        #expect(TitleMatching.sameJournal("J Orthop Sports Phys Ther", "Journal of Orthopaedic &amp; Sports Physical Therapy"))
        #expect(TitleMatching.sameJournal("Sci Rep", "Scientific reports"))
        #expect(!TitleMatching.sameJournal("Spine", "Scientific Reports"))
        #expect(TitleMatching.sameFamily("Belavy", "Belavý"))
        #expect(TitleMatching.sameFamily("Windt", "van der Windt"))
        #expect(!TitleMatching.sameFamily("Smith", "Belavý"))
        #expect(TitleMatching.similarity("abc", "abc") == 1)
        #expect(TitleMatching.similarity("", "abc") == 0)
    }
}
