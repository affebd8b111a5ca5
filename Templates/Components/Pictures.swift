import ContentModel

/// The markup of pictures from `Content/media/`, shared by bodies and front matter `image`.
public enum PictureMarkup {
    /// Bodies are at most the text column wide (`--measure`, 42rem), the full width on a phone.
    public static let columnSizes = "(min-width: 45rem) 42rem, 100vw"
    /// An index entry's thumbnail (`.thumb` in the stylesheet).
    public static let thumbnailSizes = "6rem"

    /// A `<picture>` with WebP variants and the original format as fallback, with the intrinsic width
    /// and height (no layout shift) and the alt text (empty only when written so). `lazy` for what is
    /// below the first screen: a page's own picture at the top is loaded at once.
    public static func picture(_ image: MediaImage, alt: String, title: String = "", linker: Linker,
                               sizes: String = columnSizes, lazy: Bool = true) -> HTML {
        func srcset(_ variants: [(path: String, width: Int)]) -> String {
            variants.map { "\(linker.file($0.path)) \($0.width)w" }.joined(separator: ", ")
        }
        let fallback = image.fallback.isEmpty ? image.webp : image.fallback
        let largest = fallback.last.map { linker.file($0.path) } ?? ""
        var html: HTML = "<picture>"
        if !image.fallback.isEmpty {
            html += "<source type=\"image/webp\" srcset=\"\(srcset(image.webp))\" sizes=\"\(sizes)\">"
        }
        html += "<img src=\"\(largest)\" srcset=\"\(srcset(fallback))\" sizes=\"\(sizes)\" width=\"\(image.width)\" height=\"\(image.height)\" alt=\"\(alt)\""
        if !title.isEmpty { html += " title=\"\(title)\"" }
        html += lazy ? " loading=\"lazy\" decoding=\"async\"></picture>" : " decoding=\"async\"></picture>"
        return html
    }

    /// An SVG drawing, with its size when the file states one.
    public static func vector(path: String, width: Int?, height: Int?, alt: String, title: String = "",
                              linker: Linker, lazy: Bool = true) -> HTML {
        var html: HTML = "<img src=\"\(linker.file(path))\""
        if let width, let height { html += " width=\"\(width)\" height=\"\(height)\"" }
        html += " alt=\"\(alt)\""
        if !title.isEmpty { html += " title=\"\(title)\"" }
        html += lazy ? " loading=\"lazy\" decoding=\"async\">" : " decoding=\"async\">"
        return html
    }

    /// A picture from the library at `path`, or nothing when it is not an image there (a missing
    /// file is an error at load).
    public static func image(_ path: String, alt: String, library: MediaLibrary, linker: Linker,
                             sizes: String = columnSizes, lazy: Bool) -> HTML {
        switch library[path] {
        case .image(let image)?: picture(image, alt: alt, linker: linker, sizes: sizes, lazy: lazy)
        case .vector(let width, let height)?: vector(path: path, width: width, height: height, alt: alt, linker: linker, lazy: lazy)
        case .file?, nil: .empty
        }
    }

    /// A page's own picture under its heading, with its credit: the first screen, so not lazy.
    public static func pageFigure(_ image: PageImage?, graph: ContentGraph, linker: Linker) -> HTML {
        guard let image else { return .empty }
        let picture = Self.image(image.path, alt: image.alt, library: graph.media, linker: linker, lazy: false)
        guard !picture.isEmpty else { return .empty }
        let credit: HTML = image.credit.map { "<figcaption class=\"credit\">\($0)</figcaption>" } ?? ""
        return "<figure class=\"page-image\">\(picture)\(credit)</figure>\n"
    }

    /// An exercise card's `images` in a row, each with its caption: before the steps, and printed on
    /// the handout. Not lazy on the card's page, where they are at the top; lazy in a card embedded
    /// in an article, which is further down.
    public static func cardFigures(_ images: [CardImage], graph: ContentGraph, linker: Linker, lazy: Bool = false) -> HTML {
        var figures = HTML.empty
        for image in images {
            // Each takes at most half the column (two side by side), the whole width on a phone.
            let picture = Self.image(image.path, alt: image.alt, library: graph.media, linker: linker,
                                     sizes: "(min-width: 45rem) 21rem, 100vw", lazy: lazy)
            guard !picture.isEmpty else { continue }
            let caption: HTML = image.caption.map { "<figcaption>\($0)</figcaption>" } ?? ""
            figures += "<figure>\(picture)\(caption)</figure>\n"
        }
        return figures.isEmpty ? .empty : "<div class=\"card-images\">\n\(figures)</div>\n"
    }

    /// A small picture for a page's entry in an index list: decorative there, since the link's text
    /// names the page.
    public static func thumbnail(_ image: PageImage?, graph: ContentGraph, linker: Linker) -> HTML {
        guard let image else { return .empty }
        let picture = Self.image(image.path, alt: "", library: graph.media, linker: linker, sizes: thumbnailSizes, lazy: true)
        return picture.isEmpty ? .empty : "<span class=\"thumb\">\(picture)</span>"
    }

    /// The absolute URL of a variant for `og:image` and JSON-LD `image`: the widest WebP-free one
    /// (the original format is what every link preview reads), or the SVG itself.
    public static func absoluteURL(_ image: PageImage?, graph: ContentGraph) -> String? {
        guard let image else { return nil }
        switch graph.media[image.path] {
        case .image(let variants)?:
            guard let widest = (variants.fallback.isEmpty ? variants.webp : variants.fallback).last else { return nil }
            return graph.site.baseURL + widest.path
        case .vector?: return graph.site.baseURL + image.path
        case .file?, nil: return nil
        }
    }
}
