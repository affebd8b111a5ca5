/// How bad a finding is. Errors stop a build before anything is written.
public enum Severity: String, Sendable, Comparable, Codable {
    case note
    case warning
    case error

    private var rank: Int {
        switch self {
        case .note: 0
        case .warning: 1
        case .error: 2
        }
    }

    public static func < (a: Severity, b: Severity) -> Bool { a.rank < b.rank }
}

/// Where a finding is: a path relative to the project root, and a 1-based line and column when known.
public struct SourceLocation: Hashable, Sendable, Comparable, CustomStringConvertible {
    public var file: String
    public var line: Int?
    public var column: Int?

    public init(file: String, line: Int? = nil, column: Int? = nil) {
        self.file = file
        self.line = line
        self.column = column
    }

    public var description: String {
        switch (line, column) {
        case let (line?, column?): "\(file):\(line):\(column)"
        case let (line?, nil): "\(file):\(line)"
        default: file
        }
    }

    public static func < (a: SourceLocation, b: SourceLocation) -> Bool {
        (a.file, a.line ?? 0, a.column ?? 0) < (b.file, b.line ?? 0, b.column ?? 0)
    }
}

/// One problem in the content, in words a writer understands.
public struct Diagnostic: Error, Hashable, Sendable, CustomStringConvertible {
    public var severity: Severity
    public var code: DiagnosticCode
    public var message: String
    public var location: SourceLocation
    /// The cause of other problems (a file that failed to load and that other files refer to): listed
    /// before everything else, so the writer reads the cause first.
    public var isCause = false

    public init(_ severity: Severity, _ code: DiagnosticCode, _ message: String, at location: SourceLocation) {
        self.severity = severity
        self.code = code
        self.message = message
        self.location = location
    }

    public static func error(_ code: DiagnosticCode, _ message: String, at location: SourceLocation) -> Diagnostic {
        Diagnostic(.error, code, message, at: location)
    }

    public static func warning(_ code: DiagnosticCode, _ message: String, at location: SourceLocation) -> Diagnostic {
        Diagnostic(.warning, code, message, at: location)
    }

    /// `Content/articles/x.md:14:22: error: unknown citation key 'smith2019' [unknown-citation]`
    public var description: String {
        "\(location): \(severity.rawValue): \(message) [\(code.rawValue)]"
    }
}

/// Findings gathered by every stage; stages keep going after a problem so a writer sees all of them in one run.
public struct DiagnosticList: Sendable {
    public private(set) var all: [Diagnostic] = []

    public init(_ diagnostics: [Diagnostic] = []) {
        all = diagnostics
    }

    public mutating func append(_ diagnostic: Diagnostic) {
        all.append(diagnostic)
    }

    public mutating func append(contentsOf other: DiagnosticList) {
        all.append(contentsOf: other.all)
    }

    public mutating func append(contentsOf others: [Diagnostic]) {
        all.append(contentsOf: others)
    }

    public var hasErrors: Bool { all.contains { $0.severity == .error } }
    public var errorCount: Int { all.count { $0.severity == .error } }
    public var warningCount: Int { all.count { $0.severity == .warning } }
    public var isEmpty: Bool { all.isEmpty }

    /// Sorted by file, line and column, so output is stable whatever order stages ran in; causes of
    /// other problems come first.
    public var sorted: [Diagnostic] {
        all.sorted { a, b in
            if a.isCause != b.isCause { return a.isCause }
            if a.location != b.location { return a.location < b.location }
            return (a.code.rawValue, a.message) < (b.code.rawValue, b.message)
        }
    }
}

extension DiagnosticList {
    /// This list without one occurrence of each of `others` (those not in the list are ignored).
    public func removing(_ others: [Diagnostic]) -> DiagnosticList {
        var counts: [Diagnostic: Int] = [:]
        for diagnostic in others { counts[diagnostic, default: 0] += 1 }
        var kept: [Diagnostic] = []
        for diagnostic in all {
            if let count = counts[diagnostic], count > 0 {
                counts[diagnostic] = count - 1
            } else {
                kept.append(diagnostic)
            }
        }
        return DiagnosticList(kept)
    }
}
