import ContentModel

/// One file of the starter site, by its path inside the new site's folder.
public struct StarterFile: Sendable {
    public var path: String
    public var text: String
}

/// The starter site `salve init` writes: settings with every key explained, one page of each kind
/// linked to each other, a placeholder bibliography entry the pages cite, and the CI workflow.
///
/// All of it is placeholder text marked `TODO`, never health advice: the one reference is a stand-in
/// to replace with a real source, the expert is no real person, and every review is pending (the
/// starter records no review that did not happen).
public enum SiteTemplate {
    public static let citation = "example-source"
    public static let condition = Slug("example-condition")!
    public static let article = Slug("example-article")!
    public static let exercise = Slug("example-exercise")!
    public static let expert = Slug("example-expert")!
    public static let aboutPage = "about"

    public static func files(today: Day) -> [StarterFile] {
        let links = PageLinks(condition: condition, expert: expert, citation: citation, exercise: exercise, today: today)
        return [
            StarterFile(path: "Content/site.yml", text: siteSettings),
            StarterFile(path: "Content/conditions/\(condition).md", text: PageTemplates.text(for: .condition, links: links)),
            StarterFile(path: "Content/articles/\(article).md", text: PageTemplates.text(for: .article, links: links)),
            StarterFile(path: "Content/exercises/\(exercise).md", text: PageTemplates.text(for: .exercise, links: links)),
            StarterFile(path: "Content/experts/\(expert).md", text: PageTemplates.text(for: .expert, links: links)),
            StarterFile(path: "Content/pages/\(aboutPage).md", text: about),
            StarterFile(path: "seeds/references.json", text: references(today: today)),
            StarterFile(path: ".gitignore", text: gitignore),
            StarterFile(path: ".github/workflows/salve.yml", text: workflow),
        ]
    }

    static let siteSettings = """
        # The site's settings. Lines starting with # are comments: each says what the key under it does.
        # Placeholders are reported by `salve check` until you replace them.

        # The site's name, shown on every page (required).
        title: "TODO: your site's name"

        # Where the site is published: an https:// address ending in / (required).
        base-url: https://example.org/  # TODO: your site's address

        # The language of the pages, as a BCP 47 tag such as en or es.
        language: en

        # One line about the site, for search engines and link previews.
        description: "TODO: one line about the site"

        # Months from a review to the next one due, when a review does not give its own next-due date.
        review-interval-months: 12

        # Let raw HTML in page bodies through. Leave it false unless you trust every author's HTML.
        allow-raw-html: false

        # The Flesch-Kincaid grade pages should not go above; salve check warns about pages above it.
        target-grade: 8

        # How reference lists are written: ama (AMA Manual of Style) or vancouver (NLM's Citing Medicine).
        citation-style: ama

        # An email address the DOI, Crossref and PubMed services may write to about the requests of
        # `salve check --online` and `salve cite add`. Remove the # to use it.
        # contact-email: editor@example.org

        # Your own wording for the disclaimer at the foot of every page, instead of the default one.
        # disclaimer: Your disclaimer, in plain words.

        # Your own wording for the "when to seek care" sentence on every page, instead of the default.
        # care-advice: Your advice on when to get help, in plain words.

        # Your brand: the header's colour and the links' colour, in quotes. Salve checks that text on
        # them is easy to read (WCAG 2.2 AA contrast) and stops the build if it is not.
        # brand-color: '#1d5c4a'
        # accent-color: '#0b5a8a'

        # Links in the header and footer. Pages in Content/pages/ can also add themselves with `menu:`.
        # menus:
        #   footer:
        #     - title: About us
        #       url: pages/about.md

        # The site's icon and the logo in the header, from Content/media/ or Content/static/.
        # favicon: static/favicon.ico
        # logo: {src: media/brand/logo.svg}

        # Your own stylesheet, added after Salve's own on every page.
        # custom-css: brand/site.css

        # HTML files copied as they are into every page (analytics, a cookie notice). Only use code you trust.
        # head-html: brand/head.html
        # body-end-html: brand/body-end.html

        # Your own wording for any text Salve adds to pages (see the README for every name).
        # strings:
        #   footer-sources: Our sources

        """

    static let about: String = """
        ---
        title: About this site
        summary: "TODO: one sentence on who runs this site"
        menu: footer            # header, footer or [header, footer]; remove the line to leave the page out of the menus
        # weight: 10            orders the menu: lower numbers first
        page-type: about        # page, about or contact: what the page tells search engines it is
        # updated: YYYY-MM-DD
        # draft: true           keeps the page out of the site until you remove it
        \(PageTemplates.commonOptionalLines)\(PageTemplates.plainReviewLine)---
        TODO: Say who runs this site, who writes and reviews the pages, and how to get in touch.

        """

    /// A stand-in entry with a real shape (a web page: title, site, address, date read), so the
    /// pages' citations resolve; its text says it is a placeholder.
    static func references(today: Day) -> String {
        """
        [
          {
            "id": "\(citation)",
            "type": "webpage",
            "title": "TODO: the title of a source you cite, as it is written there",
            "container-title": "TODO: the website or publisher",
            "URL": "https://example.org/",
            "accessed": {"date-parts": [[\(today.year), \(today.month), \(today.day)]]},
            "note": "TODO: replace this entry with a real source. 'salve cite add' adds a paper from its DOI or PMID."
          }
        ]

        """
    }

    static let gitignore = """
        # The built site, a build's leftovers, caches, and Salve's own build (CI)
        /Output/
        /.Output.staging-*/
        /.salve-cache/
        /.build/
        /.salve/
        /.salve-bin/
        salve.sarif

        """

    /// GitHub Actions: Salve built once per Salve commit and cached, then the content checked, with
    /// annotations on pull requests and SARIF for code scanning.
    static let workflow = """
        # Checks the content on every push and pull request: findings appear as annotations on the pull
        # request and in the repository's code scanning alerts (SARIF). Salve is built from source once
        # per Salve commit; later runs take the built program from the cache.
        name: Salve

        on:
          push:
          pull_request:

        permissions:
          contents: read
          security-events: write     # to upload SARIF (private repositories need GitHub code scanning)

        env:
          SALVE_REPOSITORY: salve-health/salve
          SALVE_REF: main            # a tag or a commit pins the version of Salve

        jobs:
          check:
            runs-on: ubuntu-24.04
            container: swift:6.3-noble    # the Swift release Salve is developed with
            steps:
              - name: Install the libraries Salve uses
                run: apt-get update && apt-get install -y --no-install-recommends git libcmark-dev libyaml-dev

              - uses: actions/checkout@v4

              - name: Get Salve's source
                uses: actions/checkout@v4
                with:
                  repository: ${{ env.SALVE_REPOSITORY }}
                  ref: ${{ env.SALVE_REF }}
                  path: .salve

              - name: Find Salve's commit
                id: salve
                run: echo "commit=$(git -C .salve rev-parse HEAD)" >> "$GITHUB_OUTPUT"

              - name: Reuse Salve built for this commit
                id: cache
                uses: actions/cache@v4
                with:
                  path: .salve-bin
                  key: salve-${{ runner.os }}-swift-6.3-${{ steps.salve.outputs.commit }}

              - name: Build Salve
                if: steps.cache.outputs.cache-hit != 'true'
                run: |
                  swift build -c release --package-path .salve --product salve
                  mkdir -p .salve-bin
                  cp "$(swift build -c release --package-path .salve --show-bin-path)/salve" .salve-bin/

              - name: Check the content (SARIF)
                run: .salve-bin/salve check --format sarif > salve.sarif || true

              - name: Upload SARIF to code scanning
                if: always()
                uses: github/codeql-action/upload-sarif@v3
                with:
                  sarif_file: salve.sarif
                  category: salve

              # Fails the job on errors. Add --strict to fail on warnings too (placeholders, overdue
              # reviews), for example on the branch you publish from.
              - name: Check the content
                run: .salve-bin/salve check --format github

        """
}
