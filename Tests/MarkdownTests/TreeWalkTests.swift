import Testing
@testable import Markdown

/// The walk keeps no stack; its order must be exactly the recursive walk's, its slow twin.
@Suite struct TreeWalkTests {
    /// Enter and exit events as a recursive walk over `children` gives them.
    private func recursiveEvents(_ node: MarkdownNode, into events: inout [String]) {
        events.append("+\(name(node))")
        for child in node.children { recursiveEvents(child, into: &events) }
        events.append("-\(name(node))")
    }

    private func name(_ node: MarkdownNode) -> String {
        if case .text(let text) = node.kind { return "text:\(text)" }
        return String("\(node.kind)".split(separator: "(").first ?? "")
    }

    private func iterativeEvents(_ node: MarkdownNode) -> [String] {
        node.events.map { event in
            switch event {
            case .enter(let node): "+\(name(node))"
            case .exit(let node): "-\(name(node))"
            }
        }
    }

    @Test func eventsMatchTheRecursiveWalkOnRandomDocuments() {
        let pieces = ["> ", "- ", "1. ", "*a* ", "**b** ", "`c` ", "[d](e.md) ", "![f](g.png) ", "\n", "\n\n",
                      "## h\n", "text ", "```\ncode\n```\n", "<b>x</b> ", "  ", "***\n", "[@key] "]
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<500 {
            let source = (0..<Int.random(in: 0...30, using: &generator))
                .map { _ in pieces.randomElement(using: &generator)! }.joined()
            let document = MarkdownDocument(parsing: source)
            var expected: [String] = []
            recursiveEvents(document.tree, into: &expected)
            #expect(iterativeEvents(document.tree) == expected, "\(source.debugDescription)")
            // A subtree's walk stays inside the subtree.
            for child in document.tree.children {
                var expectedChild: [String] = []
                recursiveEvents(child, into: &expectedChild)
                #expect(iterativeEvents(child) == expectedChild)
            }
        }
    }

    @Test func deepNestingIsWalkedWithoutRecursion() {
        let quotes = MarkdownDocument(parsing: String(repeating: "> ", count: 20_000) + "a\n")
        var depth = 0
        var deepest = 0
        for event in quotes.tree.events {
            switch event {
            case .enter: depth += 1
            case .exit: depth -= 1
            }
            deepest = max(deepest, depth)
        }
        #expect(depth == 0)
        #expect(deepest > 20_000)
        let emphasis = String(repeating: "*a **a ", count: 10_000) + "b" + String(repeating: " a** a*", count: 10_000)
        let nested = MarkdownDocument(parsing: emphasis)
        #expect(nested.tree.plainText.hasPrefix("a a a"))
        #expect(nested.renderHTML().hasSuffix("</em></p>\n"))
    }
}
