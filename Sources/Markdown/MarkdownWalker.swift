import CCmark

/// What a walk does after visiting a node.
public enum WalkDecision: Sendable {
    case visitChildren
    case skipChildren
}

/// Entering a node (before its children) or leaving it (after them). A node without children is
/// entered and left at once.
public enum WalkEvent {
    case enter(MarkdownNode)
    case exit(MarkdownNode)
}

extension MarkdownNode {
    /// This node and its descendants in document order, each entered and then left.
    ///
    /// The walk moves along cmark's parent, child and sibling links, so it keeps no stack: a body of
    /// 20,000 nested block quotes (valid CommonMark) costs no more stack than a flat one.
    public var events: Events { Events(root: self) }

    public struct Events: Sequence {
        let root: MarkdownNode

        public struct Iterator: IteratorProtocol {
            let root: OpaquePointer
            let document: MarkdownDocument
            var current: OpaquePointer?
            var entering = true

            public mutating func next() -> WalkEvent? {
                guard let node = current else { return nil }
                let event: WalkEvent = entering ? .enter(MarkdownNode(node, in: document))
                                                : .exit(MarkdownNode(node, in: document))
                advance(from: node)
                return event
            }

            /// Moves past the event just given for `node`.
            mutating func advance(from node: OpaquePointer) {
                if entering, let child = cmark_node_first_child(node) {
                    current = child
                } else if entering {
                    entering = false
                } else if node == root {
                    current = nil
                } else if let sibling = cmark_node_next(node) {
                    current = sibling
                    entering = true
                } else {
                    current = cmark_node_parent(node)
                }
            }

            /// After entering `node`, leaves it at once without its children (its exit comes next).
            public mutating func skipChildren(of node: MarkdownNode) {
                skipChildren(of: node.pointer)
            }

            /// After entering `node`, leaves it at once without its children.
            mutating func skipChildren(of node: OpaquePointer) {
                current = node
                entering = false
            }
        }

        public func makeIterator() -> Iterator {
            Iterator(root: root.pointer, document: root.document, current: root.pointer)
        }
    }

    /// Visits this node and its descendants in document order (pre-order), without recursion.
    public func walk(_ visit: (MarkdownNode) throws -> WalkDecision) rethrows {
        var iterator = events.makeIterator()
        while let event = iterator.next() {
            guard case .enter(let node) = event else { continue }
            if try visit(node) == .skipChildren { iterator.skipChildren(of: node.pointer) }
        }
    }

    /// Every descendant (and this node) in document order.
    public func forEach(_ body: (MarkdownNode) throws -> Void) rethrows {
        try walk { node in
            try body(node)
            return .visitChildren
        }
    }
}
