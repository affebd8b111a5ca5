import ContentModel
import Diagnostics
import Foundation
import Testing

/// The valid fixture built with `site.yml` changed: what each brand and chrome key does to the pages.
enum SettingsBuild {
    /// Copies the valid fixture, appends `siteYML` to its `site.yml` (after dropping the keys it sets
    /// again), writes `files` into the project, and builds it.
    static func build(siteYML: String, removing: [String] = [], files: [String: String] = [:], links: [String: URL] = [:]) throws -> BuiltSite {
        try withTemporaryFolder("salve-settings") { temp in
            let project = temp.appending("project")
            try FileTree.copy(Fixtures.validSite, to: project)
            try? FileManager.default.removeItem(at: project.appendingPathComponent("expected"))
            let siteFile = project.appendingPathComponent("Content/site.yml")
            let replaced = Set(removing.map { Substring($0) }).union(siteYML.split(separator: "\n").compactMap { line -> Substring? in
                guard let first = line.first, first != " ", first != "-", let colon = line.firstIndex(of: ":") else { return nil }
                return line[..<colon]
            })
            let kept = try String(contentsOf: siteFile, encoding: .utf8).split(separator: "\n", omittingEmptySubsequences: false)
                .filter { line in !replaced.contains(where: { line.hasPrefix($0 + ":") }) }
            try (kept.joined(separator: "\n") + "\n" + siteYML).write(to: siteFile, atomically: true, encoding: .utf8)
            try FileTree.write(files.mapValues { Data($0.utf8) }, to: project)
            for (path, target) in links {
                let link = project.appendingPathComponent(path)
                try FileManager.default.createDirectory(at: link.deletingLastPathComponent(), withIntermediateDirectories: true)
                try FileManager.default.createSymbolicLink(at: link, withDestinationURL: target)
            }
            return try BuiltSite.build(project, into: temp.appending("Output"))
        }
    }
}

@Suite struct UIStringsSettingTests {
    /// Words the English chrome shows; none may be left on a Spanish site.
    static let englishChrome = [
        "Skip to main content", ">Search<", ">Go<", "\">Published <", "Page last reviewed", "Next review due",
        ">References<", "Exercise card", "Take care", "Found in", "When to get help", "When to seek care",
        "Review pending", "minutes a ", "How often", "Warning signs", "Sources we use", "Conditions<",
        "Medical review", "Also called", "The plan, phase by phase", "Page not found", "aria-label=\"Reference ",
        "October 2025</time>", "November 2026</time>", "Nothing here yet", "publishes health information",
        "This page has moved", "Go to ",
    ]

    @Test func spanishChromeThroughout() throws {
        let site = try SettingsBuild.build(siteYML: "language: es\n")
        #expect(site.report.succeeded, "\(site.report.diagnostics.lines)")
        #expect(site.report.diagnostics.with(.untranslatedLanguage).isEmpty)
        #expect(site.htmlPages.count > 10)
        for path in site.htmlPages {
            let page = site.page(path)
            #expect(page.contains("<html lang=\"es\">"), "\(path)")
            #expect(page.contains("<a class=\"skip-link\" href=\"#main\">Saltar al contenido principal</a>"), "\(path)")
            // The search page's own text and script belong to the search feature, still in English.
            for english in Self.englishChrome where path != "search/index.html" || english != ">Search<" {
                #expect(!page.contains(english), "\(path) still says '\(english)'")
            }
        }
        let condition = site.page("conditions/low-back-pain/index.html")
        #expect(condition.contains("<p><strong>Revisión médica</strong> a cargo de <a href=\"../../experts/sam-okafor/\">Sam Okafor, MD</a>.</p>"))
        #expect(condition.contains("Próxima revisión prevista: <time datetime=\"2026-11-20\">20 de noviembre de 2026</time>."))
        #expect(condition.contains("<h2 id=\"care-title\">Cuándo pedir ayuda</h2>"))
        #expect(site.page("articles/easing-low-back-pain/index.html").contains(
            "<p class=\"meta\">Publicado el <time datetime=\"2025-10-02\">2 de octubre de 2025</time> · Sobre: <a href=\"../../conditions/low-back-pain/\">Low back pain</a></p>"))
        #expect(condition.contains("Consulte con un profesional de la salud"))
        // The activity is the content's own word: this fixture's program is written in English.
        #expect(site.page("programs/knee-walking-plan/index.html").contains("minutos por walk"))
        #expect(site.page("404.html").contains("<h1>Página no encontrada</h1>"))
    }

    @Test func aStringIsOverriddenAndStaysEscaped() throws {
        let site = try SettingsBuild.build(siteYML: """
            strings:
              skip-link: Jump to the <content>
              footer-note: "{site}, a clinic's library."

            """)
        #expect(site.report.diagnostics.with(.unknownField).isEmpty, "\(site.report.diagnostics.lines)")
        let home = site.page("index.html")
        #expect(home.contains("<a class=\"skip-link\" href=\"#main\">Jump to the &lt;content&gt;</a>"))
        #expect(home.contains("<p>Knee &amp; Back Library, a clinic&#39;s library.</p>") || home.contains("<p>Knee &amp; Back Library, a clinic's library.</p>"))
        #expect(!home.contains("Skip to main content"))
    }

    @Test func anUnknownKeyIsAWarningWithASuggestion() throws {
        let site = try SettingsBuild.build(siteYML: "strings:\n  skip-lnk: Jump\n  phase: \"Step {number}: {title}\"\n")
        let unknown = site.report.diagnostics.with(.unknownField)
        #expect(unknown.map(\.message) == ["unknown text 'skip-lnk' in 'strings' — did you mean 'skip-link'?"])
        #expect(unknown.first?.severity == .warning)
        #expect(unknown.first.map { ($0.location.file, $0.location.column) } ?? ("", nil) == ("Content/site.yml", 3))
        let invalid = site.report.diagnostics.with(.invalidValue)
        #expect(invalid.map(\.message) == ["the text 'phase' takes {number}, {name}, not {title}"])
        #expect(invalid.first?.location.column == 10)
        #expect(invalid.first?.location.line == (unknown.first?.location.line).map { $0 + 1 })
    }

    @Test func aLanguageWithoutBuiltInTextFallsBackToEnglishWithAWarning() throws {
        let site = try SettingsBuild.build(siteYML: "language: fr\n")
        let warnings = site.report.diagnostics.with(.untranslatedLanguage)
        #expect(warnings.count == 1)
        #expect(warnings.first?.severity == .warning)
        #expect(site.page("index.html").contains("<html lang=\"fr\">"))
        #expect(site.page("index.html").contains("Skip to main content"))
    }
}

@Suite struct BrandColourSettingTests {
    @Test func theStylesheetIsMadeFromTheColours() throws {
        let site = try SettingsBuild.build(siteYML: "brand-color: '#7a1f5c'\naccent-color: '#14c'\n")
        #expect(site.report.succeeded, "\(site.report.diagnostics.lines)")
        let css = site.page("assets/site.css")
        #expect(css.contains("  --brand: #7a1f5c;\n"))
        #expect(css.contains("  --link: #1144cc;\n"))
    }

    @Test func aFailingColourStopsTheBuild() throws {
        let site = try SettingsBuild.build(siteYML: "brand-color: '#8fbc8f'\n")
        #expect(!site.report.succeeded)
        #expect(site.report.diagnostics.with(.lowContrast).count == 1)
        #expect(site.files.isEmpty)
    }
}

@Suite struct SiteFileSettingTests {
    static let head = "<script async src=\"https://analytics.example/a.js\" data-site=\"clinic & co\"></script>\n"
    static let bodyEnd = "<div id=\"cookie-notice\">We use one cookie.</div>"

    @Test func customCSSIsItsOwnFileLinkedAfterTheBuiltInOne() throws {
        let site = try SettingsBuild.build(siteYML: "custom-css: brand/clinic.css\n",
                                           files: ["Content/brand/clinic.css": ".site-name { letter-spacing: 0.02em; }\n"])
        #expect(site.report.succeeded, "\(site.report.diagnostics.lines)")
        #expect(site.report.diagnostics.all.filter { $0.code == .strayFile }.isEmpty)
        #expect(site.page("assets/custom.css") == ".site-name { letter-spacing: 0.02em; }\n")
        #expect(site.page("articles/easing-low-back-pain/index.html").contains(
            "<link rel=\"stylesheet\" href=\"../../assets/site.css\">\n<link rel=\"stylesheet\" href=\"../../assets/custom.css\">\n"))
        // Without the key, no link and no file.
        let plain = try SettingsBuild.build(siteYML: "", removing: ["custom-css"])
        #expect(plain.report.succeeded)
        #expect(plain.files["assets/custom.css"] == nil)
        #expect(!plain.page("index.html").contains("custom.css"))
    }

    @Test func headAndBodyEndHTMLGoVerbatimIntoEveryPage() throws {
        let site = try SettingsBuild.build(siteYML: "head-html: brand/head.html\nbody-end-html: brand/cookies.html\n",
                                           files: ["Content/brand/head.html": Self.head, "Content/brand/cookies.html": Self.bodyEnd])
        #expect(site.report.succeeded, "\(site.report.diagnostics.lines)")
        // The fixture's own body-end file is no longer named, so it alone is stray.
        #expect(site.report.diagnostics.all.filter { $0.code == .strayFile }.map(\.location.file) == ["Content/brand/body-end.html"])
        #expect(site.files["brand/head.html"] == nil && site.files["brand/cookies.html"] == nil)
        for path in site.htmlPages where !path.hasPrefix("conditions/sciatic") {
            let page = site.page(path)
            guard page.contains("<main") else { continue }   // redirect pages have no chrome
            #expect(page.contains(Self.head + "</head>"), "\(path)")
            #expect(page.contains("</footer>\n" + Self.bodyEnd + "\n</body>"), "\(path)")
        }
    }

    @Test func aMissingFileIsAnErrorAtItsKey() throws {
        let site = try SettingsBuild.build(siteYML: "custom-css: brand/missing.css\n")
        let errors = site.report.diagnostics.all.filter { $0.code == .missingFile }
        #expect(errors.map(\.message) == ["'custom-css' names 'Content/brand/missing.css', which could not be read: it does not exist"])
        #expect(errors.first?.location.file == "Content/site.yml" && errors.first?.location.column == 13)
        #expect(!site.report.succeeded)
    }

    @Test func pathsOutsideContentAreRefused() throws {
        for path in ["../seeds/references.json", "/etc/hostname", "brand/../../seeds/references.json"] {
            let site = try SettingsBuild.build(siteYML: "head-html: \(path)\n")
            #expect(site.report.diagnostics.all.filter { $0.code == .invalidValue }.map(\.message)
                    == ["'head-html' should be a path inside Content/, like 'brand/head-html.html'; '\(path)' leads outside it"], "\(path)")
        }
    }

    @Test func aLinkOutOfContentIsRefused() throws {
        try withTemporaryFolder("salve-outside") { outside in
            let secret = outside.appending("secret.html")
            try "<p>secret</p>".write(to: secret, atomically: true, encoding: .utf8)
            let site = try SettingsBuild.build(siteYML: "body-end-html: brand/linked.html\n", links: ["Content/brand/linked.html": secret])
            #expect(site.report.diagnostics.all.filter { $0.code == .invalidValue }.map(\.message)
                    == ["'body-end-html' names 'Content/brand/linked.html', which is a link to a file outside Content/; copy the file into Content/ instead"])
            #expect(!site.report.succeeded)
        }
    }

    @Test func anOversizedFileIsRefused() throws {
        let big = String(repeating: "<!-- padding -->\n", count: 70_000)
        let site = try SettingsBuild.build(siteYML: "head-html: brand/big.html\n", files: ["Content/brand/big.html": big])
        let errors = site.report.diagnostics.all.filter { $0.code == .readFailed }
        #expect(errors.count == 1)
        #expect(errors.first?.message.contains("more than the 1 MiB a file of this kind may hold") == true, "\(errors)")
    }
}

@Suite struct MenuSettingTests {
    static let menus = """
        menus:
          header:
            - title: Knee pain
              url: conditions/knee-osteoarthritis.md
            - title: All conditions
              url: /conditions/
            - title: Book a visit
              url: https://clinic.example/book?from=site&lang=en
          footer:
            - title: How we write
              url: articles/easing-low-back-pain.md#what-helps
            - title: Sources
              url: /references/
            - title: Call us
              url: "tel:+441234567890"

        """

    @Test func headerAndFooterMenusAreRenderedWithTheCurrentPageMarked() throws {
        let site = try SettingsBuild.build(siteYML: Self.menus)
        #expect(site.report.succeeded, "\(site.report.diagnostics.lines)")
        #expect(site.report.diagnostics.all.filter { $0.location.file == "Content/site.yml" }.isEmpty,
                "\(site.report.diagnostics.lines)")
        let condition = site.page("conditions/knee-osteoarthritis/index.html")
        #expect(condition.contains("""
            <nav aria-label="Main">
            <ul><li><a href="../../conditions/knee-osteoarthritis/" aria-current="page">Knee pain</a></li><li><a href="../../conditions/">All conditions</a></li>\
            <li><a href="https://clinic.example/book?from=site&amp;lang=en">Book a visit</a></li><li><a href="../../about/">About this fixture site</a></li></ul>
            </nav>
            """))
        #expect(condition.contains("""
            <nav aria-label="More about this site">
            <ul><li><a href="../../articles/easing-low-back-pain/#what-helps">How we write</a></li>\
            <li><a href="../../references/">Sources</a></li><li><a href="tel:+441234567890">Call us</a></li>\
            <li><a href="../../about/">About this fixture site</a></li><li><a href="../../about/team/">Our team</a></li></ul>
            </nav>
            """))
        // The built-in lists are no longer in the header; the list page marks its own link.
        #expect(!condition.contains(">Exercises</a>"))
        #expect(site.page("conditions/index.html").contains("<a href=\"../conditions/\" aria-current=\"page\">All conditions</a>"))
        #expect(site.page("references/index.html").contains("<a href=\"../references/\" aria-current=\"page\">Sources</a>"))
    }

    @Test func withoutMenusInSiteYMLTheHeaderListsTheBuiltInKindsAndThePagesThatAskToBeThere() throws {
        let page = try BuiltSite.valid().page("exercises/index.html")
        #expect(page.contains("<li><a href=\"../exercises/\" aria-current=\"page\">Exercises</a></li>"))
        #expect(page.contains("<li><a href=\"../references/\">References</a></li><li><a href=\"../about/\">About this fixture site</a></li></ul>"))
        // The footer menu holds only the plain pages that name it, by weight.
        #expect(page.contains("""
            <nav aria-label="More about this site">
            <ul><li><a href="../about/">About this fixture site</a></li><li><a href="../about/team/">Our team</a></li></ul>
            """))
        #expect(try BuiltSite.valid().page("about/team/index.html").contains("<a href=\"../../about/team/\" aria-current=\"page\">Our team</a>"))
    }

    @Test func brokenMenuLinksAreErrorsAtTheirURL() throws {
        let site = try SettingsBuild.build(siteYML: """
            menus:
              footer:
                - title: Gone
                  url: conditions/no-such-page.md
                - title: Odd
                  url: /about-us/
                - title: Script
                  url: "javascript:alert(1)"
                - title: Typo
                  link: /references/
                  url: /references/

            """)
        let broken = site.report.diagnostics.all.filter { $0.code == .brokenLink && $0.location.file == "Content/site.yml" }
        #expect(Set(broken.map(\.message)) == [
            "the menu link 'javascript:alert(1)' is not a page, a list or a web address; write a page by its file in Content/ (conditions/knee-pain.md), a list (/, /conditions/, /references/, /search/), or a full address (https://…)",
            "the menu link '/about-us/' is not a page, a list or a web address; write a page by its file in Content/ (conditions/knee-pain.md), a list (/, /conditions/, /references/, /search/), or a full address (https://…)",
            "the menu link to 'conditions/no-such-page.md' points to Content/conditions/no-such-page.md, which does not exist or is not published",
        ])
        #expect(broken.allSatisfy { $0.location.column == 12 })
        let unknown = site.report.diagnostics.all.filter { $0.code == .unknownField }
        #expect(unknown.map(\.message) == ["unknown field 'link'"])
        #expect(!site.report.succeeded)
    }
}

extension DiagnosticList {
    fileprivate func with(_ code: DiagnosticCode) -> [Diagnostic] { sorted.filter { $0.code == code } }
}
