import Diagnostics
import Foundation

/// A file's text, decoded and normalised, or the diagnostic that says why it could not be.
enum SourceText {
    /// Decodes UTF-8 strictly (reporting the first bad byte's position), drops a BOM and turns CRLF
    /// and lone CR line endings into `\n`, so every later stage counts lines the same way.
    static func decode(_ data: Data, file: String) -> Result<String, Diagnostic> {
        decode(bytes: [UInt8](data), file: file)
    }

    static func decode(bytes: [UInt8], file: String) -> Result<String, Diagnostic> {
        var bytes = bytes
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes.removeFirst(3) }
        // Fast path: valid UTF-8 with LF line endings, which is nearly every file.
        let hasCR = bytes.withUnsafeBufferPointer { buffer in
            buffer.baseAddress.map { memchr($0, 0x0D, buffer.count) != nil } ?? false
        }
        if !hasCR, let text = String(validating: bytes, as: UTF8.self) {
            return .success(text)
        }
        if let bad = firstInvalidUTF8(bytes) {
            let (line, column) = position(ofByte: bad, in: bytes)
            return .failure(.error(.invalidUTF8, "the file is not valid UTF-8 text; save it as UTF-8",
                                   at: SourceLocation(file: file, line: line, column: column)))
        }
        var normalised = [UInt8]()
        normalised.reserveCapacity(bytes.count)
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            if byte == 0x0D {
                normalised.append(0x0A)
                if index + 1 < bytes.count, bytes[index + 1] == 0x0A { index += 1 }
            } else {
                normalised.append(byte)
            }
            index += 1
        }
        return .success(String(decoding: normalised, as: UTF8.self))
    }

    static func firstInvalidUTF8(_ bytes: [UInt8]) -> Int? {
        var parser = Unicode.UTF8.ForwardParser()
        var iterator = bytes.makeIterator()
        var offset = 0
        while true {
            switch parser.parseScalar(from: &iterator) {
            case .valid(let scalar): offset += scalar.count
            case .emptyInput: return nil
            case .error: return offset
            }
        }
    }

    /// 1-based line and scalar column of a byte offset (bytes before it are valid UTF-8).
    static func position(ofByte offset: Int, in bytes: [UInt8]) -> (Int, Int) {
        var line = 1
        var column = 1
        var previous: UInt8 = 0
        for byte in bytes[..<offset] {
            // CRLF, LF and a lone CR each end a line, as decoding treats them.
            if byte == 0x0A && previous == 0x0D {
                // the LF of a CRLF: the CR already ended the line
            } else if byte == 0x0A || byte == 0x0D {
                line += 1
                column = 1
            } else if byte & 0xC0 != 0x80 {
                column += 1
            }
            previous = byte
        }
        return (line, column)
    }
}
