import Foundation
import Testing

/// Every diagnostic code Salve can emit is documented in the README's table with how to fix it.
@Suite struct CodeCatalogueTests {
    @Test func everyCodeIsInTheReadme() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let source = try String(contentsOf: root.appendingPathComponent("Sources/Diagnostics/DiagnosticCode.swift"), encoding: .utf8)
        let readme = try String(contentsOf: root.appendingPathComponent("README.md"), encoding: .utf8)
        let codes = source.components(separatedBy: "DiagnosticCode(\"").dropFirst().compactMap { $0.components(separatedBy: "\"").first }
        #expect(codes.count > 40)
        for code in codes {
            #expect(readme.contains("| `\(code)` |"), "README has no row for '\(code)'")
        }
    }
}
