@testable import LinkChecks
import Foundation
import Testing

/// The metadata services are asked a few times a second at most: each host's requests are spaced by the
/// interval, other hosts are not held up. Checked with a stopped clock, so nothing waits.
@Suite struct HostPacerTests {
    final class Sleeps: @unchecked Sendable {
        private let lock = NSLock()
        private var recorded: [TimeInterval] = []
        func add(_ delay: TimeInterval) { lock.withLock { recorded.append(delay) } }
        var all: [TimeInterval] { lock.withLock { recorded } }
    }

    @Test func requestsToOneHostAreSpacedByTheInterval() async {
        let sleeps = Sleeps()
        let start = Date(timeIntervalSince1970: 1_000_000)
        let pacer = HostPacer(interval: 0.34, now: { start }, sleep: { sleeps.add($0) })
        for _ in 0..<3 { await pacer.wait(host: "api.crossref.org") }
        await pacer.wait(host: "eutils.ncbi.nlm.nih.gov")
        let delays = sleeps.all.map { ($0 * 100).rounded() / 100 }
        // The first request to each host goes at once; the next ones 0.34 s apart.
        #expect(delays == [0.34, 0.68])
    }

    @Test func noIntervalMeansNoWaiting() async {
        let sleeps = Sleeps()
        let pacer = HostPacer(interval: 0, sleep: { sleeps.add($0) })
        for _ in 0..<5 { await pacer.wait(host: "doi.org") }
        #expect(sleeps.all.isEmpty)
    }
}
