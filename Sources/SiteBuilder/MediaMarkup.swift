import ContentModel
import Templates

/// The markup for a body's images and links into `Content/media/`.
enum MediaMarkup {
    /// What fills a `media` slot: an image's markup, or a link's `href` value.
    static func fill(_ reference: BodyMedia, library: MediaLibrary, linker: Linker) -> HTML {
        switch reference.use {
        case .link:
            return "\(linker.file(reference.path))"
        case .image(let alt, let title):
            switch library[reference.path] {
            case .image(let image)?:
                return PictureMarkup.picture(image, alt: alt, title: title, linker: linker)
            case .vector(let width, let height)?:
                return PictureMarkup.vector(path: reference.path, width: width, height: height, alt: alt, title: title, linker: linker)
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
