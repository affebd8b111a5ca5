import CVips

/// Why an image could not be read or written, in words for the writer (vips' own text appended).
public struct MediaFailure: Error, Sendable, CustomStringConvertible {
    public var description: String
    public init(_ description: String) { self.description = description }
}

/// libvips, started once for the process: a Swift global's initialiser runs exactly once, and
/// thread-safely, however many workers reach it first.
private let vipsStarted: Bool = salve_vips_start() == 0

public enum Vips {
    /// Starts libvips if no one has. Everything that calls vips (tests that draw pictures too) starts
    /// it through here: two threads in `vips_init` at once can crash.
    public static func start() throws(MediaFailure) {
        guard vipsStarted else { throw MediaFailure("the image library (libvips) could not start") }
    }

    /// vips' last error, as one line.
    static func lastError() -> String {
        guard let text = salve_vips_take_error() else { return "" }
        defer { salve_vips_free(text) }
        return String(cString: text).split(whereSeparator: \.isNewline).first.map(String.init) ?? ""
    }
}

/// One vips image, released when it goes out of scope.
struct VipsImageHandle: ~Copyable {
    let pointer: UnsafeMutablePointer<VipsImage>

    /// Opens `path` lazily: only the header is read.
    init(opening path: String) throws(MediaFailure) {
        try Vips.start()
        guard let pointer = salve_vips_open(path) else {
            throw MediaFailure("this is not an image Salve can read (\(Vips.lastError()))")
        }
        self.pointer = pointer
    }

    /// A copy of the image at `path`, `width` pixels wide, upright by its EXIF orientation.
    init(thumbnailOf path: String, width: Int, allFrames: Bool) throws(MediaFailure) {
        try Vips.start()
        guard let pointer = salve_vips_thumbnail(path, Int32(width), allFrames ? 1 : 0) else {
            throw MediaFailure("the image could not be resized (\(Vips.lastError()))")
        }
        self.pointer = pointer
    }

    init(adopting pointer: UnsafeMutablePointer<VipsImage>) {
        self.pointer = pointer
    }

    deinit { salve_vips_release(pointer) }

    var width: Int { Int(vips_image_get_width(pointer)) }
    var height: Int { Int(vips_image_get_height(pointer)) }
    /// The height of one frame of an animation (the whole height for a still image).
    var pageHeight: Int { Int(vips_image_get_page_height(pointer)) }
    /// Whether the EXIF orientation turns the image a quarter turn (so width and height swap when shown).
    var isTurnedSideways: Bool { vips_image_get_orientation_swap(pointer) != 0 }

    /// The image encoded by the saver and options `suffix` names, e.g. ".webp[Q=80,strip]".
    func encoded(_ suffix: String) throws(MediaFailure) -> [UInt8] {
        var buffer: UnsafeMutableRawPointer?
        var length = 0
        guard salve_vips_encode(pointer, suffix, &buffer, &length) == 0, let buffer else {
            throw MediaFailure("the image could not be encoded (\(Vips.lastError()))")
        }
        defer { salve_vips_free(buffer) }
        return Array(UnsafeRawBufferPointer(start: buffer, count: length))
    }

    /// The names of the image's metadata fields (`exif-ifd3-GPSLatitude`, `exif-data`, …).
    var fieldNames: [String] {
        guard let names = salve_vips_field_names(pointer) else { return [] }
        defer { salve_vips_free_names(names) }
        var result: [String] = []
        var index = 0
        while let name = names[index] {
            result.append(String(cString: name))
            index += 1
        }
        return result
    }
}
