import ContentModel
import Diagnostics

/// Reviews: a pending one is said, and dates make sense: not in the future, and not past their next review.
enum ReviewChecks {
    static func check(_ page: any ContentPage, today: Day) -> [Diagnostic] {
        if case .pending(_, let location)? = page.review {
            return [.warning(.reviewPending, "this page's own review is pending; the page says so to readers", at: location)]
        }
        guard case .reviewed(let review)? = page.review else { return [] }
        let at = review.reviewer.location
        if review.date > today {
            return [.error(.invalidDate, "the review date \(review.date) is in the future; record a review once it has happened",
                           at: review.dateLocation ?? at)]
        }
        if review.nextDue < today {
            return [.warning(.reviewOverdue, "review overdue since \(review.nextDue.readable); review the page again and update its review record",
                             at: at)]
        }
        return []
    }
}
