import Diagnostics

/// `Testing` has a `SourceLocation` too; in these tests the name means Salve's.
typealias SourceLocation = Diagnostics.SourceLocation
