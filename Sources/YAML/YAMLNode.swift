/// A YAML node with the position it starts at. Tags are not kept: the readers of this tree type
/// scalars themselves, from their text and style.
///
/// A plain struct over Swift arrays and strings: copying a node retains one buffer, and a tree is
/// built with one allocation per collection (and per long scalar).
public struct YAMLNode: Equatable, Sendable {
    public enum Content: Equatable, Sendable {
        case scalar(String, ScalarStyle)
        case sequence([YAMLNode])
        /// Pairs in the order they are written.
        case mapping([Pair])
    }

    public enum ScalarStyle: Equatable, Sendable {
        case plain, singleQuoted, doubleQuoted, literal, folded
    }

    public struct Pair: Equatable, Sendable {
        public var key: YAMLNode
        public var value: YAMLNode

        public init(key: YAMLNode, value: YAMLNode) {
            self.key = key
            self.value = value
        }
    }

    public var content: Content
    public var mark: YAMLMark

    public init(_ content: Content, at mark: YAMLMark) {
        self.content = content
        self.mark = mark
    }

    /// The text of a scalar; nil for a sequence or a mapping.
    public var scalarText: String? {
        if case .scalar(let text, _) = content { text } else { nil }
    }
}

/// A position in the YAML text, both 1-based; the column counts Unicode scalars, not bytes.
public struct YAMLMark: Equatable, Sendable {
    public var line: Int
    public var column: Int

    public init(line: Int, column: Int) {
        self.line = line
        self.column = column
    }
}
