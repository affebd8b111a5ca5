import Foundation
@testable import Preview
import Testing

/// How long a one-article edit takes to reach the open pages. Always measured on the small fixture;
/// on a generated 10,000-article site only when `SALVE_PREVIEW_BENCHMARK=1` (build in release for
/// real numbers: `swift test -c release -Xswiftc -enable-testing --filter LatencyBenchmark`).
///
/// Three numbers per edit: the rebuild itself (`LiveSite.rebuild()`), change detection → reload event
/// sent (the session's own measurement, what `salve preview` prints), and file written → event
/// received by a page (end to end, including the watcher's debounce).
@Suite(.serialized, .timeLimit(.minutes(10)))
struct LatencyBenchmark {
    @Test func oneEditOnTheFixture() async throws {
        try await withPreview { site, session, port in
            let results = try await measure(site: site, session: session, port: port, slug: "walking", edits: 5) {
                FixtureSite.article(title: "Walking with back pain", text: "EDIT-\($0)-MARK")
            }
            print(results.summary(label: "fixture (3 pages)"))
            // Numbers are reported, never asserted: speed is proven in the benchmark, not in a timed test.
            #expect(results.notify.count == 4)  // the first of five edits warms caches and is not counted
        }
    }

    @Test(.enabled(if: ProcessInfo.processInfo.environment["SALVE_PREVIEW_BENCHMARK"] == "1"))
    func oneEditInTenThousandArticles() async throws {
        let count = Int(ProcessInfo.processInfo.environment["SALVE_PREVIEW_ARTICLES"] ?? "") ?? 10_000
        try await withPreview(prepare: { site in
            for index in 0..<20 {
                try site.write("Content/conditions/condition-\(index).md", """
                    ---
                    name: Condition \(index)
                    summary: A made-up condition for the benchmark [@smith2020].
                    symptoms:
                      - Some stiffness
                    seek-care:
                      - See a clinician if it gets worse.
                    review: pending
                    ---
                    Condition \(index) usually settles.

                    """)
            }
            for index in 0..<count {
                try site.write("Content/articles/article-\(index).md", Self.article(index, body: "Keep active."))
            }
        }) { site, session, port in
            let first = try #require(session.rebuilds.first)
            print("benchmark: first build of \(count) articles: \(Int(first.rebuildMilliseconds)) ms, \(first.pagesWritten) pages")
            let results = try await measure(site: site, session: session, port: port, slug: "article-4321", edits: 7) {
                Self.article(4321, body: "EDIT-\($0)-MARK")
            }
            print(results.summary(label: "\(count) articles"))
        }
    }

    struct Results {
        var rebuild: [Double] = []
        var notify: [Double] = []
        var endToEnd: [Double] = []
        var pages: [Int] = []

        func summary(label: String) -> String {
            func median(_ values: [Double]) -> String {
                guard !values.isEmpty else { return "-" }
                let sorted = values.sorted()
                return String(format: "%.1f", sorted[sorted.count / 2])
            }
            func maximum(_ values: [Double]) -> String { String(format: "%.1f", values.max() ?? 0) }
            return """
                benchmark \(label): \(notify.count) one-article edits, pages rebuilt per edit \(pages)
                  LiveSite.rebuild():                       median \(median(rebuild)) ms, max \(maximum(rebuild)) ms
                  change detected -> reload event sent:     median \(median(notify)) ms, max \(maximum(notify)) ms
                  file written -> event received (+debounce): median \(median(endToEnd)) ms, max \(maximum(endToEnd)) ms
                """
        }
    }

    static func article(_ index: Int, body: String) -> String {
        """
        ---
        title: Article number \(index)
        summary: What to do about condition \(index % 20) at home [@smith2020].
        conditions: [condition-\(index % 20)]
        review: pending
        published: 2025-0\(1 + index % 9)-1\(index % 9)
        ---
        Gentle movement helps most people with this condition [@smith2020]. Build up slowly over a
        few weeks. \(body)

        ## What helps

        1. Walk a little every day.
        2. Rest when you need to.

        """
    }

    private func measure(site: FixtureSite, session: PreviewSession, port: Int, slug: String, edits: Int,
                         content: (Int) -> String) async throws -> Results {
        let events = try await EventStreamClient.open(port: port)
        #expect(await events.next(named: "hello") != nil)
        var results = Results()
        for edit in 0..<edits {
            let text = content(edit)
            let started = FileWatcher.now()
            try site.write("Content/articles/\(slug).md", text)
            // Read as soon as it comes (that is what is measured); checked against this edit's
            // generation below, and if it was for an earlier state, the right one is waited for.
            var reload = await events.next(named: "reload", timeout: 60)
            var received = FileWatcher.now()
            let reached = try await settled(session)
            if reload?.generation != reached {
                reload = await events.reload(generation: reached)
                received = FileWatcher.now()
            }
            #expect(reload != nil, "no reload event for edit \(edit)")
            guard let record = session.rebuilds.last, record.generation == reached else { continue }
            let page = try await HTTP.get("/articles/\(slug)/", port: port)
            #expect(page.text.contains("EDIT-\(edit)-MARK"))
            // The first edit warms caches; it is not counted.
            if edit == 0 && edits > 2 { continue }
            results.rebuild.append(record.rebuildMilliseconds)
            results.notify.append(record.notifyMilliseconds)
            results.endToEnd.append(PreviewSession.milliseconds(from: started, to: received))
            results.pages.append(record.pagesWritten)
        }
        return results
    }
}
