import ContentModel
import Diagnostics

/// Pages written above the site's target reading grade. Short pages are skipped: a grade from a
/// few sentences says little.
enum ReadabilityChecks {
    static let minimumWords = 100

    static func check(_ page: any ContentPage, targetGrade: Int) -> [Diagnostic] {
        let stats = page.readability
        guard stats.words >= minimumWords, let grade = stats.grade, grade > Double(targetGrade) + 0.05 else { return [] }
        let shown = (grade * 10).rounded() / 10
        return [.warning(.readingLevel,
                         "this page reads at grade \(shown) (Flesch–Kincaid), above the site's target of \(targetGrade); use shorter sentences and everyday words",
                         at: SourceLocation(file: page.file, line: 1, column: 1))]
    }
}
