/// What a file in `Content/media/` is, decided by its extension (case-insensitive: `.JPG` is a JPEG).
public enum MediaKind: Hashable, Sendable {
    case image(ImageFormat)
    case video(VideoFormat)
    /// WebVTT captions for a video.
    case captions
    case document(DocumentFormat)

    /// The kind of `fileName` (a name or a path), or nil for a file type Salve does not publish.
    public init?(fileName: String) {
        guard let dot = fileName.utf8.lastIndex(of: UInt8(ascii: ".")),
              !fileName.utf8[dot...].contains(UInt8(ascii: "/")) else { return nil }
        let ext = fileName[fileName.index(after: dot)...].lowercased()
        if let format = ImageFormat(extension: ext) {
            self = .image(format)
        } else if let format = VideoFormat(rawValue: ext) {
            self = .video(format)
        } else if ext == "vtt" {
            self = .captions
        } else if let format = DocumentFormat(extension: ext) {
            self = .document(format)
        } else {
            return nil
        }
    }

    /// The `Content-Type` a server should send the file with.
    public var contentType: String {
        switch self {
        case .image(let format): format.contentType
        case .video(.mp4): "video/mp4"
        case .video(.webm): "video/webm"
        case .captions: "text/vtt; charset=utf-8"
        case .document(let format): format.contentType
        }
    }
}

public enum ImageFormat: String, Hashable, Sendable, CaseIterable {
    case png, jpeg, webp, gif, svg, avif

    init?(extension ext: String) {
        switch ext {
        case "png": self = .png
        case "jpg", "jpeg": self = .jpeg
        case "webp": self = .webp
        case "gif": self = .gif
        case "svg": self = .svg
        case "avif": self = .avif
        default: return nil
        }
    }

    /// The extension variants in this format are published with.
    public var fileExtension: String {
        switch self {
        case .jpeg: "jpg"
        default: rawValue
        }
    }

    public var contentType: String {
        switch self {
        case .svg: "image/svg+xml"
        default: "image/\(rawValue)"
        }
    }

    /// Whether vips decodes and re-encodes it (everything but SVG, which is copied once sanitised).
    public var isRaster: Bool { self != .svg }

    /// Whether the file may hold several frames (an animation), all of which variants keep.
    var mayBeAnimated: Bool { self == .gif || self == .webp }
}

public enum VideoFormat: String, Hashable, Sendable {
    case mp4, webm
}

/// Documents published as downloads, shown with their type and size ("PDF, 240 KB").
public enum DocumentFormat: String, Hashable, Sendable, CaseIterable {
    case pdf, docx, doc, odt, rtf, txt, csv, xlsx, xls, ods, pptx, odp, epub, zip

    init?(extension ext: String) { self.init(rawValue: ext) }

    /// The name readers know the type by.
    public var label: String {
        switch self {
        case .pdf: "PDF"
        case .docx, .doc: "Word document"
        case .odt: "OpenDocument text"
        case .rtf: "Rich text"
        case .txt: "Plain text"
        case .csv: "CSV"
        case .xlsx, .xls: "Excel spreadsheet"
        case .ods: "OpenDocument spreadsheet"
        case .pptx: "PowerPoint presentation"
        case .odp: "OpenDocument presentation"
        case .epub: "EPUB"
        case .zip: "ZIP archive"
        }
    }

    public var contentType: String {
        switch self {
        case .pdf: "application/pdf"
        case .docx: "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
        case .doc: "application/msword"
        case .odt: "application/vnd.oasis.opendocument.text"
        case .rtf: "application/rtf"
        case .txt: "text/plain; charset=utf-8"
        case .csv: "text/csv; charset=utf-8"
        case .xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        case .xls: "application/vnd.ms-excel"
        case .ods: "application/vnd.oasis.opendocument.spreadsheet"
        case .pptx: "application/vnd.openxmlformats-officedocument.presentationml.presentation"
        case .odp: "application/vnd.oasis.opendocument.presentation"
        case .epub: "application/epub+zip"
        case .zip: "application/zip"
        }
    }
}

/// A download's description as GOV.UK and the NHS write it: "PDF, 240 KB".
public struct DownloadLabel: Hashable, Sendable, CustomStringConvertible {
    public var format: DocumentFormat
    public var byteCount: Int

    public init(format: DocumentFormat, byteCount: Int) {
        self.format = format
        self.byteCount = byteCount
    }

    public var description: String { "\(format.label), \(Self.size(byteCount))" }

    /// Sizes in binary units as file managers show them: whole KB below 1 MB (at least 1 KB, so a
    /// small file never reads "0 KB"), MB with one decimal below 10 MB, whole MB above.
    public static func size(_ bytes: Int) -> String {
        let kilobyte = 1024, megabyte = 1024 * 1024
        let kilobytes = (bytes + kilobyte / 2) / kilobyte
        if kilobytes < 1024 {
            return "\(max(1, kilobytes)) KB"
        }
        let tenths = (bytes * 10 + megabyte / 2) / megabyte
        if tenths < 100 {
            return tenths % 10 == 0 ? "\(tenths / 10) MB" : "\(tenths / 10).\(tenths % 10) MB"
        }
        return "\((bytes + megabyte / 2) / megabyte) MB"
    }
}
