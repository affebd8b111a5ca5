import Templates
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
        let list: [JSONValue] = items.map { item in
            .object(compacting: [
                ("code", item.code.map(JSONValue.string)), ("column", item.column.map(JSONValue.number)),
                ("file", .string(item.file)), ("line", item.line.map(JSONValue.number)),
                ("location", .string(item.location)), ("message", .string(item.message)),
                ("severity", .string(item.severity)),
            ])
        }
        return JSONValue.object([("diagnostics", .array(list)), ("errors", .number(errors)), ("warnings", .number(warnings))])
            .serialized
    }
}

/// A JSON string literal, escaped the way the site's own JSON is.
enum PreviewJSON {
    static func string(_ text: String) -> String { JSONValue.string(text).serialized }
}
