extension String {
    /// Whether any UTF-8 byte of the string passes `test`, read straight from its storage.
    ///
    /// A `for byte in text.utf8` loop indexes the view one byte at a time through the standard
    /// library, about ten times the instructions of this loop; escaping checks run on every string
    /// every page shows.
    @inlinable
    public func containsUTF8Byte(where test: (UInt8) -> Bool) -> Bool {
        var text = self  // shares storage; withUTF8 needs a var
        return text.withUTF8 { bytes in bytes.contains(where: test) }
    }
}
