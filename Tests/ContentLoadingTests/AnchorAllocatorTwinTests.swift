import ContentModel
import Testing
@testable import ContentLoading

/// The allocator remembers the last number given per id; its slow twin retries from 2 every time.
@Suite struct AnchorAllocatorTwinTests {
    private struct SlowAllocator {
        var taken: Set<String> = []
        mutating func allocate(for title: String) -> String {
            let base = Slug.anchor(from: title)
            var candidate = base
            var count = 1
            while taken.contains(candidate) || SectionAnchor.reserved.contains(candidate) {
                count += 1
                candidate = "\(base)-\(count)"
            }
            taken.insert(candidate)
            return candidate
        }
    }

    @Test func givesTheIdsRetryingFromTwoGives() {
        let titles = ["Why", "Why 2", "Why 3", "Why-2-2", "Steps", "Steps 2", "Main", "!!!", "Section", "Section 2", "Ünïcode"]
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<500 {
            var fast = AnchorAllocator()
            var slow = SlowAllocator()
            for _ in 0..<Int.random(in: 0...30, using: &generator) {
                let title = titles.randomElement(using: &generator)!
                #expect(fast.allocate(for: title) == slow.allocate(for: title))
            }
        }
    }

    @Test func manyEqualHeadingsAreNumberedInOrder() {
        var allocator = AnchorAllocator()
        let ids = (0..<20_000).map { _ in allocator.allocate(for: "Same") }
        #expect(ids.first == "same" && ids[1] == "same-2" && ids.last == "same-20000")
        #expect(Set(ids).count == ids.count)
    }
}
