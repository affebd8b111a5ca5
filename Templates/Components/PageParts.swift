import ContentModel

/// Small pieces shared by several page templates.
public enum PageParts {
    /// Who reviewed the page and when, or a plain statement that the review is pending.
    public static func reviewBox(_ review: Review, graph: ContentGraph, linker: Linker) -> HTML {
        let strings = graph.site.strings
        switch review {
        case .pending(let note, _):
            let extra: HTML = note.map { " \($0)" } ?? ""
            return """
                <aside class="review review-pending" id="\(SectionAnchor.review)" aria-label="\(strings[.reviewStatus])">
                <p><strong>\(strings[.reviewPending])</strong> \(strings(.reviewPendingNote, ["site": graph.site.title]))\(extra)</p>
                </aside>

                """
        case .reviewed(let done):
            let who: HTML
            if let expert = graph.expert(done.reviewer.value) {
                who = "<a href=\"\(linker.href(expert.ref))\">\(expert.heading)</a>"
            } else {
                who = .text(done.reviewer.value.rawValue)
            }
            return """
                <aside class="review" id="\(SectionAnchor.review)" aria-label="\(strings[.reviewStatus])">
                <p>\(strings.html(.reviewedBy, ["role": "<strong>\(strings.label(done.role))</strong>", "reviewer": who]))</p>
                <p>\(strings.html(.pageLastReviewed, ["date": strings.time(done.date)])).
                \(strings.html(.nextReviewDue, ["date": strings.time(done.nextDue)])).</p>
                </aside>

                """
        }
    }

    /// The educational-use disclaimer and when to get care; on every page.
    public static func careAndDisclaimer(site: SiteConfig, seekCareLinks: [(title: String, href: String)]) -> HTML {
        var links = HTML.empty
        if !seekCareLinks.isEmpty {
            let items: [HTML] = seekCareLinks.map { "<li><a href=\"\($0.href)\">\(site.strings(.warningSigns, ["condition": $0.title]))</a></li>" }
            links = "<ul>\(items)</ul>"
        }
        return """
            <aside class="care" aria-labelledby="care-title">
            <h2 id="care-title">\(site.strings[.whenToGetHelp])</h2>
            <p>\(site.careAdvice)</p>
            \(links)</aside>
            <p class="disclaimer">\(site.disclaimer)</p>

            """
    }

    /// A definition list of labelled facts, skipping empty ones.
    public static func facts(_ rows: [(String, String)], class name: String = "facts") -> HTML {
        let filled = rows.filter { !$0.1.isEmpty }
        guard !filled.isEmpty else { return .empty }
        let items: [HTML] = filled.map { "<div><dt>\($0.0)</dt><dd>\($0.1)</dd></div>" }
        return "<dl class=\"\(name)\">\(items)</dl>\n"
    }

    /// A list of links to pages.
    /// - Parameter thumbs: a thumbnail for each link, same order (``PictureMarkup/thumbnail``), or none.
    public static func linkList(_ links: [(title: String, href: String, note: String?)], thumbs: [HTML] = [],
                                class name: String = "link-list") -> HTML {
        guard !links.isEmpty else { return .empty }
        let items: [HTML] = links.indices.map { index in
            let link = links[index]
            let note: HTML = link.note.map { " <span class=\"note\">\($0)</span>" } ?? ""
            let thumb = thumbs.indices.contains(index) ? thumbs[index] : .empty
            return "<li>\(thumb)<a href=\"\(link.href)\">\(link.title)</a>\(note)</li>\n"
        }
        return "<ul class=\"\(name)\">\n\(items)</ul>\n"
    }

    /// "Draft" banner, shown only when drafts are built.
    public static func draftBanner(_ isDraft: Bool, strings: UIStrings) -> HTML {
        isDraft ? "<p class=\"draft-banner\"><strong>\(strings[.draft])</strong> \(strings[.draftNote])</p>\n" : .empty
    }
}
