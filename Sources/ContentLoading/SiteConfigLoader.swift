import ContentModel
import Diagnostics
import Media
import Foundation
import YAML

extension ContentLoader {
    /// Reads `site.yml`; without one, loading goes on with defaults so every other problem is still reported.
    public static func loadSite(_ url: URL, _ paths: ProjectPaths) -> (SiteConfig, [Diagnostic], String?) {
        let file = paths.display(url)
        let fallback = SiteConfig(title: "Untitled site", baseURL: "/")
        let bytes: [UInt8]
        switch FileBytes.read(url.path) {
        case .success(let read): bytes = read
        case .failure(.missing):
            return (fallback, [.error(.missingFile, "'\(file)' does not exist; create it with at least 'title' and 'base-url'",
                                      at: SourceLocation(file: file, line: 1, column: 1))], nil)
        case .failure(let failure):
            return (fallback, [failure.diagnostic(file: file)], nil)
        }
        let text: String
        switch SourceText.decode(bytes: bytes, file: file) {
        case .success(let decoded): text = decoded
        case .failure(let diagnostic): return (fallback, [diagnostic], nil)
        }
        let start = SourceLocation(file: file, line: 1, column: 1)
        let node: YAMLNode?
        switch YAMLDocument.parse(text, file: file, firstLine: 1) {
        case .success(let parsed): node = parsed
        case .failure(let diagnostic): return (fallback, [diagnostic], text)
        }
        guard let node, case .mapping(let mapping) = node.content else {
            return (fallback, [.error(.wrongType, "site.yml should be a set of 'key: value' lines", at: start)], text)
        }
        var fields = FieldReader(mapping: mapping, at: node.mark, file: file, lineShift: 0, location: start, source: text)
        let title = fields.string("title", required: true)
        let baseURL = fields.string("base-url", required: true)
        if let baseURL, !(baseURL.value.hasPrefix("https://") || baseURL.value.hasPrefix("http://") || baseURL.value.hasPrefix("/")) {
            fields.report(.invalidValue, "'base-url' should be an absolute address such as https://learn.example.org/", at: baseURL.location)
        }
        let language = fields.string("language")
        var site = SiteConfig(
            title: title?.value ?? fallback.title,
            baseURL: baseURL?.value ?? fallback.baseURL,
            language: language?.value ?? "en",
            description: fields.string("description")?.value,
            reviewIntervalMonths: fields.int("review-interval-months", in: 1...120) ?? 12,
            allowRawHTML: fields.bool("allow-raw-html", default: false))
        if let disclaimer = fields.string("disclaimer") { site.disclaimer = disclaimer.value }
        if let advice = fields.string("care-advice") { site.careAdvice = advice.value }
        if let grade = fields.int("target-grade", in: 1...18) { site.targetGrade = grade }
        if let email = fields.string("contact-email") { site.contactEmail = email.value }
        if let style = fields.string("citation-style") {
            if let known = CitationStyle(rawValue: style.value.lowercased()) {
                site.citationStyle = known
            } else {
                fields.report(.invalidValue, "'citation-style' is 'ama' or 'vancouver', not '\(style.value)'", at: style.location)
            }
        }
        readColours(&site.palette, fields: &fields)
        if var menus = fields.nested("menus") {
            if menus.node("header") != nil { site.menus.header = readMenu("header", &menus) }
            site.menus.footer = readMenu("footer", &menus)
            fields.absorb(&menus)
        }
        let content = url.deletingLastPathComponent()
        site.customCSS = readSiteFile("custom-css", in: content, paths, fields: &fields)
        site.headHTML = readSiteFile("head-html", in: content, paths, fields: &fields)
        site.bodyEndHTML = readSiteFile("body-end-html", in: content, paths, fields: &fields)
        site.favicon = fields.string("favicon").flatMap { readSiteImage("favicon", $0, in: content, fields: &fields) }
        if var logo = fields.nested("logo") {
            site.logo = logo.string("src", required: true).flatMap { readSiteImage("logo", $0, in: content, fields: &logo) }
            fields.absorb(&logo)
        }
        // `brand-color: #1d5c4a` unquoted is a YAML comment: the key reads as empty, and would be ignored.
        for pair in mapping where ["brand-color", "accent-color"].contains(pair.key.scalarText ?? "") {
            if case .scalar(let text, .plain) = pair.value.content, text.isEmpty {
                fields.report(.invalidValue, "'\(pair.key.scalarText ?? "")' is empty; write the colour in quotes, like '#1d5c4a' (YAML reads an unquoted # as the start of a comment)",
                              at: fields.location(of: pair.key))
            }
        }
        if let node = fields.node("strings") { readStrings(node, into: &site.strings, fields: &fields) }
        if let language, BuiltInLanguage(tag: language.value) == nil, site.strings.overrideCount < UIText.allCases.count {
            let known = BuiltInLanguage.allCases.map { "'\($0.rawValue)'" }.joined(separator: ", ")
            fields.report(.untranslatedLanguage,
                          "Salve has no built-in page text for '\(language.value)' (it has \(known)): the headings, labels and dates it adds are in English; give each text under 'strings:' to translate them",
                          at: language.location, severity: .warning)
        }
        return (site, fields.finish(), text)
    }

    /// A list of `{title, url, weight}` links. Whether a page a link names exists is checked once the
    /// pages are loaded (``checkMenus``).
    private static func readMenu(_ key: String, _ menus: inout FieldReader) -> [MenuItem] {
        var items: [MenuItem] = []
        for var reader in menus.nestedList(key) {
            let title = reader.string("title", required: true)
            let url = reader.string("url", required: true)
            let weight = reader.int("weight", in: -1000...1000) ?? 0
            if let title, let url {
                switch Menus.target(url.value) {
                case .success(let target): items.append(MenuItem(title: title.value, target: target, weight: weight, location: url.location))
                case .failure(let problem): reader.report(.brokenLink, "the menu link '\(url.value)' \(problem.explanation)", at: url.location)
                }
            }
            menus.absorb(&reader)
        }
        return items
    }

    /// Menu links to pages that do not exist (or are not published) are broken links, at their `url:`.
    static func checkMenus(_ site: SiteConfig, graph: ContentGraph, contentRoot: String) -> [Diagnostic] {
        site.menus.written.compactMap { item in
            guard case .page(let ref, _) = item.target, !graph.contains(ref), let location = item.location else { return nil }
            return .error(.brokenLink, "the menu link to '\(ref.contentPath)' points to \(contentRoot)/\(ref.contentPath), which does not exist or is not published",
                          at: location)
        }
    }

    /// `favicon` or `logo.src`: a picture in `Content/media/` or `Content/static/`, by its path inside
    /// `Content/`, checked to exist with that exact letter case (the site is served from Linux).
    private static func readSiteImage(_ key: String, _ value: Located<String>, in content: URL,
                                      fields: inout FieldReader) -> SiteImage? {
        let path = value.value
        let parts = path.split(separator: "/", omittingEmptySubsequences: true).map(String.init)
        guard parts.count >= 2, ["media", "static"].contains(parts[0]), !parts.contains(".."), !parts.contains(".") else {
            fields.report(.invalidValue, "'\(key)' should be a path inside Content/media/ or Content/static/, like 'media/brand/\(key == "favicon" ? "icon.png" : "logo.svg")'; '\(path)' is not",
                          at: value.location)
            return nil
        }
        let name = parts[parts.count - 1]
        let contentType: String
        if name.lowercased().hasSuffix(".ico") {
            contentType = "image/x-icon"
        } else if case .image(let format)? = MediaKind(fileName: name) {
            contentType = format.contentType
        } else {
            fields.report(.invalidValue, "'\(key)' should be a picture (ICO, PNG, SVG, JPEG, WebP, GIF or AVIF); '\(name)' is not one",
                          at: value.location)
            return nil
        }
        let folder = content.appendingPathComponent(parts.dropLast().joined(separator: "/"))
        let siblings = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        guard siblings.contains(name) else {
            let written = "Content/" + parts.joined(separator: "/")
            if let actual = siblings.first(where: { $0.lowercased() == name.lowercased() }) {
                fields.report(.missingMedia, "there is no file '\(written)'; the file is '\(actual)' in the same folder (letter case matters on the web server)",
                              at: value.location)
            } else {
                fields.report(.missingMedia, "there is no file '\(written)'", at: value.location)
            }
            return nil
        }
        let relative = parts.joined(separator: "/")
        let sitePath = parts[0] == "static" ? parts.dropFirst().joined(separator: "/") : relative
        return SiteImage(contentPath: relative, sitePath: sitePath, contentType: contentType)
    }

    /// A file `site.yml` names by its path inside `Content/`: a regular file, UTF-8, at most
    /// ``FileBytes/Limit/siteFile``; a path leading outside `Content/` (`..`, absolute, or through a
    /// symbolic link) is refused, so a site's settings cannot pull in files from elsewhere on the machine.
    private static func readSiteFile(_ key: String, in content: URL, _ paths: ProjectPaths,
                                     fields: inout FieldReader) -> SiteFile? {
        guard let value = fields.string(key) else { return nil }
        let relative = value.value
        let parts = relative.split(separator: "/", omittingEmptySubsequences: true)
        guard !relative.hasPrefix("/"), !relative.hasPrefix("~"), !parts.contains(".."), !parts.isEmpty else {
            fields.report(.invalidValue, "'\(key)' should be a path inside Content/, like 'brand/\(key == "custom-css" ? "site.css" : "\(key).html")'; '\(relative)' leads outside it",
                          at: value.location)
            return nil
        }
        let url = content.appendingPathComponent(relative)
        let root = content.resolvingSymlinksInPath().standardizedFileURL.path
        let real = url.resolvingSymlinksInPath().standardizedFileURL.path
        let display = paths.display(url)
        guard real.hasPrefix(root.hasSuffix("/") ? root : root + "/") else {
            fields.report(.invalidValue, "'\(key)' names '\(display)', which is a link to a file outside Content/; copy the file into Content/ instead",
                          at: value.location)
            return nil
        }
        switch FileBytes.read(url.path, limit: FileBytes.Limit.siteFile) {
        case .success(let bytes):
            switch SourceText.decode(bytes: bytes, file: display) {
            case .success(let text): return SiteFile(file: display, text: text)
            case .failure(let diagnostic): fields.report(diagnostic.code, diagnostic.message, at: diagnostic.location)
            }
        case .failure(let failure):
            fields.report(failure == .missing ? .missingFile : .readFailed,
                          "'\(key)' names '\(display)', which could not be read: \(failure.explanation)", at: value.location)
        }
        return nil
    }

    /// `brand-color` and `accent-color`: each must be a colour, and every text and background pair it
    /// takes part in must pass WCAG 2.2 AA, or the build stops at its line.
    private static func readColours(_ palette: inout Palette, fields: inout FieldReader) {
        var written: [Palette.Source: Located<String>] = [:]
        for (key, source) in [("brand-color", Palette.Source.brand), ("accent-color", .accent)] {
            guard let value = fields.string(key) else { continue }
            guard let colour = RGBColor(hex: value.value) else {
                fields.report(.invalidValue, "'\(key)' should be a colour written #rrggbb or #rgb, like #1d5c4a, not '\(value.value)'",
                              at: value.location)
                continue
            }
            written[source] = value
            switch source {
            case .brand: palette.brand = colour
            case .accent: palette.link = colour
            }
        }
        for (source, value) in written.sorted(by: { $0.value.location < $1.value.location }) {
            let failing = palette.pairs.filter { $0.source == source && $0.ratio < $0.minimum }
            guard !failing.isEmpty else { continue }
            let key = source == .brand ? "brand-color" : "accent-color"
            let problems = failing.map { "\($0.what) is \(Palette.format(ratio: $0.ratio, below: $0.minimum)) (needs \($0.minimum == 3 ? "3" : "4.5"):1)" }
            fields.report(.lowContrast, "'\(key)' \(value.value) fails WCAG 2.2 AA contrast: \(problems.joined(separator: "; "))",
                          at: value.location)
        }
    }

    /// `strings:` — a text per key, read in one pass over the mapping (a full translation is a few
    /// hundred keys). A `{word}` the text does not take is an error: it would be shown as written.
    private static func readStrings(_ node: YAMLNode, into strings: inout UIStrings, fields: inout FieldReader) {
        guard case .mapping(let pairs) = node.content else {
            fields.report(.wrongType, "field 'strings' should be a set of 'key: text' lines", at: fields.location(of: node))
            return
        }
        let byName = Dictionary(uniqueKeysWithValues: UIText.allCases.map { ($0.rawValue, $0) })
        for pair in pairs {
            let name = pair.key.scalarText ?? ""
            guard let key = byName[name] else {
                fields.report(.unknownField, "unknown text '\(name)' in 'strings'\(didYouMean(name, in: byName.keys.sorted()))",
                              at: fields.location(of: pair.key), severity: .warning)
                continue
            }
            guard case .scalar(let raw, _) = pair.value.content, !raw.trimmingWhitespace.isEmpty else {
                fields.report(.wrongType, "the text '\(name)' should be a single piece of text", at: fields.location(of: pair.value))
                continue
            }
            let allowed = key.placeholders
            for case .placeholder(let used) in UIStrings.segments(of: raw) where !allowed.contains(used) {
                let takes = allowed.isEmpty ? "takes no {word}" : "takes " + allowed.map { "{\($0)}" }.joined(separator: ", ")
                fields.report(.invalidValue, "the text '\(name)' \(takes), not {\(used)}", at: fields.location(of: pair.value))
            }
            strings[key] = raw.trimmingWhitespace
        }
    }

    /// The display paths of the changed page files, if every changed path is a page file the last
    /// discovery found that still exists (an edit, not an addition, removal, rename or folder change)
    /// or a file outside `Content/` (seeds, which are always read). Otherwise nil: discover again.
}
