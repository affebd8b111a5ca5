import Diagnostics
import Foundation

/// `salve check --site DIR`: every `href`, `src`, `poster` and `srcset` address in the built pages
/// resolves to a file, and every `#fragment` to an element with that id.
public enum BuiltSiteLinks {
    /// - Parameters:
    ///   - basePath: the path part of the site's base URL (`/` or `/health/`), for root-relative links.
    ///   - displayRoot: diagnostics name files relative to this folder.
    public static func check(site: URL, basePath: String, displayRoot: URL) -> [Diagnostic] {
        let root = site.standardizedFileURL
        let paths = root.path.hasSuffix("/") ? root.path : root.path + "/"
        guard let enumerator = FileManager.default.enumerator(at: root, includingPropertiesForKeys: [.isRegularFileKey]) else {
            return []
        }
        let pages = enumerator.compactMap { $0 as? URL }.filter { $0.pathExtension == "html" && isPlainFile($0.path) }
            .sorted { $0.path < $1.path }
        var idCache: [String: Set<String>] = [:]
        func ids(of file: String) -> Set<String> {
            if let cached = idCache[file] { return cached }
            let text = isPlainFile(file) ? (try? String(contentsOfFile: file, encoding: .utf8)) ?? "" : ""
            let found = Set(HTMLScanner.attributes(in: text, named: ["id", "name"]).map(\.value))
            idCache[file] = found
            return found
        }
        let display = displayRoot.standardizedFileURL.path + "/"
        var diagnostics: [Diagnostic] = []
        for page in pages {
            let pagePath = page.standardizedFileURL.path
            guard let text = try? String(contentsOfFile: pagePath, encoding: .utf8) else { continue }
            let shown = pagePath.hasPrefix(display) ? String(pagePath.dropFirst(display.count)) : pagePath
            for attribute in HTMLScanner.attributes(in: text, named: ["href", "src", "poster", "srcset"]) {
                for (link, line, column) in addresses(in: attribute) {
                    check(link, at: SourceLocation(file: shown, line: line, column: column))
                }
            }
            func check(_ link: String, at: SourceLocation) {
                guard let target = resolve(link, from: pagePath, siteRoot: paths, basePath: basePath) else { return }
                switch target {
                case .outside:
                    diagnostics.append(.error(.brokenSiteLink, "the link '\(link)' points outside the site", at: at))
                case .file(let file, let fragment):
                    var isDirectory: ObjCBool = false
                    var resolved = file
                    if FileManager.default.fileExists(atPath: file, isDirectory: &isDirectory), isDirectory.boolValue {
                        resolved = (file.hasSuffix("/") ? file : file + "/") + "index.html"
                    }
                    guard FileManager.default.fileExists(atPath: resolved) else {
                        diagnostics.append(.error(.brokenSiteLink, "the link '\(link)' points to a file that does not exist", at: at))
                        return
                    }
                    if let fragment, !fragment.isEmpty, resolved.hasSuffix(".html"), !ids(of: resolved).contains(fragment) {
                        diagnostics.append(.error(.brokenSiteLink, "the link '\(link)' names '#\(fragment)', which is not on that page", at: at))
                    }
                }
            }
        }
        return diagnostics
    }

    /// The addresses an attribute names, each where it starts: a `srcset` lists several, each
    /// followed by its width or pixel density (`a.320.webp 320w, a.640.webp 640w`).
    static func addresses(in attribute: HTMLScanner.Attribute) -> [(String, line: Int, column: Int)] {
        guard attribute.name == "srcset" else { return [(attribute.value, attribute.line, attribute.column)] }
        var found: [(String, line: Int, column: Int)] = []
        var line = attribute.line, column = attribute.column
        var current = "", start = (line: line, column: column)
        // A candidate's address runs from its first non-space to the next space or comma; its
        // descriptor runs to the comma.
        var inDescriptor = false
        for scalar in attribute.value.unicodeScalars {
            switch scalar {
            case ",":
                if !current.isEmpty { found.append((current, start.line, start.column)) }
                current = ""
                inDescriptor = false
            case " ", "\t", "\n", "\r", "\u{0C}":
                if !current.isEmpty { inDescriptor = true }
            default:
                if !inDescriptor {
                    if current.isEmpty { start = (line, column) }
                    current.unicodeScalars.append(scalar)
                }
            }
            if scalar == "\n" { line += 1; column = 1 } else { column += 1 }
        }
        if !current.isEmpty { found.append((current, start.line, start.column)) }
        return found
    }

    /// Only regular files of a sane size are read: a FIFO named like a page would block the check.
    static func isPlainFile(_ path: String) -> Bool {
        guard let attributes = try? FileManager.default.attributesOfItem(atPath: path),
              attributes[.type] as? FileAttributeType == .typeRegular,
              let size = attributes[.size] as? Int else { return false }
        return size <= 64 << 20
    }

    enum Target {
        case file(String, fragment: String?)
        case outside
    }

    /// `nil` for links this check does not follow (other schemes, protocol-relative URLs).
    static func resolve(_ link: String, from page: String, siteRoot: String, basePath: String) -> Target? {
        var value = link.trimmingCharacters(in: .whitespaces)
        guard !value.isEmpty, !value.hasPrefix("//") else { return nil }
        if let colon = value.firstIndex(of: ":"),
           value[..<colon].allSatisfy({ $0.isLetter || $0.isNumber || "+-.".contains($0) }),
           value[..<colon].first?.isLetter == true {
            return nil
        }
        var fragment: String?
        if let hash = value.firstIndex(of: "#") {
            fragment = String(value[value.index(after: hash)...]).removingPercentEncoding
            value = String(value[..<hash])
        }
        if let query = value.firstIndex(of: "?") { value = String(value[..<query]) }
        let decoded = value.removingPercentEncoding ?? value
        var components: [Substring]
        if decoded.isEmpty {
            return .file(page, fragment: fragment)
        } else if decoded.hasPrefix("/") {
            let base = basePath.hasSuffix("/") ? basePath : basePath + "/"
            guard decoded.hasPrefix(base) || decoded + "/" == base else { return .outside }
            components = siteRoot.split(separator: "/") + decoded.dropFirst(base.count).split(separator: "/")
        } else {
            components = page.split(separator: "/").dropLast() + decoded.split(separator: "/")
        }
        var resolved: [Substring] = []
        for component in components {
            switch component {
            case ".": continue
            case "..": if !resolved.isEmpty { resolved.removeLast() }
            default: resolved.append(component)
            }
        }
        var path = "/" + resolved.joined(separator: "/")
        if decoded.hasSuffix("/") { path += "/" }
        guard (path + "/").hasPrefix(siteRoot) || path.hasPrefix(siteRoot) else { return .outside }
        return .file(path, fragment: fragment)
    }
}
