/// Every piece of text the templates show that is not the site's own content, by name. The name is
/// the key `site.yml`'s `strings:` overrides it with; `{word}` in a text is filled in by the template.
public enum UIText: String, CaseIterable, Sendable {
    // The chrome around every page
    case skipLink = "skip-link", mainNavigation = "main-navigation", footerNavigation = "footer-navigation"
    case search, searchButton = "search-button"
    // The search page and its results
    case searchLabel = "search-label", searchSubmit = "search-submit", searchDescription = "search-description"
    case searchMore = "search-more", searchNoScript = "search-no-script"
    case searchNone = "search-none", searchOne = "search-one", searchOther = "search-other"
    case searchUnavailable = "search-unavailable"
    case feedTitle = "feed-title", footerNote = "footer-note", footerSources = "footer-sources"
    case pageLastReviewed = "page-last-reviewed", nextReviewDue = "next-review-due"
    // Kinds of page, as list titles and as the label above a page's heading
    case conditions, articles, exercises, exerciseCards = "exercise-cards", programs, experts, references
    case condition, article, exerciseCard = "exercise-card", program, expert, page, pages
    // Reviews, care and drafts
    case reviewStatus = "review-status", reviewPending = "review-pending", reviewPendingNote = "review-pending-note"
    case reviewedBy = "reviewed-by"
    case reviewMedical = "review-medical", reviewClinical = "review-clinical", reviewEditorial = "review-editorial"
    case reviewPharmacy = "review-pharmacy", reviewNursing = "review-nursing"
    case whenToGetHelp = "when-to-get-help", warningSigns = "warning-signs"
    case draft, draftNote = "draft-note"
    // Articles
    case published, updated, about, peopleCredited = "people-credited", adaptedFrom = "adapted-from"
    case adaptedNote = "adapted-note"
    case roleAuthor = "role-author", roleContributor = "role-contributor", roleQuoted = "role-quoted"
    case roleSourceMedicalReviewer = "role-source-medical-reviewer"
    case roleSourceClinicalReviewer = "role-source-clinical-reviewer"
    // Conditions
    case alsoCalled = "also-called", overview, symptoms, whenToSeekCare = "when-to-seek-care"
    case expertsInvolved = "experts-involved"
    // Exercise cards
    case foundIn = "found-in", takeCare = "take-care", forConditions = "for-conditions", howToDoIt = "how-to-do-it"
    case watchVideo = "watch-video", playVideo = "play-video", videoFrom = "video-from", openVideoOn = "open-video-on"
    case exerciseDescription = "exercise-description", openPrintableCard = "open-printable-card"
    case type, difficulty, difficultyEasy = "difficulty-easy", difficultyModerate = "difficulty-moderate"
    case difficultyHard = "difficulty-hard", bodyAreas = "body-areas", equipment, noEquipment = "no-equipment"
    case howMuch = "how-much", hold, `repeat`, sets, time, howOften = "how-often"
    case secondsOne = "seconds-one", secondsOther = "seconds-other", timesOne = "times-one", timesOther = "times-other"
    case minutesOne = "minutes-one", minutesOther = "minutes-other"
    case timesADayOne = "times-a-day-one", timesADayOther = "times-a-day-other"
    case daysAWeekOne = "days-a-week-one", daysAWeekOther = "days-a-week-other"
    case stretches, stretch, strengthening, aerobicList = "aerobic-list", aerobic, mobility, balance, coolDown = "cool-down"
    // Experts
    case pagesReviewed = "pages-reviewed", namedOn = "named-on", notReviewed = "not-reviewed"
    // Programs
    case thePlan = "the-plan", mistakes, pauseSignals = "pause-signals", phase, when, howLong = "how-long"
    case minutesPerActivityOne = "minutes-per-activity-one", minutesPerActivityOther = "minutes-per-activity-other"
    case onceADay = "once-a-day", week, weeks, weekOnward = "week-onward"
    case `where`, pace, breathing, goal, formCues = "form-cues"
    // Lists, references, not found
    case latestArticles = "latest-articles", nothingYet = "nothing-yet", indexDescription = "index-description"
    case referencesLede = "references-lede", referencesDescription = "references-description", citedOn = "cited-on"
    case referenceNumber = "reference-number", allSources = "all-sources"
    case pageNotFound = "page-not-found", notFoundText = "not-found-text", notFoundLinks = "not-found-links"
    case goHome = "go-home", browseConditions = "browse-conditions", notFoundDescription = "not-found-description"
    case movedTitle = "moved-title", pageMoved = "page-moved", goTo = "go-to"
    // Dates
    case date, january, february, march, april, may, june, july, august, september, october, november, december

    /// The `{word}`s the text may contain, from the English text (the same in every language).
    public var placeholders: [String] {
        UIStrings.segments(of: BuiltInLanguage.en.text(self)).compactMap {
            if case .placeholder(let name) = $0 { return name }
            return nil
        }
    }
}

/// The languages whose UI text Salve ships. Any other `language` is written in English unless every
/// text is given in `site.yml`.
public enum BuiltInLanguage: String, CaseIterable, Sendable {
    case en, es

    /// The built-in language for a BCP 47 tag: `es`, `es-MX` and `ES` are Spanish.
    public init?(tag: String) {
        let primary = tag.split(separator: "-", maxSplits: 1).first.map { $0.lowercased() } ?? ""
        self.init(rawValue: primary)
    }

    public func text(_ key: UIText) -> String {
        switch self {
        case .en: Self.english(key)
        case .es: Self.spanish(key)
        }
    }

    /// Condition-neutral: the red flags of a condition come from its own `seek-care`.
    public var careAdvice: String {
        switch self {
        case .en: """
            Contact a health professional if your symptoms are severe, getting worse, or not getting better. \
            If you think you need urgent help, call your local emergency number straight away.
            """
        case .es: """
            Consulte con un profesional de la salud si sus síntomas son intensos, empeoran o no mejoran. \
            Si cree que necesita ayuda urgente, llame de inmediato al número de emergencias de su zona.
            """
        }
    }

    public var disclaimer: String {
        switch self {
        case .en: """
            This page is for general education only. It is not medical advice and does not replace care from \
            a qualified health professional who knows your health.
            """
        case .es: """
            Esta página tiene un fin únicamente educativo. No es un consejo médico y no sustituye la atención \
            de un profesional de la salud cualificado que conozca su caso.
            """
        }
    }

    // swiftlint:disable:next cyclomatic_complexity function_body_length
    private static func english(_ key: UIText) -> String {
        switch key {
        case .skipLink: "Skip to main content"
        case .mainNavigation: "Main"
        case .footerNavigation: "More about this site"
        case .search: "Search"
        case .searchButton: "Go"
        case .searchLabel: "Search for a condition, article or exercise"
        case .searchSubmit: "Search"
        case .searchDescription: "Search {site}."
        case .searchMore: "Show more results"
        case .searchNoScript: "Search needs JavaScript. You can browse {conditions}, {articles} and {exercises} instead."
        case .searchNone: "No results for “{query}”"
        case .searchOne: "1 result for “{query}”"
        case .searchOther: "{n} results for “{query}”"
        case .searchUnavailable: "Search is not available right now."
        case .feedTitle: "{site}: articles"
        case .footerNote: "{site} publishes health information for learning. It does not replace care from a health professional who knows you."
        case .footerSources: "Sources we use"
        case .pageLastReviewed: "Page last reviewed: {date}"
        case .nextReviewDue: "Next review due: {date}"
        case .conditions: "Conditions"
        case .articles: "Articles"
        case .exercises: "Exercises"
        case .exerciseCards: "Exercise cards"
        case .programs: "Programs"
        case .experts: "Experts"
        case .references: "References"
        case .condition: "Condition"
        case .article: "Article"
        case .exerciseCard: "Exercise card"
        case .program: "Program"
        case .expert: "Expert"
        case .page: "Page"
        case .pages: "Pages"
        case .reviewStatus: "Review status"
        case .reviewPending: "Review pending."
        case .reviewPendingNote: "A qualified clinician has not yet reviewed this page for {site}."
        case .reviewedBy: "{role} by {reviewer}."
        case .reviewMedical: "Medical review"
        case .reviewClinical: "Clinical review"
        case .reviewEditorial: "Editorial review"
        case .reviewPharmacy: "Pharmacy review"
        case .reviewNursing: "Nursing review"
        case .whenToGetHelp: "When to get help"
        case .warningSigns: "Warning signs for {condition}"
        case .draft: "Draft."
        case .draftNote: "This page is not published yet."
        case .published: "Published {date}"
        case .updated: "Updated {date}"
        case .about: "About: {conditions}"
        case .peopleCredited: "People credited"
        case .adaptedFrom: "Adapted from"
        case .adaptedNote: "This page is written in our own words, adapted from:"
        case .roleAuthor: "Author"
        case .roleContributor: "Contributor"
        case .roleQuoted: "Quoted in the source article"
        case .roleSourceMedicalReviewer: "Medical reviewer of the source article"
        case .roleSourceClinicalReviewer: "Clinical reviewer of the source article"
        case .alsoCalled: "Also called: {names}"
        case .overview: "Overview"
        case .symptoms: "Symptoms"
        case .whenToSeekCare: "When to seek care"
        case .expertsInvolved: "Experts involved"
        case .foundIn: "Found in"
        case .takeCare: "Take care"
        case .forConditions: "For: {conditions}"
        case .howToDoIt: "How to do it"
        case .watchVideo: "Watch the video"
        case .playVideo: "Play the video"
        case .videoFrom: "Playing it loads the video from {provider}."
        case .openVideoOn: "Open it on {provider}"
        case .exerciseDescription: "How to do the {exercise} exercise, step by step."
        case .openPrintableCard: "Open the printable card for {exercise}"
        case .type: "Type"
        case .difficulty: "Difficulty"
        case .difficultyEasy: "Easy"
        case .difficultyModerate: "Moderate"
        case .difficultyHard: "Hard"
        case .bodyAreas: "Body areas"
        case .equipment: "Equipment"
        case .noEquipment: "None"
        case .howMuch: "How much"
        case .hold: "Hold"
        case .repeat: "Repeat"
        case .sets: "Sets"
        case .time: "Time"
        case .howOften: "How often"
        case .secondsOne: "{n} second"
        case .secondsOther: "{n} seconds"
        case .timesOne: "{n} time"
        case .timesOther: "{n} times"
        case .minutesOne: "{n} minute"
        case .minutesOther: "{n} minutes"
        case .timesADayOne: "{n} time a day"
        case .timesADayOther: "{n} times a day"
        case .daysAWeekOne: "{n} day a week"
        case .daysAWeekOther: "{n} days a week"
        case .stretches: "Stretches"
        case .stretch: "Stretch"
        case .strengthening: "Strengthening"
        case .aerobicList: "Aerobic (cardio)"
        case .aerobic: "Aerobic"
        case .mobility: "Mobility"
        case .balance: "Balance"
        case .coolDown: "Cool-down"
        case .pagesReviewed: "Pages reviewed"
        case .namedOn: "Named on these pages"
        case .notReviewed: "{name} has not reviewed any page on this site."
        case .thePlan: "The plan, phase by phase"
        case .mistakes: "Mistakes to avoid"
        case .pauseSignals: "When to pause and get advice"
        case .phase: "Phase {number}: {name}"
        case .when: "When"
        case .howLong: "How long"
        case .minutesPerActivityOne: "{n} minute a {activity}"
        case .minutesPerActivityOther: "{n} minutes a {activity}"
        case .onceADay: "Once a day"
        case .week: "Week {n}"
        case .weeks: "Weeks {n}"
        case .weekOnward: "Week {n} onward"
        case .where: "Where"
        case .pace: "Pace"
        case .breathing: "Breathing"
        case .goal: "Goal"
        case .formCues: "Form cues"
        case .latestArticles: "Latest articles"
        case .nothingYet: "Nothing here yet."
        case .indexDescription: "{title} on {site}."
        case .referencesLede: "The sources behind the health information on this site."
        case .referencesDescription: "The sources behind {site}."
        case .citedOn: "Cited on:"
        case .referenceNumber: "Reference {n}"
        case .allSources: "All the sources this site uses"
        case .pageNotFound: "Page not found"
        case .notFoundText: "We could not find that page. It may have moved."
        case .notFoundLinks: "{home} or {conditions}."
        case .goHome: "Go to the home page"
        case .browseConditions: "browse conditions"
        case .notFoundDescription: "This page could not be found."
        case .movedTitle: "Moved: {title}"
        case .pageMoved: "This page has moved"
        case .goTo: "Go to {title}"
        case .date: "{day} {month} {year}"
        case .january: "January"
        case .february: "February"
        case .march: "March"
        case .april: "April"
        case .may: "May"
        case .june: "June"
        case .july: "July"
        case .august: "August"
        case .september: "September"
        case .october: "October"
        case .november: "November"
        case .december: "December"
        }
    }

    // Spanish for readers anywhere: "usted", and words shared by Spain and Latin America.
    // swiftlint:disable:next cyclomatic_complexity function_body_length
    private static func spanish(_ key: UIText) -> String {
        switch key {
        case .skipLink: "Saltar al contenido principal"
        case .mainNavigation: "Principal"
        case .footerNavigation: "Más sobre este sitio"
        case .search: "Buscar"
        case .searchButton: "Ir"
        case .searchLabel: "Busque una afección, un artículo o un ejercicio"
        case .searchSubmit: "Buscar"
        case .searchDescription: "Buscar en {site}."
        case .searchMore: "Ver más resultados"
        case .searchNoScript: "La búsqueda necesita JavaScript. Puede consultar {conditions}, {articles} y {exercises}."
        case .searchNone: "No hay resultados para «{query}»"
        case .searchOne: "1 resultado para «{query}»"
        case .searchOther: "{n} resultados para «{query}»"
        case .searchUnavailable: "La búsqueda no está disponible en este momento."
        case .feedTitle: "{site}: artículos"
        case .footerNote: "{site} publica información de salud con fines educativos. No sustituye la atención de un profesional de la salud que conozca su caso."
        case .footerSources: "Fuentes que utilizamos"
        case .pageLastReviewed: "Última revisión de la página: {date}"
        case .nextReviewDue: "Próxima revisión prevista: {date}"
        case .conditions: "Problemas de salud"
        case .articles: "Artículos"
        case .exercises: "Ejercicios"
        case .exerciseCards: "Fichas de ejercicios"
        case .programs: "Programas"
        case .experts: "Especialistas"
        case .references: "Referencias"
        case .condition: "Problema de salud"
        case .article: "Artículo"
        case .exerciseCard: "Ficha de ejercicio"
        case .program: "Programa"
        case .expert: "Especialista"
        case .page: "Página"
        case .pages: "Páginas"
        case .reviewStatus: "Estado de la revisión"
        case .reviewPending: "Revisión pendiente."
        case .reviewPendingNote: "Ningún profesional sanitario cualificado ha revisado todavía esta página para {site}."
        case .reviewedBy: "{role} a cargo de {reviewer}."
        case .reviewMedical: "Revisión médica"
        case .reviewClinical: "Revisión clínica"
        case .reviewEditorial: "Revisión editorial"
        case .reviewPharmacy: "Revisión farmacéutica"
        case .reviewNursing: "Revisión de enfermería"
        case .whenToGetHelp: "Cuándo pedir ayuda"
        case .warningSigns: "Señales de alarma: {condition}"
        case .draft: "Borrador."
        case .draftNote: "Esta página todavía no está publicada."
        case .published: "Publicado el {date}"
        case .updated: "Actualizado el {date}"
        case .about: "Sobre: {conditions}"
        case .peopleCredited: "Personas que han participado"
        case .adaptedFrom: "Adaptado de"
        case .adaptedNote: "Hemos redactado esta página con nuestras propias palabras a partir de:"
        case .roleAuthor: "Autoría"
        case .roleContributor: "Colaboración"
        case .roleQuoted: "Declaraciones en el artículo original"
        case .roleSourceMedicalReviewer: "Revisión médica del artículo original"
        case .roleSourceClinicalReviewer: "Revisión clínica del artículo original"
        case .alsoCalled: "También se conoce como: {names}"
        case .overview: "Descripción general"
        case .symptoms: "Síntomas"
        case .whenToSeekCare: "Cuándo buscar atención médica"
        case .expertsInvolved: "Especialistas que han participado"
        case .foundIn: "Aparece en"
        case .takeCare: "Precauciones"
        case .forConditions: "Para: {conditions}"
        case .howToDoIt: "Cómo hacerlo"
        case .watchVideo: "Ver el vídeo"
        case .playVideo: "Reproducir el vídeo"
        case .videoFrom: "Al reproducirlo, el vídeo se carga desde {provider}."
        case .openVideoOn: "Abrirlo en {provider}"
        case .exerciseDescription: "Cómo hacer el ejercicio «{exercise}», paso a paso."
        case .openPrintableCard: "Abrir la ficha imprimible de «{exercise}»"
        case .type: "Tipo"
        case .difficulty: "Dificultad"
        case .difficultyEasy: "Baja"
        case .difficultyModerate: "Media"
        case .difficultyHard: "Alta"
        case .bodyAreas: "Zonas del cuerpo"
        case .equipment: "Material"
        case .noEquipment: "Ninguno"
        case .howMuch: "Cuánto"
        case .hold: "Mantener"
        case .repeat: "Repetir"
        case .sets: "Series"
        case .time: "Tiempo"
        case .howOften: "Frecuencia"
        case .secondsOne: "{n} segundo"
        case .secondsOther: "{n} segundos"
        case .timesOne: "{n} vez"
        case .timesOther: "{n} veces"
        case .minutesOne: "{n} minuto"
        case .minutesOther: "{n} minutos"
        case .timesADayOne: "{n} vez al día"
        case .timesADayOther: "{n} veces al día"
        case .daysAWeekOne: "{n} día a la semana"
        case .daysAWeekOther: "{n} días a la semana"
        case .stretches: "Estiramientos"
        case .stretch: "Estiramiento"
        case .strengthening: "Fortalecimiento"
        case .aerobicList: "Ejercicio aeróbico (cardio)"
        case .aerobic: "Aeróbico"
        case .mobility: "Movilidad"
        case .balance: "Equilibrio"
        case .coolDown: "Vuelta a la calma"
        case .pagesReviewed: "Páginas revisadas"
        case .namedOn: "Aparece en estas páginas"
        case .notReviewed: "{name} todavía no ha revisado ninguna página de este sitio."
        case .thePlan: "El plan, fase a fase"
        case .mistakes: "Errores que conviene evitar"
        case .pauseSignals: "Cuándo parar y pedir consejo"
        case .phase: "Fase {number}: {name}"
        case .when: "Cuándo"
        case .howLong: "Duración"
        case .minutesPerActivityOne: "{n} minuto por {activity}"
        case .minutesPerActivityOther: "{n} minutos por {activity}"
        case .onceADay: "Una vez al día"
        case .week: "Semana {n}"
        case .weeks: "Semanas {n}"
        case .weekOnward: "A partir de la semana {n}"
        case .where: "Dónde"
        case .pace: "Ritmo"
        case .breathing: "Respiración"
        case .goal: "Objetivo"
        case .formCues: "Claves de la técnica"
        case .latestArticles: "Últimos artículos"
        case .nothingYet: "Todavía no hay nada aquí."
        case .indexDescription: "{title} en {site}."
        case .referencesLede: "Las fuentes en las que se basa la información de salud de este sitio."
        case .referencesDescription: "Las fuentes en las que se basa {site}."
        case .citedOn: "Citada en:"
        case .referenceNumber: "Referencia {n}"
        case .allSources: "Todas las fuentes que utiliza este sitio"
        case .pageNotFound: "Página no encontrada"
        case .notFoundText: "No hemos encontrado esa página. Es posible que se haya movido."
        case .notFoundLinks: "{home} o {conditions}."
        case .goHome: "Ir a la página de inicio"
        case .browseConditions: "ver los problemas de salud"
        case .notFoundDescription: "No se ha encontrado esta página."
        case .movedTitle: "Página trasladada: {title}"
        case .pageMoved: "Esta página ha cambiado de dirección"
        case .goTo: "Ir a {title}"
        case .date: "{day} de {month} de {year}"
        case .january: "enero"
        case .february: "febrero"
        case .march: "marzo"
        case .april: "abril"
        case .may: "mayo"
        case .june: "junio"
        case .july: "julio"
        case .august: "agosto"
        case .september: "septiembre"
        case .october: "octubre"
        case .november: "noviembre"
        case .december: "diciembre"
        }
    }
}

/// A piece of a UI text: words as written, or a `{word}` the template fills in.
public enum UITextSegment: Equatable, Sendable {
    case text(String)
    case placeholder(String)
}

/// The UI text of one site: its language's built-in table with `site.yml`'s `strings:` laid over it.
public struct UIStrings: Sendable {
    /// The table the texts come from (English for a language Salve does not ship).
    public let base: BuiltInLanguage
    private var overrides: [UIText: String] = [:]
    /// Each text split at its `{word}`s, made once: every page fills in dates and labels, and splitting
    /// the texts again each time was a few percent of a large site's build.
    private var split: [UIText: [UITextSegment]]

    public init(language tag: String) {
        self.init(BuiltInLanguage(tag: tag) ?? .en)
    }

    public init(_ base: BuiltInLanguage) {
        self.base = base
        split = Dictionary(uniqueKeysWithValues: UIText.allCases.map { ($0, UIStrings.segments(of: base.text($0))) })
    }

    public subscript(_ key: UIText) -> String {
        get { overrides[key] ?? base.text(key) }
        set {
            overrides[key] = newValue
            split[key] = UIStrings.segments(of: newValue)
        }
    }

    /// The text split at its `{word}`s.
    public func segments(_ key: UIText) -> [UITextSegment] { split[key] ?? UIStrings.segments(of: self[key]) }

    /// How many texts `site.yml` gives.
    public var overrideCount: Int { overrides.count }

    /// The text with its `{word}`s filled in from `values`; a `{word}` with no value stays as written.
    public func callAsFunction(_ key: UIText, _ values: KeyValuePairs<String, String> = [:]) -> String {
        var result = ""
        for segment in segments(key) {
            switch segment {
            case .text(let text): result += text
            case .placeholder(let name): result += values.first { $0.key == name }?.value ?? "{\(name)}"
            }
        }
        return result
    }

    /// "{n} second" or "{n} seconds" by the count: one for exactly 1, the other for everything else
    /// (ranges included), which is the rule in English and Spanish.
    public func count(_ quantity: Quantity, one: UIText, other: UIText) -> String {
        self(quantity.isSingle && quantity.lower == 1 ? one : other, ["n": quantity.description])
    }

    /// The day in the site's language: "30 May 2023", "30 de mayo de 2023".
    public func date(_ day: Day) -> String {
        let months: [UIText] = [.january, .february, .march, .april, .may, .june, .july, .august, .september,
                                .october, .november, .december]
        return self(.date, ["day": String(day.day), "month": self[months[day.month - 1]], "year": String(day.year)])
    }

    /// Splits a text at its `{word}`s (lowercase letters and hyphens between braces); any other brace is text.
    public static func segments(of text: String) -> [UITextSegment] {
        var segments: [UITextSegment] = []
        var pending = Substring()
        var rest = text[...]
        while let open = rest.firstIndex(of: "{") {
            let after = rest.index(after: open)
            let name = rest[after...].prefix { $0 == "-" || ("a"..."z").contains($0) }
            let close = name.endIndex
            if !name.isEmpty, close < rest.endIndex, rest[close] == "}" {
                pending += rest[..<open]
                if !pending.isEmpty { segments.append(.text(String(pending))) }
                pending = ""
                segments.append(.placeholder(String(name)))
                rest = rest[rest.index(after: close)...]
            } else {
                pending += rest[...open]
                rest = rest[after...]
            }
        }
        pending += rest
        if !pending.isEmpty { segments.append(.text(String(pending))) }
        return segments
    }
}
