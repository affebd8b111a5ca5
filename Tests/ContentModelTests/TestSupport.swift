import Diagnostics
@testable import ContentModel

/// `Testing` has a `SourceLocation` too; in these tests the name means Salve's.
typealias SourceLocation = Diagnostics.SourceLocation

/// Force-unwrapping helpers for literals the test knows are valid.
func slug(_ text: String) -> Slug { Slug(text)! }
func key(_ text: String) -> CitationKey { CitationKey(text)! }
func day(_ text: String) -> Day { Day(iso: text)! }
