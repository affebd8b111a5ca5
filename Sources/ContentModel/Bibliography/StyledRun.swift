/// How a piece of a formatted reference is set: the styles CSL's rich text allows, and no others.
public struct TextStyle: OptionSet, Hashable, Sendable {
    public let rawValue: UInt8
    public init(rawValue: UInt8) { self.rawValue = rawValue }

    public static let italic = TextStyle(rawValue: 1)
    public static let bold = TextStyle(rawValue: 2)
    public static let superscript = TextStyle(rawValue: 4)
    public static let `subscript` = TextStyle(rawValue: 8)
    /// `<span class="nocase">`: text whose case must never change (gene names, "pH") when a style
    /// title-cases a title; it prints as it is.
    public static let nocase = TextStyle(rawValue: 16)
}

/// A piece of a formatted reference; templates decide the markup, escaping every text.
public enum StyledRun: Hashable, Sendable {
    case plain(String)
    case italic(String)
    /// A DOI (linked through doi.org) or a URL.
    case link(String)
    /// Any other mix of styles: a subscript in a title, a species name in an italic book title.
    case styled(String, TextStyle)

    /// The run for `text` in `style`, in its simplest case.
    public static func run(_ text: String, _ style: TextStyle) -> StyledRun {
        switch style {
        case [], [.nocase]: .plain(text)
        case [.italic]: .italic(text)
        default: .styled(text, style)
        }
    }

    public var text: String {
        switch self {
        case .plain(let text), .italic(let text), .link(let text), .styled(let text, _): text
        }
    }

    /// A run of rich text from a title: `.styled` for any style (so an italic species name is told apart
    /// from an italic work title), plain for none.
    public static func rich(_ text: String, _ style: TextStyle) -> StyledRun {
        style.isEmpty ? .plain(text) : .styled(text, style)
    }

    /// The same text in another run of the same kind.
    func with(text: String) -> StyledRun {
        switch self {
        case .plain: .plain(text)
        case .italic: .italic(text)
        case .link: .link(text)
        case .styled(_, let style): .styled(text, style)
        }
    }

    /// Whether two runs can be joined into one.
    func joins(_ other: StyledRun) -> Bool {
        switch (self, other) {
        case (.plain, .plain), (.italic, .italic): true
        case (.styled(_, let a), .styled(_, let b)): a == b
        default: false
        }
    }

    /// The run's styles (a link has none).
    public var style: TextStyle {
        switch self {
        case .plain, .link: []
        case .italic: .italic
        case .styled(_, let style): style
        }
    }
}

/// CSL-JSON's rich text: `<i>`, `<b>`, `<sup>`, `<sub>` and `<span class="nocase">` inside a title. Any
/// other `<` stays text, escaped where it is printed, so a title cannot carry markup of its own.
public enum RichText {
    /// The runs of `text`, or nil when it has no rich-text element (the common case).
    public static func runs(_ text: String) -> [StyledRun]? {
        guard text.utf8.contains(UInt8(ascii: "<")) else { return nil }
        var runs: [StyledRun] = []
        var stack: [(tag: String, style: TextStyle)] = []
        var current = TextStyle()
        var buffer = ""
        var sawElement = false
        func flush() {
            guard !buffer.isEmpty else { return }
            append(&runs, .rich(buffer, current))
            buffer = ""
        }
        var rest = Substring(text)
        while let open = rest.firstIndex(of: "<") {
            buffer += rest[..<open]
            let tail = rest[open...]
            if let (tag, closing, length) = element(at: tail) {
                if closing {
                    if let top = stack.last, top.tag == tag {
                        flush()
                        stack.removeLast()
                        current = stack.reduce(into: TextStyle()) { $0.formSymmetricDifference(style(of: $1.tag)) }
                        rest = tail.dropFirst(length)
                        sawElement = true
                        continue
                    }
                } else {
                    flush()
                    stack.append((tag, style(of: tag)))
                    // Italic in italic is roman again (CSL's flip-flop), as a species name in an italic title.
                    current.formSymmetricDifference(style(of: tag))
                    rest = tail.dropFirst(length)
                    sawElement = true
                    continue
                }
            }
            buffer += "<"
            rest = tail.dropFirst()
        }
        buffer += rest
        flush()
        return sawElement ? runs : nil
    }

    /// The title without its rich-text elements.
    public static func plain(_ text: String) -> String {
        runs(text).map { $0.map(\.text).joined() } ?? text
    }

    private static let elements: [(String, String)] = [
        ("<i>", "i"), ("<b>", "b"), ("<sup>", "sup"), ("<sub>", "sub"), ("<span class=\"nocase\">", "span"),
        ("</i>", "/i"), ("</b>", "/b"), ("</sup>", "/sup"), ("</sub>", "/sub"), ("</span>", "/span"),
    ]

    private static func element(at text: Substring) -> (tag: String, closing: Bool, length: Int)? {
        for (literal, name) in elements where text.hasPrefix(literal) {
            let closing = name.hasPrefix("/")
            return (closing ? String(name.dropFirst()) : name, closing, literal.count)
        }
        return nil
    }

    private static func style(of tag: String) -> TextStyle {
        switch tag {
        case "i": .italic
        case "b": .bold
        case "sup": .superscript
        case "sub": .subscript
        default: .nocase
        }
    }

    /// Appends a run, joined to the last one when they share a style.
    static func append(_ runs: inout [StyledRun], _ run: StyledRun) {
        guard !run.text.isEmpty else { return }
        if let last = runs.last, last.joins(run) {
            runs[runs.count - 1] = last.with(text: last.text + run.text)
        } else {
            runs.append(run)
        }
    }
}
