@testable import LinkChecks
import Foundation
import Testing

/// A service that answers 429 or 503 with `Retry-After` is asked again no sooner than it asked, and
/// not at all within the run when it asks for longer than a minute. No real waiting: the sleep is recorded.
@Suite struct RetryAfterTests {
    actor Script: DocumentFetching {
        private var answers: [HTTPAnswer]
        private(set) var asked = 0

        init(_ answers: [HTTPAnswer]) { self.answers = answers }

        func get(_ url: URL, accept: String, userAgent: String, timeout: TimeInterval) async throws -> HTTPAnswer {
            asked += 1
            return answers.removeFirst()
        }
    }

    final class Sleeps: @unchecked Sendable {
        private let lock = NSLock()
        private var recorded: [TimeInterval] = []
        func add(_ delay: TimeInterval) { lock.withLock { recorded.append(delay) } }
        var all: [TimeInterval] { lock.withLock { recorded } }
    }

    static func options() -> OnlineOptions {
        var options = OnlineOptions()
        options.retries = 2
        options.backoff = 0.5
        options.requestInterval = 0
        return options
    }

    @Test func retryAfterIsHonouredAndBackOffDoubles() async {
        let script = Script([HTTPAnswer(status: 429, body: Data(), retryAfter: 3), HTTPAnswer(status: 503, body: Data()),
                             HTTPAnswer(status: 200, body: Data("{}".utf8))])
        let sleeps = Sleeps()
        let client = MetadataClient(options: Self.options(), fetcher: script, sleep: { sleeps.add($0) })
        guard case .answer(let answer) = await client.get("https://api.crossref.org/works/10.1/x", accept: MetadataClient.json) else {
            Issue.record("no answer")
            return
        }
        #expect(answer.status == 200)
        #expect(sleeps.all == [3, 1])  // as asked, then the doubled back-off
        #expect(await script.asked == 3)
    }

    @Test func aLongRetryAfterEndsTheAttempts() async {
        let script = Script([HTTPAnswer(status: 429, body: Data(), retryAfter: 3600), HTTPAnswer(status: 200, body: Data())])
        let sleeps = Sleeps()
        let client = MetadataClient(options: Self.options(), fetcher: script, sleep: { sleeps.add($0) })
        guard case .answer(let answer) = await client.get("https://api.crossref.org/works/10.1/x", accept: MetadataClient.json) else {
            Issue.record("no answer")
            return
        }
        #expect(answer.status == 429)
        #expect(sleeps.all.isEmpty)
        #expect(await script.asked == 1)
    }
}
