import ContentModel

/// The site's one stylesheet: responsive without JavaScript; WCAG AA contrast (body text 16.6:1, links
/// 7.4:1, muted text 7.6:1 on white; every text/background pair is checked in TemplatesTests, and the
/// pairs `site.yml`'s colours take part in are checked when it is loaded), visible focus, 24 px minimum
/// targets, and a print layout that turns an exercise card into a one-page handout.
public enum Stylesheet {
    public static let fileName = "site.css"
    /// `site.yml`'s `custom-css`, written as its own file and linked after the built-in one, so its
    /// rules win and the built-in stylesheet stays the same for every site.
    public static let customFileName = "custom.css"

    /// With the default colours.
    public static var css: String { css(for: Palette()) }

    public static func css(for palette: Palette) -> String {
        """
        :root {
          --ink: \(Palette.ink);
          --muted: \(Palette.muted);
          --paper: \(Palette.paper);
          --tint: \(Palette.tint);
          --line: #c9d3cf;
          --brand: \(palette.brand);
          --link: \(palette.link);
          --focus: #b84a00;
          --warn-bg: \(Palette.warnBackground);
          --warn-line: #a35a00;
          --care-bg: \(Palette.careBackground);
          --care-line: #a32424;
          --mark: \(Palette.mark);
          --measure: 42rem;
        }
        *, *::before, *::after { box-sizing: border-box; }
        html { font-size: 112.5%; -webkit-text-size-adjust: 100%; }
        body { margin: 0; font-family: system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif;
          line-height: 1.6; color: var(--ink); background: var(--paper); }
        .wrap { max-width: 60rem; margin: 0 auto; padding: 0 1.25rem; }
        a { color: var(--link); text-underline-offset: 0.15em; }
        a:hover { text-decoration-thickness: 2px; }
        :focus-visible { outline: 3px solid var(--focus); outline-offset: 2px; }
        .skip-link { position: absolute; left: -999px; top: 0.5rem; background: var(--paper); padding: 0.5rem 1rem; z-index: 10; }
        .skip-link:focus { left: 0.5rem; }
        .site-header { background: var(--brand); color: #fff; }
        .site-header .wrap { display: flex; flex-wrap: wrap; align-items: center; justify-content: space-between; gap: 0.5rem 1.5rem; padding-block: 0.75rem; }
        .site-name { color: #fff; font-weight: 700; font-size: 1.15rem; text-decoration: none; min-height: 24px; display: inline-block; }
        .site-header nav ul { list-style: none; margin: 0; padding: 0; display: flex; flex-wrap: wrap; gap: 0.25rem 1rem; }
        .site-header nav a { color: #fff; display: inline-block; min-height: 24px; min-width: 24px; padding: 0.25rem 0; }
        .site-header nav a[aria-current="page"] { text-decoration-thickness: 3px; }
        .site-header :focus-visible { outline-color: \(Palette.headerFocus); }
        .site-search { display: flex; align-items: center; gap: 0.4rem; }
        .site-search label { font-size: 0.9rem; }
        .site-search input, .search-page input { font: inherit; padding: 0.25rem 0.5rem; min-height: 32px; border: 1px solid var(--line); border-radius: 4px; width: 10rem; }
        .site-search button, .search-page button { font: inherit; min-height: 32px; padding: 0.25rem 0.75rem; border-radius: 4px; border: 1px solid #fff; background: #fff; color: var(--brand); font-weight: 700; cursor: pointer; }
        .search-page { display: flex; flex-wrap: wrap; gap: 0.5rem; align-items: center; }
        .search-page label { flex-basis: 100%; font-weight: 600; }
        .search-page input { width: min(24rem, 100%); }
        .search-page button { border-color: var(--brand); background: var(--brand); color: #fff; }
        .js .search-page button { display: none; }
        .page-search main { min-height: 100vh; }
        .search-status { min-height: 1.6em; margin: 0.75rem 0 0.25rem; }
        .search-results li { margin: 0.75rem 0; }
        .search-results mark { background: var(--mark); color: var(--ink); border-radius: 2px; }
        .search-results a mark { color: var(--link); }
        .search-more { font: inherit; min-height: 32px; padding: 0.25rem 0.75rem; border-radius: 4px; border: 1px solid var(--brand); background: var(--paper); color: var(--brand); font-weight: 700; cursor: pointer; }
        .search-results a { font-weight: 600; }
        .result-kind { font-size: 0.8rem; font-weight: 700; text-transform: uppercase; letter-spacing: 0.05em; color: var(--brand); }
        .search-results p { margin: 0.2rem 0; color: var(--muted); }
        .page-review-dates { border-top: 1px solid var(--line); margin-top: 2rem; color: var(--muted); font-size: 0.95rem; }
        main { padding-block: 1.5rem 3rem; }
        main > *, article > * { max-width: var(--measure); }
        img { max-width: 100%; height: auto; }
        .download-meta { color: var(--muted); white-space: nowrap; }
        .page-image { margin: 0 0 1.25rem; }
        .site-logo { height: 2.5rem; width: auto; vertical-align: middle; margin-right: 0.5rem; }
        .page-image figcaption, .credit { color: var(--muted); font-size: 0.9rem; margin-top: 0.25rem; }
        .card-images { display: flex; flex-wrap: wrap; gap: 1rem; margin: 1rem 0; }
        .card-images figure { flex: 1 1 14rem; margin: 0; }
        .card-images figcaption { color: var(--muted); font-size: 0.95rem; margin-top: 0.25rem; }
        .video-facade iframe, .card-video video, .video-cover { width: 100%; aspect-ratio: 16 / 9; border: 0; display: block; }
        .video-cover { position: relative; background: var(--ink); color: #fff; overflow: hidden; }
        .video-cover img { width: 100%; height: 100%; object-fit: cover; }
        .video-title { position: absolute; inset: 1rem; font-size: 1.25rem; font-weight: 700; }
        .video-play { position: absolute; left: 50%; top: 50%; transform: translate(-50%, -50%); font: inherit; font-weight: 700; padding: 0.75rem 1.25rem; border: 2px solid #fff; border-radius: 2rem; background: var(--brand); color: #fff; cursor: pointer; }
        .video-note { color: var(--muted); font-size: 0.9rem; }
        .thumb { display: inline-block; width: 6rem; margin-right: 0.75rem; vertical-align: middle; }
        .thumb img { display: block; width: 6rem; height: auto; border-radius: 0.25rem; }
        h1, h2, h3 { line-height: 1.25; color: var(--ink); }
        h1 { font-size: 2rem; margin: 0.25rem 0 0.75rem; }
        h2 { font-size: 1.4rem; margin-top: 2rem; }
        h3 { font-size: 1.15rem; }
        .kind { text-transform: uppercase; letter-spacing: 0.06em; font-size: 0.8rem; font-weight: 700; color: var(--brand); margin: 0; }
        .lede { font-size: 1.15rem; }
        .meta, .note, .synonyms { color: var(--muted); }
        .draft-banner { background: var(--warn-bg); border-left: 6px solid var(--warn-line); padding: 0.5rem 1rem; }
        .review { border: 1px solid var(--line); background: var(--tint); border-radius: 6px; padding: 0.5rem 1rem; margin: 1rem 0; }
        .review p { margin: 0.25rem 0; }
        .review-pending { background: var(--warn-bg); border-color: var(--warn-line); }
        .seek-care, .care { background: var(--care-bg); border-left: 6px solid var(--care-line); border-radius: 4px; padding: 0.25rem 1.25rem 0.75rem; margin: 1.5rem 0; }
        .care h2, .seek-care h2 { margin-top: 0.75rem; }
        .disclaimer { font-size: 0.9rem; color: var(--muted); border-top: 1px solid var(--line); padding-top: 0.75rem; }
        .facts { display: grid; grid-template-columns: repeat(auto-fit, minmax(11rem, 1fr)); gap: 0.5rem 1rem; margin: 1rem 0; padding: 0; }
        .facts div { background: var(--tint); border-radius: 6px; padding: 0.5rem 0.75rem; }
        .facts dt { font-size: 0.85rem; color: var(--muted); font-weight: 600; }
        .facts dd { margin: 0; }
        .card-list, .link-list { padding-left: 1.25rem; }
        .card-list li, .link-list li { margin: 0.5rem 0; }
        .card-list a, .link-list a { font-weight: 600; display: inline-block; min-height: 24px; }
        .card-list .note, .link-list .note { display: block; }
        .card-embed { border: 2px solid var(--line); border-radius: 8px; padding: 0.75rem 1.25rem; margin: 1.5rem 0; background: var(--paper); }
        .card-embed h3 { margin: 0.25rem 0 0.5rem; }
        .steps ol, .card-embed ol { padding-left: 1.5rem; }
        .steps li, .card-embed li { margin: 0.4rem 0; }
        .cautions { border-left: 6px solid var(--warn-line); background: var(--warn-bg); padding: 0.25rem 1rem; border-radius: 4px; }
        .phases { list-style: none; padding: 0; }
        .phase { border: 1px solid var(--line); border-radius: 8px; padding: 0.5rem 1.25rem; margin: 1rem 0; }
        sup.citation { font-size: 0.75em; line-height: 0; }
        sup.citation a { padding: 0 0.1em; }
        .references { font-size: 0.95rem; border-top: 1px solid var(--line); margin-top: 2rem; }
        .references li, .reference-index li { margin: 0.4rem 0; overflow-wrap: anywhere; }
        .references li:target, .reference-index li:target { background: var(--warn-bg); }
        .table-scroll { max-width: 100%; overflow-x: auto; margin: 1.25rem 0; }
        .table-scroll table { border-collapse: collapse; }
        .table-scroll caption { caption-side: top; text-align: left; font-weight: 600; padding-bottom: 0.35rem; }
        .table-scroll th, .table-scroll td { border: 1px solid var(--line); padding: 0.35rem 0.6rem; text-align: left; vertical-align: top; }
        .table-scroll thead th { background: var(--tint); }
        .table-scroll .align-center { text-align: center; }
        .table-scroll .align-right { text-align: right; }
        .site-footer { border-top: 1px solid var(--line); background: var(--tint); font-size: 0.95rem; }
        .site-footer .wrap { padding-block: 1rem; }
        .site-footer nav ul { list-style: none; margin: 0 0 0.75rem; padding: 0; display: flex; flex-wrap: wrap; gap: 0.25rem 1.25rem; }
        .site-footer nav a { display: inline-block; min-height: 24px; min-width: 24px; padding: 0.25rem 0; }
        .site-footer nav a[aria-current="page"] { text-decoration-thickness: 3px; }
        @media (max-width: 30rem) {
          html { font-size: 106.25%; }
          h1 { font-size: 1.6rem; }
        }
        @media print {
          @page { margin: 1.2cm 1.4cm; }
          html { font-size: 10pt; }
          body { color: #000; line-height: 1.35; }
          .site-header nav, .site-search, .skip-link, .site-footer, .used-in, .all-references, .card-link, .care ul { display: none; }
          .site-header { background: none; color: #000; border-bottom: 1px solid #000; }
          .site-header .wrap { padding-block: 0 0.25rem; }
          .site-name { color: #000; }
          main { padding: 0; }
          main > *, article > * { max-width: none; }
          img { max-height: 5.5cm; width: auto; break-inside: avoid; }
          .card-images { flex-wrap: nowrap; gap: 0.5cm; margin: 0.3rem 0; break-inside: avoid; }
          .card-images figure { flex: 1 1 0; }
          .card-images img { max-height: 4cm; }
          /* A card's step drawings beside its list of steps, so the handout fits one page. */
          .steps.prose { display: grid; grid-template-columns: minmax(0, 1fr) auto; column-gap: 0.6cm; grid-auto-flow: row dense; align-items: start; }
          .steps.prose > * { grid-column: 1 / -1; }
          .steps.prose > p:has(> img:only-child), .steps.prose > p:has(> picture:only-child) { grid-column: 2; margin: 0 0 0.3cm; }
          .steps.prose > ol, .steps.prose > ul { grid-column: 1; grid-row: span 2; }
          .steps.prose img { max-height: 3.2cm; }
          .page-image, .thumb, .card-video { display: none; }
          a { color: #000; text-decoration: none; }
          h1 { font-size: 1.7rem; margin: 0.1rem 0 0.3rem; }
          h2 { font-size: 1.15rem; margin: 0.8rem 0 0.3rem; break-after: avoid; }
          p, ul, ol { margin: 0.3rem 0; }
          .facts { margin: 0.4rem 0; gap: 0.25rem 0.75rem; }
          .facts div { padding: 0.15rem 0.5rem; }
          .review, .facts div, .cautions, .care, .seek-care { background: none; border-color: #000; }
          .review { padding: 0.2rem 0.6rem; margin: 0.5rem 0; }
          .care, .seek-care { padding: 0.1rem 0.8rem 0.3rem; margin: 0.6rem 0; }
          .care h2 { font-size: 1rem; margin-top: 0.3rem; }
          .disclaimer { font-size: 8pt; padding-top: 0.3rem; }
          .references { font-size: 8pt; margin-top: 0.6rem; }
          .references h2 { font-size: 0.95rem; }
          .steps li, .phase, .card-embed, .cautions, .facts { break-inside: avoid; }
          .table-scroll { overflow: visible; }
          .table-scroll tr { break-inside: avoid; }
          .table-scroll thead th { background: none; }
        }

        """
    }
}
