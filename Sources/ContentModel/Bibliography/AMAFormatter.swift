/// AMA style (AMA Manual of Style, 11th edition), the medical standard: `ReferenceFormatter` with the AMA
/// style definition.
public enum AMAFormatter {
    public static func format(_ reference: Reference) -> [StyledRun] {
        ReferenceFormatter.format(reference, style: .ama)
    }

    /// The formatted text without styling, for tests and plain-text output.
    public static func plainText(_ reference: Reference) -> String {
        ReferenceFormatter.plainText(reference, style: .ama)
    }

    /// "Belavý DL": family name, then given-name initials without periods.
    static func amaName(_ name: CSLName) -> String { Fields.name(name) }

    /// "March 25, 2020", "March 2020" or "2020".
    static func amaDate(_ date: CSLDate) -> String { Fields.date(date, .monthDayYear) }
}
