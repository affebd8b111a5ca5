import ContentModel

/// The UI text as markup, and the names of the model's fixed values in the site's language.
extension UIStrings {
    /// The text with its `{word}`s filled with markup (a link, a `<time>`); the words themselves are
    /// escaped, so a text from `site.yml` can never add markup.
    public func html(_ key: UIText, _ values: KeyValuePairs<String, HTML>) -> HTML {
        var result = HTML.empty
        for segment in segments(key) {
            switch segment {
            case .text(let text): result.append(text: text)
            case .placeholder(let name):
                if let value = values.first(where: { $0.key == name })?.value { result += value } else { result.append(text: "{\(name)}") }
            }
        }
        return result
    }

    /// `<time datetime="2026-01-31">31 January 2026</time>`
    public func time(_ day: Day) -> HTML {
        "<time datetime=\"\(day.iso)\">\(date(day))</time>"
    }

    /// The heading a group of exercise cards is listed under: "Stretches".
    public func plural(_ kind: ExerciseKind) -> String {
        switch kind {
        case .stretch: self[.stretches]
        case .strength: self[.strengthening]
        case .aerobic: self[.aerobicList]
        case .mobility: self[.mobility]
        case .balance: self[.balance]
        case .coolDown: self[.coolDown]
        }
    }

    /// One card's kind: "Stretch".
    public func singular(_ kind: ExerciseKind) -> String {
        switch kind {
        case .stretch: self[.stretch]
        case .strength: self[.strengthening]
        case .aerobic: self[.aerobic]
        case .mobility: self[.mobility]
        case .balance: self[.balance]
        case .coolDown: self[.coolDown]
        }
    }

    public func label(_ role: ReviewRole) -> String {
        switch role {
        case .medical: self[.reviewMedical]
        case .clinical: self[.reviewClinical]
        case .editorial: self[.reviewEditorial]
        case .pharmacy: self[.reviewPharmacy]
        case .nursing: self[.reviewNursing]
        }
    }

    public func label(_ role: ExpertRole) -> String {
        switch role {
        case .author: self[.roleAuthor]
        case .contributor: self[.roleContributor]
        case .quoted: self[.roleQuoted]
        case .sourceMedicalReviewer: self[.roleSourceMedicalReviewer]
        case .sourceClinicalReviewer: self[.roleSourceClinicalReviewer]
        }
    }

    public func label(_ difficulty: Difficulty) -> String {
        switch difficulty {
        case .easy: self[.difficultyEasy]
        case .moderate: self[.difficultyModerate]
        case .hard: self[.difficultyHard]
        }
    }

    /// The label shown above a page's heading: "Article".
    public func label(_ kind: ContentKind) -> String {
        switch kind {
        case .condition: self[.condition]
        case .article: self[.article]
        case .exercise: self[.exerciseCard]
        case .program: self[.program]
        case .expert: self[.expert]
        case .page: self[.page]
        }
    }

    /// Labelled lines for a card's dosage: ("Hold", "30 seconds").
    public func lines(_ dosage: Dosage) -> [(label: String, value: String)] {
        var lines: [(String, String)] = []
        if let q = dosage.holdSeconds { lines.append((self[.hold], count(q, one: .secondsOne, other: .secondsOther))) }
        if let q = dosage.reps { lines.append((self[.repeat], count(q, one: .timesOne, other: .timesOther))) }
        if let q = dosage.sets { lines.append((self[.sets], q.description)) }
        if let q = dosage.minutes { lines.append((self[.time], count(q, one: .minutesOne, other: .minutesOther))) }
        if let q = dosage.perDay { lines.append((self[.howOften], count(q, one: .timesADayOne, other: .timesADayOther))) }
        if let q = dosage.perWeek { lines.append((self[.howOften], count(q, one: .daysAWeekOne, other: .daysAWeekOther))) }
        return lines
    }

    /// "Weeks 1–2", "Week 5 onward".
    public func weeks(_ weeks: Quantity) -> String {
        if weeks.upper == nil { return self(.weekOnward, ["n": String(weeks.lower)]) }
        return weeks.isSingle ? self(.week, ["n": String(weeks.lower)]) : self(.weeks, ["n": weeks.description])
    }
}
