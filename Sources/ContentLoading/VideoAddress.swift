/// YouTube and Vimeo ids from what an author writes: the id itself or the video's address. Only ids
/// of the providers' own shapes pass, so what the page's script puts in a player address is never
/// anything else.
public enum VideoAddress {
    public static func youtubeID(_ written: String) -> String? {
        var candidate = Substring(written)
        for marker in ["youtu.be/", "/embed/", "/shorts/", "v="] {
            if let range = written.range(of: marker) {
                candidate = written[range.upperBound...].prefix { $0 != "&" && $0 != "?" && $0 != "#" && $0 != "/" }
                break
            }
        }
        return isYouTubeID(candidate) ? String(candidate) : nil
    }

    static func isYouTubeID(_ id: Substring) -> Bool {
        id.utf8.count == 11 && id.utf8.allSatisfy { byte in
            (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(byte) || (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte)
                || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) || byte == UInt8(ascii: "_") || byte == UInt8(ascii: "-")
        }
    }

    public static func vimeoID(_ written: String) -> String? {
        var candidate = Substring(written)
        if let range = written.range(of: "vimeo.com/") {
            // vimeo.com/76979871 or player.vimeo.com/video/76979871: the last run of digits in the path.
            let path = written[range.upperBound...].prefix { $0 != "?" && $0 != "#" }
            candidate = path.split(separator: "/").last { $0.allSatisfy(\.isASCIIDigit) } ?? ""
        }
        return !candidate.isEmpty && candidate.count <= 12 && candidate.allSatisfy(\.isASCIIDigit) ? String(candidate) : nil
    }
}

private extension Character {
    var isASCIIDigit: Bool { isASCII && isNumber }
}
