import ContentModel
import Diagnostics
import Media
import YAML

/// Turns a file's front matter fields and body into a typed page. Each decoder reads every field it
/// knows, so one run reports every problem, and returns `nil` only when a required field is unusable.
struct PageDecoder {
    let slug: Slug
    let file: String
    /// The file's folder relative to `Content/`, against which `image.src` is resolved.
    var folder: [String] = []
    let site: SiteConfig
    var fields: FieldReader
    let body: Body
    /// An article's `published` date and where it is written, for the warning about a date to come.
    private(set) var published: Located<Day>?

    mutating func decode(_ kind: ContentKind) -> (any ContentPage)? {
        let aliases = fields.strings("aliases")
        let searchTerms = fields.strings("search-terms").map(\.value)
        let image = pageImage()
        var page: (any ContentPage)? = switch kind {
        case .condition: condition()
        case .article: article()
        case .exercise: exercise()
        case .program: program()
        case .expert: expert()
        case .page: plainPage()
        }
        page?.aliases = aliases
        page?.searchTerms = searchTerms
        page?.image = image
        return page
    }

    mutating func condition() -> Condition? {
        let name = fields.string("name", required: true)
        let synonyms = fields.strings("synonyms").map(\.value)
        let summary = fields.text("summary", required: true)
        let symptoms = fields.texts("symptoms", required: true)
        let seekCare = fields.texts("seek-care", required: true)
        let sources = fields.citationKeys("sources")
        let review = review(required: false)
        guard let name, let summary else { return nil }
        return Condition(slug: slug, file: file, name: name.value, synonyms: synonyms, summary: summary,
                         symptoms: symptoms, seekCare: seekCare, sources: sources,
                         review: review ?? .pending(note: nil, location: fields.location), body: body)
    }

    mutating func article() -> Article? {
        let title = fields.string("title", required: true)
        let summary = fields.text("summary", required: true)
        let conditions = fields.slugs("conditions", required: true)
        let experts = expertCredits()
        let sources = fields.citationKeys("sources")
        let review = review(required: true)
        let published = fields.day("published", required: true)
        let updated = fields.day("updated")
        let draft = fields.bool("draft", default: false)
        if !draft { self.published = published }
        if let published, let updated, updated.value < published.value {
            fields.report(.invalidValue, "'updated' (\(updated.value)) is before 'published' (\(published.value))",
                          at: updated.location)
        }
        guard let title, let summary, let review, let published else { return nil }
        return Article(slug: slug, file: file, title: title.value, summary: summary, conditions: conditions,
                       experts: experts, sources: sources, review: review, published: published.value,
                       updated: updated?.value, draft: draft, body: body)
    }

    mutating func exercise() -> ExerciseCard? {
        let title = fields.string("title", required: true)
        let kind = fields.choice("kind", required: true, as: ExerciseKind.self)
        let conditions = fields.slugs("conditions", required: true)
        let bodyAreas = fields.strings("body-areas").map(\.value)
        let equipment = fields.strings("equipment").map(\.value)
        let difficulty = fields.choice("difficulty", as: Difficulty.self)
        var dosage = Dosage()
        if var reader = fields.nested("dosage") {
            dosage = Dosage(holdSeconds: reader.quantity("hold-seconds"), reps: reader.quantity("reps"),
                            sets: reader.quantity("sets"), minutes: reader.quantity("minutes"),
                            perDay: reader.quantity("per-day"), perWeek: reader.quantity("per-week"))
            fields.absorb(&reader)
        }
        let cautions = fields.texts("cautions")
        var images: [CardImage] = []
        for var reader in fields.nestedList("images") {
            let src = reader.string("src", required: true)
            let alt = mediaAlt(&reader, key: "images")
            let caption = reader.string("caption")
            if let src, let path = mediaPath(src, reader: &reader), let alt {
                images.append(CardImage(path: path, alt: alt, caption: caption?.value, location: src.location))
            }
            fields.absorb(&reader)
        }
        var video: CardVideo?
        if var reader = fields.nested("video") {
            video = cardVideo(&reader)
            fields.absorb(&reader)
        }
        let sources = fields.citationKeys("sources")
        let review = review(required: true)
        if body.firstOrderedList.isEmpty {
            fields.report(.missingSteps, "an exercise card needs its steps as a numbered list (1. 2. 3.) in the body",
                          at: SourceLocation(file: file, line: body.firstLine, column: 1))
        }
        guard let title, let kind, let review else { return nil }
        var card = ExerciseCard(slug: slug, file: file, title: title.value, kind: kind, conditions: conditions,
                                bodyAreas: bodyAreas, equipment: equipment, difficulty: difficulty, dosage: dosage,
                                cautions: cautions, sources: sources, review: review, body: body)
        card.images = images
        card.video = video
        return card
    }

    mutating func program() -> Program? {
        let title = fields.string("title", required: true)
        let summary = fields.text("summary", required: true)
        let conditions = fields.slugs("conditions", required: true)
        var phases: [ProgramPhase] = []
        for var reader in fields.nestedList("phases", required: true) {
            let name = reader.string("name", required: true)
            let weeks = reader.quantity("weeks", required: true)
            let phase = ProgramPhase(
                name: name?.value ?? "", weeks: weeks ?? Quantity(lower: 1, upper: 1)!,
                minutes: reader.quantity("minutes"), perDay: reader.quantity("per-day"),
                perWeek: reader.quantity("per-week"), terrain: reader.text("terrain"), pace: reader.text("pace"),
                breathing: reader.text("breathing"), goal: reader.text("goal"), cues: reader.texts("cues"),
                activity: reader.string("activity")?.value)
            if name != nil, weeks != nil { phases.append(phase) }
            fields.absorb(&reader)
        }
        var mistakes: [ProgramMistake] = []
        for var reader in fields.nestedList("mistakes") {
            if let title = reader.string("title", required: true), let text = reader.text("text", required: true) {
                mistakes.append(ProgramMistake(title: title.value, text: text))
            }
            fields.absorb(&reader)
        }
        let pauseSignals = fields.texts("pause-signals")
        let sources = fields.citationKeys("sources")
        let review = review(required: false)
        guard let title, let summary else { return nil }
        return Program(slug: slug, file: file, title: title.value, summary: summary, conditions: conditions,
                       phases: phases, mistakes: mistakes, pauseSignals: pauseSignals, sources: sources,
                       review: review ?? .pending(note: nil, location: fields.location), body: body)
    }

    mutating func expert() -> Expert? {
        let name = fields.string("name", required: true)
        let credentials = fields.strings("credentials").map(\.value)
        let title = fields.string("title", required: true)
        let affiliation = fields.string("affiliation")
        guard let name, let title else { return nil }
        return Expert(slug: slug, file: file, name: name.value, credentials: credentials, title: title.value,
                      affiliation: affiliation?.value, body: body)
    }

    mutating func plainPage() -> PlainPage? {
        let title = fields.string("title", required: true)
        let summary = fields.text("summary")
        var menus: [MenuName] = []
        for name in fields.strings("menu") {
            guard let menu = MenuName(rawValue: name.value) else {
                let allowed = MenuName.allCases.map(\.rawValue)
                fields.report(.invalidValue, "'\(name.value)' is not a menu\(didYouMean(name.value, in: allowed)); use \(allowed.joined(separator: " or "))",
                              at: name.location)
                continue
            }
            if !menus.contains(menu) { menus.append(menu) }
        }
        let weight = fields.int("weight", in: -1000...1000) ?? 0
        let pageType = fields.choice("page-type", as: PlainPageType.self) ?? .page
        let updated = fields.day("updated")
        let draft = fields.bool("draft", default: false)
        let sources = fields.citationKeys("sources")
        let review = review(required: false)
        guard let title else { return nil }
        return PlainPage(slug: slug, file: file, title: title.value, summary: summary, menus: menus, weight: weight,
                         pageType: pageType, updated: updated?.value, draft: draft, sources: sources, review: review,
                         body: body)
    }

    // MARK: Shared fields

    /// `image: {src, alt, credit}`: `src` relative to the Markdown file like a body's picture;
    /// `alt` required, `alt: ""` written out for a decorative picture.
    private mutating func pageImage() -> PageImage? {
        guard var reader = fields.nested("image") else { return nil }
        defer { fields.absorb(&reader) }
        let src = reader.string("src", required: true)
        let alt = mediaAlt(&reader, key: "image")
        let credit = reader.string("credit")
        guard let src, let path = mediaPath(src, reader: &reader), let alt else { return nil }
        return PageImage(path: path, alt: alt, credit: credit?.value, location: src.location)
    }

    /// `video: {src, captions, poster}` or `video: {youtube: ID or address, poster}` (or `vimeo`).
    private mutating func cardVideo(_ reader: inout FieldReader) -> CardVideo? {
        let src = reader.string("src")
        let youtube = reader.string("youtube")
        let vimeo = reader.string("vimeo")
        let captions = reader.string("captions")
        let posterValue = reader.string("poster")
        var references: [BodyMedia] = []
        var poster: String?
        if let posterValue, let path = mediaPath(posterValue, reader: &reader) {
            poster = path
            references.append(BodyMedia(path: path, use: .image(alt: "", title: ""), location: posterValue.location))
        }
        let given = [src, youtube, vimeo].compactMap { $0 }
        guard given.count == 1 else {
            reader.report(.invalidValue, given.isEmpty
                          ? "'video' needs 'src' (a video file in Content/media/), 'youtube' or 'vimeo'"
                          : "'video' takes one of 'src', 'youtube' or 'vimeo', not more",
                          at: given.count > 1 ? given[1].location : reader.location)
            return nil
        }
        if let src {
            guard let path = mediaFile(src, kind: "a video (MP4 or WebM)", reader: &reader, accepts: { if case .video = $0 { true } else { false } }) else { return nil }
            references.append(BodyMedia(path: path, use: .link, location: src.location))
            guard let captions else {
                reader.report(.missingField,
                              "this video has no captions: add 'captions' with a WebVTT (.vtt) file of what is said, so people who cannot hear it can follow (WCAG 1.2.2, Captions)",
                              at: src.location)
                return nil
            }
            guard let captionsPath = mediaFile(captions, kind: "a captions file (WebVTT, .vtt)", reader: &reader, accepts: { $0 == .captions }) else { return nil }
            references.append(BodyMedia(path: captionsPath, use: .link, location: captions.location))
            return CardVideo(source: .file(path: path, captions: captionsPath), poster: poster, references: references)
        }
        if let captions {
            reader.report(.invalidValue, "'captions' is for a video file of the site's own; add captions to a YouTube or Vimeo video on that service",
                          at: captions.location)
        }
        if let youtube {
            guard let id = VideoAddress.youtubeID(youtube.value) else {
                reader.report(.invalidValue, "'\(youtube.value)' is not a YouTube video: write its 11-character id (like dQw4w9WgXcQ) or its address",
                              at: youtube.location)
                return nil
            }
            return CardVideo(source: .youtube(id: id), poster: poster, references: references)
        }
        guard let vimeo, let id = VideoAddress.vimeoID(vimeo.value) else {
            reader.report(.invalidValue, "'\(vimeo?.value ?? "")' is not a Vimeo video: write its number (like 76979871) or its address",
                          at: vimeo?.location ?? reader.location)
            return nil
        }
        return CardVideo(source: .vimeo(id: id), poster: poster, references: references)
    }

    /// A path into `Content/media/` to a file of the kind `accepts` takes; an error at the value otherwise.
    private func mediaFile(_ value: Located<String>, kind: String, reader: inout FieldReader,
                           accepts: (MediaKind) -> Bool) -> String? {
        switch MediaPathResolver.resolve(value.value, from: folder) {
        case .media(let path)? where MediaKind(fileName: path).map(accepts) ?? false:
            return path
        case .invalid(let reason)?:
            reader.report(.missingMedia, "'\(value.value)' \(reason)", at: value.location)
        default:
            reader.report(.invalidValue, "'\(value.value)' is not \(kind) in Content/media/", at: value.location)
        }
        return nil
    }

    /// A picture's `alt`: required, and empty only when written so (`alt: ""`).
    func mediaAlt(_ reader: inout FieldReader, key: String) -> String? {
        guard let node = reader.node("alt") else {
            reader.report(.missingField,
                          "'\(key)' needs 'alt': the words a screen reader says instead of the picture (write alt: \"\" only when the picture adds nothing to the text)",
                          at: reader.location)
            return nil
        }
        guard case .scalar(let text, _) = node.content else {
            reader.report(.wrongType, "field 'alt' should be a single piece of text", at: reader.location(of: node))
            return nil
        }
        return text.trimmingWhitespace
    }

    /// `src` resolved into `Content/media/`; an error at the value when it cannot be one. Whether
    /// the file exists is checked once the media library is known.
    func mediaPath(_ src: Located<String>, reader: inout FieldReader) -> String? {
        switch MediaPathResolver.resolve(src.value, from: folder) {
        case .media(let path)? where MediaKind(fileName: path).map({ if case .image = $0 { true } else { false } }) ?? false:
            return path
        case .media?:
            reader.report(.invalidValue,
                          "'\(src.value)' is not a picture; write a path to a PNG, JPEG, WebP, GIF, AVIF or SVG file in Content/media/",
                          at: src.location)
        case .invalid(let reason)?:
            reader.report(.missingMedia, "'\(src.value)' \(reason)", at: src.location)
        case nil:
            reader.report(.invalidValue,
                          "'\(src.value)' is not a picture in Content/media/; write a path to a PNG, JPEG, WebP, GIF, AVIF or SVG file relative to this file",
                          at: src.location)
        }
        return nil
    }

    private mutating func expertCredits() -> [ExpertCredit] {
        var credits: [ExpertCredit] = []
        for var reader in fields.nestedList("experts") {
            let expert = reader.slug("expert", required: true)
            let role = reader.choice("role", required: true, as: ExpertRole.self)
            if let expert, let role { credits.append(ExpertCredit(expert: expert, role: role)) }
            fields.absorb(&reader)
        }
        return credits
    }

    /// `review: pending`, `review: {status: pending, note: …}` or a completed review.
    private mutating func review(required: Bool) -> Review? {
        guard let node = fields.node("review", required: required) else { return nil }
        if case .scalar(let text, _) = node.content {
            if text.trimmingWhitespace == "pending" { return .pending(note: nil, location: fields.location(of: node)) }
            fields.report(.invalidValue, "'review' should be 'pending' or a record with reviewer, role and date",
                          at: fields.location(of: node))
            return nil
        }
        guard var reader = fields.nested(node, key: "review") else { return nil }
        defer { fields.absorb(&reader) }
        if let status = reader.string("status") {
            guard status.value == "pending" else {
                reader.report(.invalidValue, "'status' can only be 'pending'; a completed review names its reviewer, role and date instead",
                              at: status.location)
                return nil
            }
            return .pending(note: reader.string("note")?.value, location: status.location)
        }
        let reviewer = reader.slug("reviewer", required: true)
        let role = reader.choice("role", required: true, as: ReviewRole.self)
        let date = reader.day("date", required: true)
        let nextDue = reader.day("next-due")
        guard let reviewer, let role, let date else { return nil }
        let due = nextDue?.value ?? date.value.adding(months: site.reviewIntervalMonths)
        if let nextDue, nextDue.value <= date.value {
            reader.report(.invalidValue, "'next-due' (\(nextDue.value)) must be after the review date (\(date.value))",
                          at: nextDue.location)
        }
        return .reviewed(CompletedReview(reviewer: reviewer, role: role, date: date.value, nextDue: due,
                                         dateLocation: date.location))
    }
}
