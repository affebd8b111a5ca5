import ContentModel

/// schema.org JSON-LD for each page, describing only what the page shows.
public enum StructuredData {
    /// `<script type="application/ld+json">…</script>`; the JSON is escaped for a script element.
    public static func script(_ value: JSONValue) -> HTML {
        // Written straight into the element: each content page has one, listing every source it cites.
        var bytes = Array("<script type=\"application/ld+json\">".utf8)
        value.write(to: &bytes)
        bytes += "</script>\n".utf8
        return .unescaped(bytes: bytes)
    }

    /// `MedicalWebPage` for a content page, with its review (only a completed one), audience and citations.
    public static func medicalWebPage(_ page: any ContentPage, graph: ContentGraph, references: ReferenceTable,
                                      description: String, mainEntity: JSONValue? = nil) -> JSONValue {
        let site = graph.site
        let url = Linker.absolute(.page(page.ref), site: site)
        let (lastReviewed, reviewedBy, citations) = reviewAndCitations(page, graph: graph, references: references)
        return .object(compacting: [
            ("@context", .string("https://schema.org")),
            ("@type", .string("MedicalWebPage")),
            ("name", .string(page.heading)),
            ("description", .string(description)),
            ("url", .string(url)),
            ("inLanguage", .string(site.language)),
            ("image", PictureMarkup.absoluteURL(page.image, graph: graph).map { .string($0) }),
            ("medicalAudience", .object([("@type", .string("MedicalAudience")), ("audienceType", .string("Patient"))])),
            ("lastReviewed", lastReviewed),
            ("reviewedBy", reviewedBy),
            ("citation", .array(citations)),
            ("mainEntity", mainEntity),
        ])
    }

    /// `MedicalCondition`: symptoms, and the exercise cards offered as possible treatment.
    public static func medicalCondition(_ condition: Condition, graph: ContentGraph) -> JSONValue {
        let cards = graph.exercises(for: condition.slug)
        return .object(compacting: [
            ("@type", .string("MedicalCondition")),
            ("name", .string(condition.name)),
            ("alternateName", .array(condition.synonyms.map(JSONValue.string))),
            ("description", .string(condition.summary.plain)),
            ("signOrSymptom", .array(condition.symptoms.map {
                .object([("@type", .string("MedicalSignOrSymptom")), ("name", .string($0.plain))])
            })),
            ("possibleTreatment", .array(cards.map { card in
                .object([("@type", .string("ExercisePlan")), ("name", .string(card.title)),
                         ("url", .string(Linker.absolute(.page(card.ref), site: graph.site)))])
            })),
        ])
    }

    /// `ExercisePlan`: kind, and the dosage the card shows.
    public static func exercisePlan(_ card: ExerciseCard, graph: ContentGraph) -> JSONValue {
        let dosage = card.dosage
        var frequency: JSONValue?
        if let perDay = dosage.perDay {
            frequency = .string(perDay.isSingle && perDay.lower == 1 ? "once a day" : "\(perDay) times a day")
        } else if let perWeek = dosage.perWeek {
            frequency = .string("\(perWeek) days a week")
        }
        return .object(compacting: [
            ("@type", .string("ExercisePlan")),
            ("name", .string(card.title)),
            ("url", .string(Linker.absolute(.page(card.ref), site: graph.site))),
            ("exerciseType", .string(card.exerciseKind.singular)),
            ("activityDuration", dosage.minutes.map { quantity($0, unit: "MIN") } ?? dosage.holdSeconds.map { quantity($0, unit: "SEC") }),
            ("activityFrequency", frequency),
            ("repetitions", dosage.reps.map { quantity($0, unit: nil) }),
        ])
    }

    /// `Person` for an expert: name, credentials, job title and affiliation as the page shows them.
    public static func person(_ expert: Expert, site: SiteConfig) -> JSONValue {
        .object(compacting: [
            ("@type", .string("Person")),
            ("name", .string(expert.name)),
            ("honorificSuffix", expert.credentials.isEmpty ? nil : .string(expert.credentials.joined(separator: ", "))),
            ("jobTitle", .string(expert.title)),
            ("affiliation", expert.affiliation.map { .object([("@type", .string("Organization")), ("name", .string($0))]) }),
            ("url", .string(Linker.absolute(.page(expert.ref), site: site))),
        ])
    }

    static func creativeWork(_ reference: Reference) -> JSONValue {
        let type = reference.type == "article-journal" ? "ScholarlyArticle" : (reference.type == "book" ? "Book" : "CreativeWork")
        let url = reference.doi.map { "https://doi.org/" + $0 } ?? reference.url
        return .object(compacting: [
            ("@type", .string(type)),
            ("name", reference.title.map(JSONValue.string)),
            ("url", url.map(JSONValue.string)),
            // A date kept only as words ("Spring supplement") has no year to give.
            ("datePublished", reference.issued.flatMap { (1...9999).contains($0.year) ? .string(dateText($0)) : nil }),
        ])
    }

    static func quantity(_ quantity: Quantity, unit: String?) -> JSONValue {
        var pairs: [(String, JSONValue?)] = [("@type", .string("QuantitativeValue"))]
        if quantity.isSingle {
            pairs.append(("value", .number(quantity.lower)))
        } else {
            pairs.append(("minValue", .number(quantity.lower)))
            pairs.append(("maxValue", quantity.upper.map(JSONValue.number)))
        }
        pairs.append(("unitCode", unit.map(JSONValue.string)))
        return .object(compacting: pairs)
    }

    static func dateText(_ date: CSLDate) -> String {
        func two(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
        var text = String(date.year)
        if let month = date.month { text += "-" + two(month) }
        if let day = date.day, date.month != nil { text += "-" + two(day) }
        return text
    }

    private static func orderedUnique(_ keys: [CitationKey]) -> [CitationKey] {
        // A page cites a few dozen sources: scanning the ones kept is cheaper than hashing every key.
        guard keys.count > 64 else {
            var kept: [CitationKey] = []
            kept.reserveCapacity(keys.count)
            for key in keys where !kept.contains(key) { kept.append(key) }
            return kept
        }
        var seen = Set<CitationKey>(minimumCapacity: keys.count)
        return keys.filter { seen.insert($0).inserted }
    }
}

extension StructuredData {
    /// `WebPage`, `AboutPage` or `ContactPage` for a plain page: no medical audience; its review and
    /// citations when it has them.
    public static func webPage(_ page: PlainPage, graph: ContentGraph, references: ReferenceTable,
                               description: String) -> JSONValue {
        let site = graph.site
        let (lastReviewed, reviewedBy, citations) = reviewAndCitations(page, graph: graph, references: references)
        return .object(compacting: [
            ("@context", .string("https://schema.org")),
            ("@type", .string(page.pageType.schemaType)),
            ("name", .string(page.title)),
            ("description", .string(description)),
            ("url", .string(Linker.absolute(.page(page.ref), site: site))),
            ("inLanguage", .string(site.language)),
            ("image", PictureMarkup.absoluteURL(page.image, graph: graph).map { .string($0) }),
            ("dateModified", page.updated.map { .string($0.iso) }),
            ("lastReviewed", lastReviewed),
            ("reviewedBy", reviewedBy),
            ("citation", citations.isEmpty ? nil : .array(citations)),
        ])
    }

    /// A page's completed review (date and reviewer, as schema.org has them) and what it cites, each once.
    private static func reviewAndCitations(_ page: some ContentPage, graph: ContentGraph, references: ReferenceTable)
        -> (lastReviewed: JSONValue?, reviewedBy: JSONValue?, citations: [JSONValue]) {
        let review = page.review?.completed
        let reviewer = review.flatMap { graph.expert($0.reviewer.value) }.map { person($0, site: graph.site) }
        let cited = orderedUnique(page.citedKeys.map(\.value) + page.sources.map(\.value))
        return (review.map { .string($0.date.iso) }, reviewer, cited.compactMap { references.creativeWork($0) })
    }

    /// `MedicalWebPage` for the pages that list others (home, indexes, references).
    public static func listPage(title: String, description: String, route: Route, site: SiteConfig) -> JSONValue {
        .object([
            ("@context", .string("https://schema.org")),
            ("@type", .string("MedicalWebPage")),
            ("name", .string(title)),
            ("description", .string(description)),
            ("url", .string(Linker.absolute(route, site: site))),
            ("inLanguage", .string(site.language)),
            ("medicalAudience", .object([("@type", .string("MedicalAudience")), ("audienceType", .string("Patient"))])),
        ])
    }
}
