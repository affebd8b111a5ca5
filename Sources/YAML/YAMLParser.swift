import CLibYAML

extension YAMLNode {
    /// Parses a YAML text of at most one document; nil when it has none (empty, or only comments).
    ///
    /// Aliases are replaced by the node their anchor names. Throws for malformed YAML, an alias
    /// before its anchor, a second document, and a key repeated in one mapping.
    public static func parse(_ text: String) throws(YAMLError) -> YAMLNode? {
        var text = text
        // libyaml reads the string's own UTF-8 storage: no copy for a native string.
        return try text.withUTF8 { bytes in
            Result { () throws(YAMLError) -> YAMLNode? in
                guard let start = bytes.baseAddress else { return nil }  // only an empty text has no storage
                var composer = try Composer(start, count: bytes.count)
                return try composer.document()
            }
        }.get()
    }
}

/// Builds the tree from libyaml's parser events, reading the stream as Yams' `compose` did, so
/// that the same text fails with the same error at the same place.
private struct Composer: ~Copyable {
    /// On the heap: libyaml keeps pointers into its parser, so it must not move.
    private let parser: UnsafeMutablePointer<yaml_parser_t>
    /// The current event, freed when the next is read: a node takes what it needs from its first
    /// event (such as its anchor) before reading its children.
    private let event: UnsafeMutablePointer<yaml_event_t>
    private var anchors: [String: YAMLNode] = [:]

    init(_ start: UnsafePointer<UInt8>, count: Int) throws(YAMLError) {
        let parser = UnsafeMutablePointer<yaml_parser_t>.allocate(capacity: 1)
        guard yaml_parser_initialize(parser) == 1 else {
            parser.deallocate()
            throw .outOfMemory
        }
        yaml_parser_set_encoding(parser, YAML_UTF8_ENCODING)
        yaml_parser_set_input_string(parser, start, count)
        self.parser = parser
        event = .allocate(capacity: 1)
        event.initialize(to: yaml_event_t())
    }

    deinit {
        yaml_event_delete(event)
        event.deallocate()
        yaml_parser_delete(parser)
        parser.deallocate()
    }

    mutating func document() throws(YAMLError) -> YAMLNode? {
        _ = try next()  // stream start
        guard try next() != YAML_STREAM_END_EVENT else { return nil }  // else the document's start
        let root = try node()
        _ = try next()  // document end
        guard try next() == YAML_STREAM_END_EVENT else {
            throw .syntax(.composer, problem: "but found another document", mark: startMark,
                          context: .init(text: "expected a single document in the stream", mark: YAMLMark(line: 1, column: 1)))
        }
        return root
    }

    /// Reads the next event into `event`, freeing the current one.
    private mutating func next() throws(YAMLError) -> yaml_event_type_t {
        yaml_event_delete(event)
        guard yaml_parser_parse(parser, event) == 1 else { throw YAMLError(from: parser.pointee) }
        let type = event.pointee.type
        if type == YAML_SEQUENCE_START_EVENT || type == YAML_MAPPING_START_EVENT { try checkNesting() }
        return type
    }

    /// The libyaml Yams carries refuses a collection once the scanner's block indents and flow level
    /// reach 1,000 together; Debian's libyaml has no such limit. The same test, on the same parser
    /// state, keeps the error Yams gave, and keeps deep input from exhausting the stack here.
    private func checkNesting() throws(YAMLError) {
        // Only a collection that starts at its own token is tested, as there: not an indentless
        // sequence, nor the one-pair mapping libyaml opens for `[a: b]`. Such a token is still
        // the next in the queue, and the event ends where it does.
        let queue = parser.pointee.tokens
        guard queue.head != queue.tail, let token = queue.head?.pointee,
              token.end_mark.index == event.pointee.end_mark.index else { return }
        switch token.type {
        case YAML_FLOW_SEQUENCE_START_TOKEN, YAML_FLOW_MAPPING_START_TOKEN, YAML_BLOCK_SEQUENCE_START_TOKEN,
             YAML_BLOCK_MAPPING_START_TOKEN: break
        default: return
        }
        let indents = parser.pointee.indents.top - parser.pointee.indents.start
        guard indents >= 1000 - Int(parser.pointee.flow_level) else { return }
        throw .syntax(.parser, problem: "Maximum nesting level reached, set with yaml_set_max_nest_level())",
                      mark: YAMLMark(token.start_mark),
                      context: .init(text: "while parsing", mark: YAMLMark(event.pointee.start_mark)))
    }

    private var startMark: YAMLMark { YAMLMark(event.pointee.start_mark) }

    /// Reads the next node, through its last event. The collections it is inside of while it is read
    /// are kept in a list, not on the call stack, so deep nesting needs no deep recursion.
    private mutating func node() throws(YAMLError) -> YAMLNode {
        var open: [OpenCollection] = []
        while true {
            let node: YAMLNode
            var keyTag: String?
            switch try next() {
            case YAML_SCALAR_EVENT:
                let scalar = event.pointee.data.scalar
                let text = String(decoding: UnsafeBufferPointer(start: scalar.value, count: Int(scalar.length)), as: UTF8.self)
                node = anchored(YAMLNode(.scalar(text, Self.style(scalar.style)), at: startMark), as: Self.name(scalar.anchor))
                keyTag = distinguishingTag()
            case YAML_ALIAS_EVENT:
                guard let target = anchors[String(cString: event.pointee.data.alias.anchor)] else {
                    throw .syntax(.composer, problem: "found undefined alias", mark: startMark, context: nil)
                }
                node = target
            case YAML_SEQUENCE_START_EVENT:
                let anchor = Self.name(event.pointee.data.sequence_start.anchor)
                open.append(OpenCollection(isMapping: false, mark: startMark, anchor: anchor))
                continue
            case YAML_MAPPING_START_EVENT:
                let anchor = Self.name(event.pointee.data.mapping_start.anchor)
                open.append(OpenCollection(isMapping: true, mark: startMark, anchor: anchor))
                continue
            case YAML_SEQUENCE_END_EVENT, YAML_MAPPING_END_EVENT:
                let collection = open.removeLast()
                node = anchored(try collection.node(), as: collection.anchor)
            case let type:
                preconditionFailure("libyaml sent event \(type.rawValue) inside a node")
            }
            guard !open.isEmpty else { return node }
            open[open.count - 1].add(node, keyTag: keyTag)
        }
    }

    /// Registers a finished node under its anchor: a later anchor of the same name replaces it, and
    /// a node cannot refer to itself.
    private mutating func anchored(_ node: YAMLNode, as anchor: String?) -> YAMLNode {
        if let anchor { anchors[anchor] = node }
        return node
    }

    /// The current scalar's tag, where it would set the scalar apart, as a key, from the same text
    /// untagged. Yams compared keys by text and resolved tag, and with no resolver every untagged or
    /// quoted scalar resolves to a string.
    private func distinguishingTag() -> String? {
        guard let tag = event.pointee.data.scalar.tag else { return nil }
        let name = String(cString: tag)
        return name == "tag:yaml.org,2002:str" ? nil : name
    }

    private static func name(_ anchor: UnsafePointer<yaml_char_t>?) -> String? {
        anchor.map { String(cString: $0) }
    }

    private static func style(_ style: yaml_scalar_style_t) -> YAMLNode.ScalarStyle {
        switch style {
        case YAML_SINGLE_QUOTED_SCALAR_STYLE: .singleQuoted
        case YAML_DOUBLE_QUOTED_SCALAR_STYLE: .doubleQuoted
        case YAML_LITERAL_SCALAR_STYLE: .literal
        case YAML_FOLDED_SCALAR_STYLE: .folded
        default: .plain  // the parser never reports YAML_ANY_SCALAR_STYLE
        }
    }
}

/// A sequence or mapping whose end has not been read yet.
private struct OpenCollection {
    let isMapping: Bool
    let mark: YAMLMark
    let anchor: String?
    private var items: [YAMLNode] = []
    private var pairs: [YAMLNode.Pair] = []
    /// A mapping's key, until its value is read.
    private var key: YAMLNode?
    /// The tags of the keys that have one that counts (see `distinguishingTag`), by pair index.
    private var keyTags: [Int: String] = [:]

    init(isMapping: Bool, mark: YAMLMark, anchor: String?) {
        self.isMapping = isMapping
        self.mark = mark
        self.anchor = anchor
    }

    mutating func add(_ node: YAMLNode, keyTag: String?) {
        guard isMapping else { return items.append(node) }
        if let key {
            pairs.append(YAMLNode.Pair(key: key, value: node))
            self.key = nil
        } else {
            key = node
            if let keyTag { keyTags[pairs.count] = keyTag }
        }
    }

    /// The finished node; for a mapping, unless a key is repeated.
    func node() throws(YAMLError) -> YAMLNode {
        guard isMapping else { return YAMLNode(.sequence(items), at: mark) }
        let repeated = repeatedKeys()
        guard repeated.isEmpty else { throw .duplicateKeys(repeated) }
        return YAMLNode(.mapping(pairs), at: mark)
    }

    /// The keys equal to an earlier key, each at its second occurrence only.
    ///
    /// Keys are grouped by a fingerprint first (their text, for the scalar keys front matter has), so
    /// a mapping of many keys is checked in linear time; only keys in one group are compared.
    private func repeatedKeys() -> [YAMLNode] {
        var repeated: [YAMLNode] = []
        // Per fingerprint, the distinct keys seen (almost always one) and how often each was written.
        var groups: [KeyFingerprint: [(key: YAMLNode, count: Int)]] = [:]
        var memo: [UnsafeRawPointer: Int] = [:]
        for index in pairs.indices {
            let key = pairs[index].key
            let fingerprint = KeyFingerprint(key, tag: keyTags[index], memo: &memo)
            var classes = groups.removeValue(forKey: fingerprint) ?? []
            if let equal = classes.firstIndex(where: { $0.key.hasSameValue(as: key) }) {
                classes[equal].count += 1
                if classes[equal].count == 2 { repeated.append(key) }
            } else {
                classes.append((key, 1))
            }
            groups[fingerprint] = classes
        }
        return repeated
    }
}

/// What two equal keys share: the text of a scalar key, a structural hash of a collection key. A
/// collection is hashed once however often aliases repeat it (an alias shares its target's storage).
private struct KeyFingerprint: Hashable {
    var text: String?
    var hash: Int
    var tag: String?

    init(_ key: YAMLNode, tag: String?, memo: inout [UnsafeRawPointer: Int]) {
        self.tag = tag
        if let text = key.scalarText {
            self.text = text
            hash = 0
        } else {
            text = nil
            hash = Self.structuralHash(key, memo: &memo)
        }
    }

    private static func structuralHash(_ node: YAMLNode, memo: inout [UnsafeRawPointer: Int]) -> Int {
        func memoised(_ storage: UnsafeRawPointer?, _ compute: (inout [UnsafeRawPointer: Int]) -> Int) -> Int {
            guard let storage else { return compute(&memo) }
            if let known = memo[storage] { return known }
            let value = compute(&memo)
            memo[storage] = value
            return value
        }
        var hasher = Hasher()
        switch node.content {
        case .scalar(let text, _):
            hasher.combine(0)
            hasher.combine(text)
        case .sequence(let items):
            hasher.combine(1)
            hasher.combine(memoised(items.withUnsafeBufferPointer { UnsafeRawPointer($0.baseAddress) }) { memo in
                var inner = Hasher()
                for item in items { inner.combine(structuralHash(item, memo: &memo)) }
                return inner.finalize()
            })
        case .mapping(let pairs):
            hasher.combine(2)
            hasher.combine(memoised(pairs.withUnsafeBufferPointer { UnsafeRawPointer($0.baseAddress) }) { memo in
                var inner = Hasher()
                for pair in pairs {
                    inner.combine(structuralHash(pair.key, memo: &memo))
                    inner.combine(structuralHash(pair.value, memo: &memo))
                }
                return inner.finalize()
            })
        }
        return hasher.finalize()
    }
}

private extension YAMLNode {
    /// Equal as keys, the way Yams compared them: the same kind and text, however quoted and wherever written.
    /// Collections that share storage (an alias and its anchor) are equal without being walked, so
    /// aliases of aliases cannot make the comparison exponential.
    func hasSameValue(as other: YAMLNode) -> Bool {
        switch (content, other.content) {
        case let (.scalar(text, _), .scalar(otherText, _)):
            text == otherText
        case let (.sequence(items), .sequence(otherItems)):
            items.count == otherItems.count
                && (Self.sameStorage(items, otherItems) || zip(items, otherItems).allSatisfy { $0.hasSameValue(as: $1) })
        case let (.mapping(pairs), .mapping(otherPairs)):
            pairs.count == otherPairs.count
                && (Self.sameStorage(pairs, otherPairs)
                    || zip(pairs, otherPairs).allSatisfy { $0.key.hasSameValue(as: $1.key) && $0.value.hasSameValue(as: $1.value) })
        default:
            false
        }
    }

    static func sameStorage<T>(_ a: [T], _ b: [T]) -> Bool {
        a.withUnsafeBufferPointer { a in b.withUnsafeBufferPointer { b in a.baseAddress == b.baseAddress } }
    }
}
