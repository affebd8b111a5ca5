import Foundation

/// Diagnostics for tools: JSON, GitHub Actions workflow commands and SARIF 2.1.0.
public enum MachineFormatter {
    /// `{"diagnostics": [...], "errors": n, "warnings": n}`, keys sorted, one object per finding.
    public static func json(_ diagnostics: DiagnosticList) -> String {
        let items: [[String: Any]] = diagnostics.sorted.map { diagnostic in
            var item: [String: Any] = [
                "file": diagnostic.location.file,
                "severity": diagnostic.severity.rawValue,
                "code": diagnostic.code.rawValue,
                "message": diagnostic.message,
            ]
            if let line = diagnostic.location.line { item["line"] = line }
            if let column = diagnostic.location.column { item["column"] = column }
            return item
        }
        let root: [String: Any] = [
            "diagnostics": items,
            "errors": diagnostics.errorCount,
            "warnings": diagnostics.warningCount,
        ]
        return encode(root)
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
        let rules: [[String: Any]] = codes.map { code in
            ["id": code.rawValue, "name": code.rawValue,
             "helpUri": helpURI + "#diagnostics",
             "shortDescription": ["text": code.rawValue.replacingOccurrences(of: "-", with: " ")]]
        }
        let results: [[String: Any]] = sorted.map { diagnostic in
            var region: [String: Any] = [:]
            if let line = diagnostic.location.line { region["startLine"] = line }
            if let column = diagnostic.location.column { region["startColumn"] = column }
            var physical: [String: Any] = ["artifactLocation": ["uri": diagnostic.location.file, "uriBaseId": "%SRCROOT%"]]
            if !region.isEmpty { physical["region"] = region }
            return [
                "ruleId": diagnostic.code.rawValue,
                "ruleIndex": codes.firstIndex(of: diagnostic.code) ?? 0,
                "level": diagnostic.severity == .note ? "note" : diagnostic.severity.rawValue,
                "message": ["text": diagnostic.message],
                "locations": [["physicalLocation": physical]],
            ]
        }
        let root: [String: Any] = [
            "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
            "version": "2.1.0",
            "runs": [[
                "tool": ["driver": ["name": "salve", "version": toolVersion, "informationUri": helpURI, "rules": rules]],
                "results": results,
            ]],
        ]
        return encode(root)
    }

    private static func encode(_ value: Any) -> String {
        guard let data = try? JSONSerialization.data(withJSONObject: value, options: [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]) else {
            return "{}"
        }
        return String(decoding: data, as: UTF8.self)
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
