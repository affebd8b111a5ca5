import ContentModel
import Templates

/// The markup for a body's images and links into `Content/media/`.
enum MediaMarkup {
    /// Bodies are at most the text column wide (`--measure`, 42rem), the full width on a phone.
    static let sizes = "(min-width: 45rem) 42rem, 100vw"

    /// A `<picture>` with WebP variants and the original format as fallback, with the intrinsic width
    /// and height (no layout shift), the alt text (empty only when written so), lazy loading and
    /// async decoding: a body image is below the page's first screen.
    static func picture(_ image: MediaImage, alt: String, title: String, linker: Linker) -> HTML {
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
        html += " loading=\"lazy\" decoding=\"async\"></picture>"
        return html
    }

    /// An SVG drawing, with its size when the file states one.
    static func vector(path: String, width: Int?, height: Int?, alt: String, title: String, linker: Linker) -> HTML {
        var html: HTML = "<img src=\"\(linker.file(path))\""
        if let width, let height { html += " width=\"\(width)\" height=\"\(height)\"" }
        html += " alt=\"\(alt)\""
        if !title.isEmpty { html += " title=\"\(title)\"" }
        html += " loading=\"lazy\" decoding=\"async\">"
        return html
    }

    /// What fills a `media` slot: an image's markup, or a link's `href` value.
    static func fill(_ reference: BodyMedia, library: MediaLibrary, linker: Linker) -> HTML {
        switch reference.use {
        case .link:
            return "\(linker.file(reference.path))"
        case .image(let alt, let title):
            switch library[reference.path] {
            case .image(let image)?:
                return picture(image, alt: alt, title: title, linker: linker)
            case .vector(let width, let height)?:
                return vector(path: reference.path, width: width, height: height, alt: alt, title: title, linker: linker)
            case .file?, nil:
                // A video or document shown as an image, or a file that is missing (an error at load).
                return "<a href=\"\(linker.file(reference.path))\">\(alt)</a>"
            }
        }
    }

    /// What follows a link to a download: its type and size.
    static func downloadLabel(_ reference: BodyMedia, library: MediaLibrary) -> HTML {
        guard case .link = reference.use, case .file(let label?, _)? = library[reference.path] else { return .empty }
        return " <span class=\"download-meta\">(\(label))</span>"
    }
}
