#!/usr/bin/env python3
"""Writes a deterministic synthetic Salve corpus: N articles of 1,000-1,500 words (headings, lists,
links, [@key] citations, an exercise block), a few hundred exercise cards, ~20 conditions, ~30 experts
and a CSL-JSON bibliography of a few hundred entries.

usage: generate_corpus.py --articles N --out DIR [--seed 42]
Writes DIR/Content, DIR/seeds and DIR/hugo (a Hugo site over the same Markdown).
"""
import argparse
import json
import os
import random
import shutil

WORDS = """about above active activity after again ankle arch arm back balance bend better body bone breath
breathe bridge calf care chair chest clinic comfortable core daily day deep doctor ease easy every exercise
feel feet find flat floor foot gentle glute good gradually habit heal health heel help hip hold home joint
knee leg level lift light long low lower mat mild minute morning move movement muscle neck nerve night
often pace pain pelvis plan posture pressure rest routine safe seated shoulder side simple sit sleep slow
small spine stand start steady step stiff stiffness strength stretch strong support surface swelling
therapist thigh tight time today towel try twist upper walk warm water week weight well work""".split()
CONNECTORS = "and but so because while when if as then also".split()
KINDS = ["stretch", "strength", "aerobic", "mobility", "balance", "cool-down"]


def sentence(rng, n=None):
    n = n or rng.randint(8, 18)
    words = [rng.choice(WORDS) for _ in range(n)]
    if n > 10:
        words.insert(rng.randint(3, n - 3), rng.choice(CONNECTORS))
    text = " ".join(words)
    return text[0].upper() + text[1:]


def paragraph(rng, keys, cards, sentences=None):
    parts = []
    for i in range(sentences or rng.randint(4, 7)):
        s = sentence(rng)
        roll = rng.random()
        if roll < 0.25:
            s += " [@%s]" % rng.choice(keys)
        elif roll < 0.30:
            s += " [@%s; @%s]" % (rng.choice(keys), rng.choice(keys))
        elif roll < 0.38:
            card = rng.choice(cards)
            s += " with the [%s](../exercises/%s.md)" % (card.replace("-", " "), card)
        elif roll < 0.45:
            w = rng.choice(WORDS)
            s = s.replace(" %s " % w, " *%s* " % w, 1)
        elif roll < 0.50:
            w = rng.choice(WORDS)
            s = s.replace(" %s " % w, " **%s** " % w, 1)
        parts.append(s + ".")
    return " ".join(parts)


def article(rng, index, conditions, experts, keys, cards):
    conds = rng.sample(conditions, rng.randint(1, 2))
    lines = [
        "---",
        "title: %s" % sentence(rng, rng.randint(4, 7)),
        "summary: %s. [@%s]" % (sentence(rng, 14), rng.choice(keys)),
        "conditions: [%s]" % ", ".join(conds),
        "experts:",
        "  - expert: %s" % rng.choice(experts),
        "    role: author",
        "review:",
        "  reviewer: %s" % rng.choice(experts),
        "  role: clinical",
        "  date: 2026-%02d-%02d" % (rng.randint(1, 10), rng.randint(1, 28)),
        "published: 2025-%02d-%02d" % (rng.randint(1, 12), rng.randint(1, 28)),
        "---",
        "",
        paragraph(rng, keys, cards),
        "",
    ]
    words = 0
    section = 0
    target = rng.randint(1000, 1500)
    while words < target:
        section += 1
        lines += ["## %s %d" % (sentence(rng, rng.randint(3, 5)), section), ""]
        for _ in range(rng.randint(2, 3)):
            p = paragraph(rng, keys, cards)
            words += len(p.split())
            lines += [p, ""]
        if section % 2 == 0:
            for _ in range(rng.randint(3, 5)):
                item = sentence(rng, rng.randint(6, 12))
                words += len(item.split())
                lines.append("- %s." % item)
            lines.append("")
        if section == 2:
            lines += ["```exercise"] + rng.sample(cards, 2) + ["```", ""]
    return "\n".join(lines)


def card(rng, slug, conditions, keys):
    lines = [
        "---",
        "title: %s" % slug.replace("-", " ").capitalize(),
        "kind: %s" % rng.choice(KINDS),
        "conditions: [%s]" % ", ".join(rng.sample(conditions, rng.randint(1, 2))),
        "body-areas: [%s, %s]" % (rng.choice(WORDS), rng.choice(WORDS)),
        "difficulty: %s" % rng.choice(["easy", "moderate"]),
        "dosage:",
        "  reps: %d" % rng.randint(5, 15),
        "  per-day: %d" % rng.randint(1, 3),
        "cautions:",
        "  - %s. [@%s]" % (sentence(rng), rng.choice(keys)),
        "review: pending",
        "---",
        "",
        sentence(rng) + ".",
        "",
    ]
    for n in range(1, rng.randint(5, 8)):
        lines.append("%d. %s." % (n, sentence(rng, rng.randint(6, 12))))
    return "\n".join(lines) + "\n"


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--articles", type=int, required=True)
    parser.add_argument("--out", required=True)
    parser.add_argument("--seed", type=int, default=42)
    args = parser.parse_args()
    rng = random.Random(args.seed)
    out = args.out
    if os.path.exists(out):
        shutil.rmtree(out)
    content = os.path.join(out, "Content")
    for folder in ["conditions", "articles", "exercises", "experts", "programs"]:
        os.makedirs(os.path.join(content, folder))
    os.makedirs(os.path.join(out, "seeds"))

    conditions = ["condition-%02d" % i for i in range(20)]
    experts = ["expert-%02d" % i for i in range(30)]
    keys = ["ref%03d" % i for i in range(300)]
    cards = ["card-%03d" % i for i in range(min(300, max(30, args.articles // 3)))]

    with open(os.path.join(content, "site.yml"), "w") as f:
        f.write("title: Benchmark Health Library\nbase-url: https://bench.example/\nlanguage: en\n")
    refs = []
    for i, key in enumerate(keys):
        refs.append({
            "id": key, "type": "article-journal",
            "author": [{"family": "Author%d" % i, "given": "A. B."}, {"family": "Second%d" % i, "given": "C."}],
            "title": sentence(rng, 8), "container-title": "Journal of Synthetic Health",
            "volume": str(rng.randint(1, 40)), "issue": str(rng.randint(1, 12)), "page": "%d-%d" % (i, i + 9),
            "issued": {"date-parts": [[rng.randint(2000, 2024)]]}, "DOI": "10.5555/bench.%04d" % i,
        })
    with open(os.path.join(out, "seeds", "references.json"), "w") as f:
        json.dump(refs, f, indent=1)
    for slug in experts:
        with open(os.path.join(content, "experts", slug + ".md"), "w") as f:
            f.write("---\nname: %s\ncredentials: [PT, DPT]\ntitle: Physical therapist\n---\n\n%s.\n"
                    % (slug.replace("-", " ").title(), sentence(rng)))
    for slug in conditions:
        with open(os.path.join(content, "conditions", slug + ".md"), "w") as f:
            f.write("---\nname: %s\nsummary: %s. [@%s]\nsymptoms:\n  - %s.\n  - %s.\nseek-care:\n  - %s.\n---\n\n## Overview\n\n%s\n"
                    % (slug.replace("-", " ").title(), sentence(rng), rng.choice(keys), sentence(rng), sentence(rng),
                       sentence(rng), paragraph(rng, keys, cards)))
    for slug in cards:
        with open(os.path.join(content, "exercises", slug + ".md"), "w") as f:
            f.write(card(rng, slug, conditions, keys))
    for i in range(args.articles):
        with open(os.path.join(content, "articles", "article-%05d.md" % i), "w") as f:
            f.write(article(rng, i, conditions, experts, keys, cards))

    # Hugo over the same Markdown: articles and cards as sections, conditions as taxonomy terms whose
    # pages list their articles and cards (the per-condition lists), with the condition text as content.
    hugo = os.path.join(out, "hugo")
    os.makedirs(os.path.join(hugo, "content"))
    for folder in ["articles", "exercises"]:
        os.symlink(os.path.join(os.path.abspath(content), folder), os.path.join(hugo, "content", folder))
    for slug in conditions:
        os.makedirs(os.path.join(hugo, "content", "conditions", slug))
        shutil.copy(os.path.join(content, "conditions", slug + ".md"),
                    os.path.join(hugo, "content", "conditions", slug, "_index.md"))
    layouts = os.path.join(hugo, "layouts", "_default")
    os.makedirs(layouts)
    with open(os.path.join(hugo, "config.toml"), "w") as f:
        f.write('baseURL = "https://bench.example/"\ntitle = "Benchmark Health Library"\n'
                'disableKinds = ["RSS", "sitemap", "robotsTXT"]\n'
                '[taxonomies]\n  condition = "conditions"\n'
                '[markup.goldmark.renderer]\n  unsafe = false\n')
    page = ('<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>{{ .Title }}</title></head>'
            '<body><main><h1>{{ .Title }}</h1>%s</main></body></html>\n')
    with open(os.path.join(layouts, "single.html"), "w") as f:
        f.write(page % ('{{ .Content }}<ul>{{ range .Params.conditions }}<li><a href="{{ "conditions/" | relURL }}{{ . }}/">'
                        '{{ . }}</a></li>{{ end }}</ul>'))
    with open(os.path.join(layouts, "list.html"), "w") as f:
        f.write(page % '{{ .Content }}<ul>{{ range .Pages }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a></li>{{ end }}</ul>')


if __name__ == "__main__":
    main()
