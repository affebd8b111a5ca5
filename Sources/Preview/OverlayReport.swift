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
        let list: [[String: Any]] = items.map { item in
            var object: [String: Any] = ["location": item.location, "file": item.file, "severity": item.severity,
                                         "message": item.message]
            if let line = item.line { object["line"] = line }
            if let column = item.column { object["column"] = column }
            if let code = item.code { object["code"] = code }
            return object
        }
        return PreviewJSON.encode(["errors": errors, "warnings": warnings, "diagnostics": list])
    }
}

enum PreviewJSON {
    static func encode(_ object: [String: Any]) -> String {
        guard let data = try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys, .withoutEscapingSlashes])
        else { return "{}" }
        return String(decoding: data, as: UTF8.self)
    }
}
