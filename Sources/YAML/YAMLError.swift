import CLibYAML

/// Why a YAML text could not be read. Problems and contexts are libyaml's own texts (and, for the
/// composer, the texts Yams used), so messages built from them read as they always have.
public enum YAMLError: Error, Equatable, Sendable {
    public enum Stage: Equatable, Sendable {
        case scanner, parser, composer
    }

    /// What was being read when the problem was found, such as "while parsing a block mapping".
    public struct Context: Equatable, Sendable {
        public var text: String
        public var mark: YAMLMark

        public init(text: String, mark: YAMLMark) {
            self.text = text
            self.mark = mark
        }
    }

    /// libyaml could not decode the input, such as a control character; `offset` counts UTF-8 bytes.
    case reader(problem: String, offset: Int, value: Int32)
    /// Not well-formed YAML (scanner, parser), or not one document whose aliases are all defined (composer).
    case syntax(Stage, problem: String, mark: YAMLMark, context: Context?)
    /// The keys written more than once in one mapping, in the mapping's order, each at its second occurrence.
    case duplicateKeys([YAMLNode])
    case outOfMemory

    /// The error `yaml_parser_parse` stopped with, read from the parser's fields as Yams read them.
    init(from parser: yaml_parser_t) {
        let problem = parser.problem.map { String(cString: $0) } ?? ""
        let context = parser.context.map { Context(text: String(cString: $0), mark: YAMLMark(parser.context_mark)) }
        switch parser.error {
        case YAML_READER_ERROR:
            self = .reader(problem: problem, offset: Int(parser.problem_offset), value: parser.problem_value)
        case YAML_SCANNER_ERROR:
            self = .syntax(.scanner, problem: problem, mark: YAMLMark(parser.problem_mark), context: context)
        case YAML_PARSER_ERROR:
            self = .syntax(.parser, problem: problem, mark: YAMLMark(parser.problem_mark), context: context)
        default:  // YAML_MEMORY_ERROR: the only other error yaml_parser_parse sets
            self = .outOfMemory
        }
    }
}

extension YAMLMark {
    /// libyaml's 0-based mark, made 1-based.
    init(_ mark: yaml_mark_t) {
        self.init(line: Int(mark.line) + 1, column: Int(mark.column) + 1)
    }
}
