import Diagnostics
import Foundation

/// What the error overlay shows: the problems that keep the last good site on screen.
///
/// Sent as the `diagnostics` event and injected into every page served, as compact JSON:
/// `{"errors":1,"warnings":0,"diagnostics":[{"location":"Content/articles/a.md:3:7","file":…,
/// "line":3,"column":7,"severity":"error","code":"yaml-syntax","message":…}]}`. An empty list clears it.
public struct OverlayReport: Sendable, Equatable {
    public struct Item: Sendable, Equatable {
        public var location: String
        public var file: String
        public var line: Int?
        public var column: Int?
        public var severity: String
        public var code: String?
        public var message: String
    }

    public var errors: Int
    public var warnings: Int
    public var items: [Item]

    /// Nothing to show.
    public static let clear = OverlayReport(errors: 0, warnings: 0, items: [])

    public var isClear: Bool { items.isEmpty }

    /// The errors of a failed build (warnings are counted, and printed in the terminal, but not listed).
    public init(failedBuild diagnostics: DiagnosticList) {
        errors = diagnostics.errorCount
        warnings = diagnostics.warningCount
        items = diagnostics.sorted.filter { $0.severity == .error }.map { diagnostic in
            Item(location: diagnostic.location.description, file: diagnostic.location.file,
                 line: diagnostic.location.line, column: diagnostic.location.column,
                 severity: diagnostic.severity.rawValue, code: diagnostic.code.rawValue, message: diagnostic.message)
        }
    }

    /// A problem that stopped the build before any content was read (a missing folder, a write failure).
    public init(failure: String, location: String) {
        errors = 1
        warnings = 0
        items = [Item(location: location, file: location, line: nil, column: nil, severity: "error", code: nil,
                      message: failure)]
    }

    init(errors: Int, warnings: Int, items: [Item]) {
        self.errors = errors
        self.warnings = warnings
        self.items = items
    }

    /// One line of compact JSON (no newlines, so it fits one SSE `data:` line).
    public var json: String {
        let list = items.map { item in
            var fields = [("code", item.code.map(PreviewJSON.string)), ("column", item.column.map(String.init)),
                          ("file", PreviewJSON.string(item.file)), ("line", item.line.map(String.init)),
                          ("location", PreviewJSON.string(item.location)), ("message", PreviewJSON.string(item.message)),
                          ("severity", PreviewJSON.string(item.severity))]
            fields.removeAll { $0.1 == nil }
            return "{" + fields.map { "\"\($0.0)\":\($0.1!)" }.joined(separator: ",") + "}"
        }
        return "{\"diagnostics\":[\(list.joined(separator: ","))],\"errors\":\(errors),\"warnings\":\(warnings)}"
    }
}

/// Small JSON by hand: these payloads go out on every rebuild, and Foundation's serializer is slow here.
enum PreviewJSON {
    /// A JSON string literal.
    static func string(_ text: String) -> String {
        var result = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": result += "\\\""
            case "\\": result += "\\\\"
            case "\n": result += "\\n"
            case "\r": result += "\\r"
            case "\t": result += "\\t"
            case "\u{2028}": result += "\\u2028"
            case "\u{2029}": result += "\\u2029"
            case _ where scalar.value < 0x20:
                result += "\\u" + String(repeating: "0", count: 4 - String(scalar.value, radix: 16).count)
                    + String(scalar.value, radix: 16)
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result + "\""
    }
}
