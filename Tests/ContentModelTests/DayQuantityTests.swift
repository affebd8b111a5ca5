import Testing
@testable import ContentModel

@Suite struct DayTests {
    @Test(arguments: [
        ("2026-01-31", 2026, 1, 31),
        ("2024-02-29", 2024, 2, 29),  // leap year
        ("2000-02-29", 2000, 2, 29),  // divisible by 400: leap
        ("0001-01-01", 1, 1, 1),
        ("9999-12-31", 9999, 12, 31),
        ("2023-04-30", 2023, 4, 30),
    ])
    func parsesStrictISODates(text: String, year: Int, month: Int, dayOfMonth: Int) throws {
        let parsed = try #require(Day(iso: text))
        #expect(parsed.year == year)
        #expect(parsed.month == month)
        #expect(parsed.day == dayOfMonth)
        #expect(parsed.iso == text)
        #expect(parsed.description == text)
    }

    @Test(arguments: [
        "2023-02-29",   // not a leap year
        "1900-02-29",   // divisible by 100 but not 400
        "2023-04-31",
        "2023-13-01",
        "2023-00-10",
        "2023-01-00",
        "2023-01-32",
        "0000-01-01",
        "2023-1-05",
        "2023-01-5",
        "23-01-05",
        "2023/01/05",
        "2023-01-05T10:00",
        " 2023-01-05",
        "2023-01-05 ",
        "+023-01-05",
        "2023-+1-05",
        "２０２３-01-05",  // full-width digits
        "",
        "2023-01",
        "2023-01-05-01",
    ])
    func rejectsAnythingElse(text: String) {
        #expect(Day(iso: text) == nil)
    }

    @Test func memberwiseValidation() {
        #expect(Day(year: 2024, month: 2, day: 29) != nil)
        #expect(Day(year: 2023, month: 2, day: 29) == nil)
        #expect(Day(year: 2023, month: 11, day: 31) == nil)
        #expect(Day(year: 10000, month: 1, day: 1) == nil)
    }

    @Test(arguments: [
        ("2024-01-31", 1, "2024-02-29"),   // clamped to the end of a leap February
        ("2023-01-31", 1, "2023-02-28"),
        ("2024-03-31", 1, "2024-04-30"),
        ("2024-12-15", 1, "2025-01-15"),   // across a year
        ("2026-01-10", 12, "2027-01-10"),
        ("2024-02-29", 12, "2025-02-28"),
        ("2024-05-31", 0, "2024-05-31"),
        ("2024-01-15", 25, "2026-02-15"),
        ("2024-03-31", -1, "2024-02-29"),
        ("2024-01-15", -1, "2023-12-15"),
    ])
    func addingMonths(start: String, months: Int, expected: String) {
        #expect(day(start).adding(months: months).iso == expected)
    }

    @Test(arguments: [
        ("2023-05-30", "30 May 2023"),
        ("2026-01-01", "1 January 2026"),
        ("2026-12-09", "9 December 2026"),
    ])
    func readable(text: String, expected: String) {
        #expect(day(text).readable == expected)
    }

    @Test func ordering() {
        #expect(day("2025-12-31") < day("2026-01-01"))
        #expect(day("2026-01-02") > day("2026-01-01"))
        #expect(day("2026-02-01") > day("2026-01-31"))
        #expect(day("2026-01-01") == Day(year: 2026, month: 1, day: 1))
    }
}

@Suite struct QuantityTests {
    @Test(arguments: [
        ("10", 10, 10 as Int?),
        ("0", 0, 0),
        ("10-15", 10, 15),
        ("10–15", 10, 15),     // en dash
        ("10 - 15", 10, 15),
        ("30+", 30, nil),
        ("5 +", 5, nil),
        (" 12 ", 12, 12),
        ("3-3", 3, 3),
    ])
    func parses(text: String, lower: Int, upper: Int?) throws {
        let quantity = try #require(Quantity(parsing: text))
        #expect(quantity.lower == lower)
        #expect(quantity.upper == upper)
    }

    @Test(arguments: ["abc", "15-10", "", "ten", "10-15-20", "1.5", "+", "10++", "-", "10-abc", "x+"])
    func rejects(text: String) {
        #expect(Quantity(parsing: text) == nil)
    }

    /// Dosage is "a whole number or a range such as 10-15 or 30+": a half-written range or a
    /// negative number is a mistake to report, not a number to guess.
    @Test(arguments: ["-5", "10-", "-10-15", "10--15", "10–"])
    func rejectsMalformedRanges(text: String) {
        #expect(Quantity(parsing: text) == nil)
    
    }

    @Test(arguments: [
        ("10", "10"),
        ("10-15", "10–15"),
        ("10–15", "10–15"),
        ("30+", "30+"),
        ("3-3", "3"),
    ])
    func description(text: String, expected: String) {
        #expect(Quantity(parsing: text)?.description == expected)
    }

    @Test func memberwiseValidation() {
        #expect(Quantity(lower: -1, upper: 2) == nil)
        #expect(Quantity(lower: 5, upper: 4) == nil)
        #expect(Quantity(lower: 5, upper: nil)?.isSingle == false)
        #expect(Quantity(lower: 5, upper: 5)?.isSingle == true)
        #expect(Quantity(lower: 5, upper: 6)?.isSingle == false)
    }
}
