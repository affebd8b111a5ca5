/// What a walk does after visiting a node.
public enum WalkDecision: Sendable {
    case visitChildren
    case skipChildren
}

extension MarkdownNode {
    /// Visits this node and its descendants in document order (pre-order).
    public func walk(_ visit: (MarkdownNode) throws -> WalkDecision) rethrows {
        if try visit(self) == .visitChildren {
            for child in children { try child.walk(visit) }
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
