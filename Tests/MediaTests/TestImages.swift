import CVips
import Foundation
@testable import Media

/// Test pictures made with vips itself, in a fresh temporary folder per test (no binary fixtures).
struct TestFolder: ~Copyable {
    let path: String

    init() throws {
        path = NSTemporaryDirectory() + "salve-media-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }

    deinit { try? FileManager.default.removeItem(atPath: path) }

    /// Writes a `width`×`height` picture to `name` in the format its extension names.
    func image(_ name: String, width: Int, height: Int) throws -> String {
        try Vips.start()
        let target = path + "/" + name
        let image = VipsImageHandle(adopting: salve_vips_solid(Int32(width), Int32(height), 3, 120)!)
        guard salve_vips_write_file(image.pointer, target) == 0 else { throw MediaFailure(Vips.lastError()) }
        return target
    }

    /// A JPEG that says where it was taken (GPS latitude and longitude in its EXIF) and with what camera.
    func photoWithLocation(_ name: String, width: Int, height: Int) throws -> String {
        try Vips.start()
        let target = path + "/" + name
        let image = VipsImageHandle(adopting: salve_vips_solid(Int32(width), Int32(height), 3, 90)!)
        vips_image_set_string(image.pointer, "exif-ifd0-Make", "Acme Phone")
        vips_image_set_string(image.pointer, "exif-ifd3-GPSLatitudeRef", "N")
        vips_image_set_string(image.pointer, "exif-ifd3-GPSLatitude", "51/1 30/1 26/1")
        vips_image_set_string(image.pointer, "exif-ifd3-GPSLongitudeRef", "W")
        vips_image_set_string(image.pointer, "exif-ifd3-GPSLongitude", "0/1 7/1 39/1")
        guard salve_vips_save_jpeg_with_metadata(image.pointer, target) == 0 else { throw MediaFailure(Vips.lastError()) }
        return target
    }

    func write(_ name: String, _ text: String) throws -> String {
        let target = path + "/" + name
        try Data(text.utf8).write(to: URL(fileURLWithPath: target))
        return target
    }
}

/// The metadata field names of the image at `path` that carry EXIF, XMP or IPTC.
func metadataFields(ofImageAt path: String) throws -> [String] {
    let image = try VipsImageHandle(opening: path)
    return image.fieldNames.filter { $0.hasPrefix("exif") || $0.hasPrefix("xmp") || $0.hasPrefix("iptc") || $0.hasPrefix("gps") }
}

func imageWidth(at path: String) throws -> Int {
    try VipsImageHandle(opening: path).width
}
