@testable import Preview
import Testing

@Suite struct ByteRangeTests {
    @Test(arguments: [
        (nil, ByteRange.whole), ("bytes=0-99", .part(0...99)), ("bytes=100-", .part(100...999)),
        ("bytes=-200", .part(800...999)), ("bytes=-5000", .part(0...999)), ("bytes=500-5000", .part(500...999)),
        ("bytes=1000-", .unsatisfiable), ("bytes=-0", .unsatisfiable), ("bytes=0-1,5-9", .whole),
        ("items=0-5", .whole), ("bytes=9-3", .whole), ("bytes=x-3", .whole), ("bytes=99999999999999999999-", .whole),
        (" BYTES=1-1 ", .part(1...1)),
    ] as [(String?, ByteRange)])
    func rangesOfAThousandBytes(header: String?, expected: ByteRange) {
        #expect(ByteRange.parse(header, length: 1000) == expected)
    }

    @Test func anEmptyFileHasNoRange() {
        #expect(ByteRange.parse("bytes=0-", length: 0) == .unsatisfiable)
        #expect(ByteRange.parse(nil, length: 0) == .whole)
    }
}
