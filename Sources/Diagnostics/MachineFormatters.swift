import Foundation

/// Diagnostics for tools: JSON, GitHub Actions workflow commands and SARIF 2.1.0.
public enum MachineFormatter {
    /// `{"diagnostics": [...], "errors": n, "warnings": n}`, keys sorted, one object per finding.
    public static func json(_ diagnostics: DiagnosticList) -> String {
        let items: [JSONText] = diagnostics.sorted.map { diagnostic in
            var item: [String: JSONText] = [
                "file": .string(diagnostic.location.file),
                "severity": .string(diagnostic.severity.rawValue),
                "code": .string(diagnostic.code.rawValue),
                "message": .string(diagnostic.message),
            ]
            if let line = diagnostic.location.line { item["line"] = .int(line) }
            if let column = diagnostic.location.column { item["column"] = .int(column) }
            return .object(item)
        }
        return JSONText.object([
            "diagnostics": .array(items),
            "errors": .int(diagnostics.errorCount),
            "warnings": .int(diagnostics.warningCount),
        ]).pretty()
    }

    /// `::error file=…,line=…,col=…,title=…::message`, which GitHub shows as annotations on the diff.
    public static func github(_ diagnostics: DiagnosticList) -> String {
        diagnostics.sorted.map { diagnostic in
            let command = switch diagnostic.severity {
            case .error: "error"
            case .warning: "warning"
            case .note: "notice"
            }
            var properties = ["file=\(escapeProperty(diagnostic.location.file))"]
            if let line = diagnostic.location.line { properties.append("line=\(line)") }
            if let column = diagnostic.location.column { properties.append("col=\(column)") }
            properties.append("title=\(escapeProperty("salve " + diagnostic.code.rawValue))")
            return "::\(command) \(properties.joined(separator: ","))::\(escapeData(diagnostic.message))"
        }.joined(separator: "\n")
    }

    /// SARIF 2.1.0, read by code-scanning tools. `rules` documents each code once.
    public static func sarif(_ diagnostics: DiagnosticList, toolVersion: String, helpURI: String) -> String {
        let sorted = diagnostics.sorted
        let codes = Array(Set(sorted.map(\.code))).sorted()
        let ruleIndex = Dictionary(uniqueKeysWithValues: codes.enumerated().map { ($1, $0) })
        let rules: [JSONText] = codes.map { code in
            .object(["id": .string(code.rawValue), "name": .string(code.rawValue),
                     "helpUri": .string(helpURI + "#diagnostics"),
                     "shortDescription": .object(["text": .string(code.rawValue.replacingOccurrences(of: "-", with: " "))])])
        }
        let results: [JSONText] = sorted.map { diagnostic in
            var region: [String: JSONText] = [:]
            if let line = diagnostic.location.line { region["startLine"] = .int(line) }
            if let column = diagnostic.location.column { region["startColumn"] = .int(column) }
            var physical: [String: JSONText] = [
                "artifactLocation": .object(["uri": .string(diagnostic.location.file), "uriBaseId": .string("%SRCROOT%")]),
            ]
            if !region.isEmpty { physical["region"] = .object(region) }
            return .object([
                "ruleId": .string(diagnostic.code.rawValue),
                "ruleIndex": .int(ruleIndex[diagnostic.code] ?? 0),
                "level": .string(diagnostic.severity == .note ? "note" : diagnostic.severity.rawValue),
                "message": .object(["text": .string(diagnostic.message)]),
                "locations": .array([.object(["physicalLocation": .object(physical)])]),
            ])
        }
        return JSONText.object([
            "$schema": .string("https://json.schemastore.org/sarif-2.1.0.json"),
            "version": .string("2.1.0"),
            "runs": .array([.object([
                "tool": .object(["driver": .object([
                    "name": .string("salve"), "version": .string(toolVersion), "informationUri": .string(helpURI),
                    "rules": .array(rules),
                ])]),
                "results": .array(results),
            ])]),
        ]).pretty()
    }

    /// Workflow-command escaping (from @actions/core): data escapes %, CR, LF; properties also : and ,.
    static func escapeData(_ text: String) -> String {
        text.replacingOccurrences(of: "%", with: "%25").replacingOccurrences(of: "\r", with: "%0D")
            .replacingOccurrences(of: "\n", with: "%0A")
    }

    static func escapeProperty(_ text: String) -> String {
        escapeData(text).replacingOccurrences(of: ":", with: "%3A").replacingOccurrences(of: ",", with: "%2C")
    }
}

/// A JSON value written the way Foundation's pretty printer with sorted keys writes it, in one pass
/// over the value: JSONSerialization took super-linear time on reports of tens of thousands.
enum JSONText {
    case string(String)
    case int(Int)
    case array([JSONText])
    case object([String: JSONText])

    func pretty() -> String {
        var out: [UInt8] = []
        write(to: &out, indent: 0)
        return String(decoding: out, as: UTF8.self)
    }

    private func write(to out: inout [UInt8], indent: Int) {
        func newline(_ depth: Int) {
            out.append(0x0A)
            out.append(contentsOf: repeatElement(0x20, count: 2 * depth))
        }
        switch self {
        case .string(let text):
            Self.writeString(text, to: &out)
        case .int(let number):
            out.append(contentsOf: String(number).utf8)
        case .array(let items):
            out.append(UInt8(ascii: "["))
            for (index, item) in items.enumerated() {
                if index > 0 { out.append(UInt8(ascii: ",")) }
                newline(indent + 1)
                item.write(to: &out, indent: indent + 1)
            }
            if items.isEmpty { out.append(0x0A) }
            newline(indent)
            out.append(UInt8(ascii: "]"))
        case .object(let members):
            out.append(UInt8(ascii: "{"))
            for (index, key) in members.keys.sorted().enumerated() {
                if index > 0 { out.append(UInt8(ascii: ",")) }
                newline(indent + 1)
                Self.writeString(key, to: &out)
                out.append(contentsOf: " : ".utf8)
                members[key]!.write(to: &out, indent: indent + 1)
            }
            if members.isEmpty { out.append(0x0A) }
            newline(indent)
            out.append(UInt8(ascii: "}"))
        }
    }

    /// JSON string escaping: quotes, backslashes and control characters; slashes as they are.
    static func writeString(_ text: String, to out: inout [UInt8]) {
        let hex: [UInt8] = Array("0123456789abcdef".utf8)
        out.append(UInt8(ascii: "\""))
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "\""): out.append(contentsOf: "\\\"".utf8)
            case UInt8(ascii: "\\"): out.append(contentsOf: "\\\\".utf8)
            case 0x0A: out.append(contentsOf: "\\n".utf8)
            case 0x0D: out.append(contentsOf: "\\r".utf8)
            case 0x09: out.append(contentsOf: "\\t".utf8)
            case 0x08: out.append(contentsOf: "\\b".utf8)
            case 0x0C: out.append(contentsOf: "\\f".utf8)
            case 0..<0x20:
                out.append(contentsOf: "\\u00".utf8)
                out.append(hex[Int(byte >> 4)])
                out.append(hex[Int(byte & 0x0F)])
            default: out.append(byte)
            }
        }
        out.append(UInt8(ascii: "\""))
    }
}
