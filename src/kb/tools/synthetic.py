"""Write a synthetic content root with N answers per language, for `make bench`.

The counties, municipalities, UI labels and hand-written pages are copied from
the real repository, so county pages stay realistic; the FAQ is replaced by
generated answers spread over a FIXED number of topics (the real ones plus a
few generated ones). The topic count does not grow with N on purpose: the nav
holds topics, answers are listed on topic pages, and that is what keeps the
build linear. Texts are Finnish- and Swedish-like prose built from domain
words (long compounds, ä/ö/å), with headings, lists, tables and links, so
Markdown rendering and the search index do realistic work. The output passes
`kb validate` (tests/cli/test_commands.py checks it).

Used by `kb bench` (kb/tools/bench.py).
"""

from __future__ import annotations

import random
import shutil
from datetime import date, timedelta
from pathlib import Path

from kb.content import layout
from kb.content.load import region_files
from kb.content.model import LANGUAGES
from kb.content.reading import load_yaml_file

EXTRA_TOPICS = 8

# Domain vocabulary; sentences are assembled from these, so word frequencies and
# lengths resemble the real answers (long Finnish compounds, Swedish articles).
WORDS = {
    "fi": {
        "noun": [
            "hyvinvointialue",
            "järjestö",
            "avustus",
            "kumppanuussopimus",
            "neuvottelukunta",
            "järjestöyhteistyö",
            "toiminta-avustus",
            "hakuaika",
            "päätös",
            "lautakunta",
            "vaikuttamistoimielin",
            "yhdistys",
            "kunta",
            "palvelustrategia",
            "talousarvio",
            "vapaaehtoistoiminta",
            "järjestökoordinaattori",
            "hyvinvointikertomus",
            "yhteistyöryhmä",
            "kohdeavustus",
            "raportti",
            "selvitys",
            "tiekartta",
            "asukasosallisuus",
            "kehittämishanke",
            "vertaistuki",
            "kohtaamispaikka",
        ],
        "verb": [
            "myöntää",
            "käsittelee",
            "valmistelee",
            "hyväksyy",
            "edellyttää",
            "tukee",
            "arvioi",
            "julkaisee",
            "kokoaa",
            "rahoittaa",
            "kuulee",
            "suunnittelee",
        ],
        "adj": [
            "alueellinen",
            "valtakunnallinen",
            "yleishyödyllinen",
            "pieni",
            "kaksikielinen",
            "vuosittainen",
            "ajantasainen",
            "julkinen",
            "paikallinen",
            "pitkäaikainen",
        ],
        "glue": [
            "ja",
            "sekä",
            "mutta",
            "koska",
            "kun",
            "jos",
            "myös",
            "usein",
            "esimerkiksi",
            "yleensä",
            "lisäksi",
            "tarvittaessa",
        ],
        "question": ["Miten", "Milloin", "Kuka", "Mihin", "Voiko", "Mitä", "Kenelle"],
        "heading": [
            "Taustaa",
            "Käytännössä",
            "Hakeminen",
            "Raportointi",
            "Esimerkkejä",
            "Huomioitavaa",
            "Yhteistyö alueella",
            "Lisätietoja",
        ],
        "table": ["Alue", "Avustus", "Hakuaika"],
        "topic": "Aihepiiri",
    },
    "sv": {
        "noun": [
            "välfärdsområdet",
            "organisationen",
            "understödet",
            "partnerskapsavtalet",
            "delegationen",
            "organisationssamarbetet",
            "verksamhetsunderstödet",
            "ansökningstiden",
            "beslutet",
            "nämnden",
            "påverkansorganet",
            "föreningen",
            "kommunen",
            "servicestrategin",
            "budgeten",
            "frivilligverksamheten",
            "organisationskoordinatorn",
            "välfärdsberättelsen",
            "samarbetsgruppen",
            "projektunderstödet",
            "rapporten",
            "utredningen",
            "färdplanen",
            "invånardelaktigheten",
            "utvecklingsprojektet",
            "kamratstödet",
            "mötesplatsen",
        ],
        "verb": [
            "beviljar",
            "behandlar",
            "bereder",
            "godkänner",
            "förutsätter",
            "stöder",
            "bedömer",
            "publicerar",
            "samlar",
            "finansierar",
            "hör",
            "planerar",
        ],
        "adj": [
            "regionala",
            "nationella",
            "allmännyttiga",
            "små",
            "tvåspråkiga",
            "årliga",
            "aktuella",
            "offentliga",
            "lokala",
            "långvariga",
        ],
        "glue": [
            "och",
            "samt",
            "men",
            "eftersom",
            "när",
            "om",
            "också",
            "ofta",
            "till exempel",
            "vanligen",
            "dessutom",
            "vid behov",
        ],
        "question": ["Hur", "När", "Vem", "Till vad", "Kan", "Vad", "För vem"],
        "heading": [
            "Bakgrund",
            "I praktiken",
            "Ansökan",
            "Rapportering",
            "Exempel",
            "Att observera",
            "Samarbete i området",
            "Mer information",
        ],
        "table": ["Område", "Understöd", "Ansökningstid"],
        "topic": "Ämnesområde",
    },
}
ANCHORS = [
    "taustaa",
    "kaytannossa",
    "hakeminen",
    "raportointi",
    "esimerkkeja",
    "huomioitavaa",
    "yhteistyo-alueella",
    "lisatietoja",
]


def _ascii(word: str) -> str:
    return word.translate(str.maketrans("äöå", "aoa")).replace(" ", "-")


def sentence(rng: random.Random, lang: str, words: int | None = None) -> str:
    w = WORDS[lang]
    count = words or rng.randint(8, 18)
    parts = [rng.choice(w["adj"]), rng.choice(w["noun"]), rng.choice(w["verb"])]
    while len(parts) < count:
        parts.append(rng.choice(w[rng.choice(["noun", "noun", "adj", "glue", "verb"])]))
    text = " ".join(parts)
    return text[0].upper() + text[1:] + "."


def paragraph(rng: random.Random, lang: str) -> str:
    return " ".join(sentence(rng, lang) for _ in range(rng.randint(3, 6)))


def _sources(rng: random.Random, n: int, reviewed: date) -> str:
    lines = ["sources:"]
    for k in range(rng.randint(1, 3)):
        lines += [
            f'  - title: "Synteettinen lähde {n}-{k}"',
            f"    url: https://example.fi/lahde/{n}/{k}",
            f"    checked: {reviewed.isoformat()}",
        ]
    return "\n".join(lines)


def answer_files(n: int, topic: str, regions: list[str], earlier: list[str], seed: int) -> dict[str, str]:
    """The fi and sv files of synthetic answer number n (same structure in both)."""
    plan = random.Random(seed)  # decisions shared by both languages
    answer_id = f"vastaus-{n:05d}-{_ascii(plan.choice(WORDS['fi']['noun']))}"
    reviewed = date(2025, 1, 1) + timedelta(days=plan.randint(0, 600))
    chosen_regions = plan.sample(regions, plan.randint(0, min(3, len(regions))))
    sections = plan.sample(range(len(ANCHORS)), plan.randint(2, 4))
    link_to = plan.choice(earlier) if earlier else None
    with_table = plan.random() < 0.2
    files = {}
    for lang in LANGUAGES:
        rng = random.Random(f"{seed}-{lang}")
        w = WORDS[lang]
        question = (
            f"{rng.choice(w['question'])} {rng.choice(w['noun'])} "
            f"{rng.choice(w['verb'])} {rng.choice(w['adj'])} {rng.choice(w['noun'])} ({n})?"
        )
        keywords = ", ".join(dict.fromkeys(rng.choice(w["noun"]) for _ in range(6)))
        front = "\n".join(
            [
                "---",
                f"id: {answer_id}",
                f"topic: {topic}",
                f'question: "{question}"',
                f'answer: "{sentence(rng, lang, 20)}"',
                f"regions: [{', '.join(chosen_regions)}]",
                f"keywords: [{keywords}]",
                f"reviewed: {reviewed.isoformat()}",
                _sources(random.Random(seed), n, reviewed),
                "aliases: []",
                "---",
            ]
        )
        body = [paragraph(rng, lang)]
        for index in sections:
            body.append(f"## {w['heading'][index]} {{#{ANCHORS[index]}}}")
            body.append(paragraph(rng, lang))
            if rng.random() < 0.5:
                body.append("\n".join(f"- {sentence(rng, lang, 7)}" for _ in range(rng.randint(2, 5))))
        if with_table and chosen_regions:
            rows = [f"| [{r}](alue:{r}) | {rng.choice(w['noun'])} | 1.–30.9.2026 |" for r in chosen_regions]
            body.append("\n".join([f"| {' | '.join(w['table'])} |", "| --- | --- | --- |", *rows]))
        if link_to:
            body.append(f"{sentence(rng, lang, 6)} [{sentence(rng, lang, 4)[:-1]}](ukk:{link_to}).")
        files[lang] = front + "\n" + "\n\n".join(body) + "\n"
    return {"id": answer_id, **files}


def _topics_yaml(source_root: Path) -> tuple[str, list[str]]:
    """The real topics.yml plus EXTRA_TOPICS generated topics; returns (text, topic ids)."""
    real = load_yaml_file(source_root / layout.TOPICS).data
    ids = [t["id"] for t in real["topics"]]
    text = (source_root / layout.TOPICS).read_text(encoding="utf-8").rstrip() + "\n"
    for k in range(1, EXTRA_TOPICS + 1):
        topic_id = f"aihepiiri-{k}"
        ids.append(topic_id)
        text += (
            f"  - id: {topic_id}\n    name:\n      fi: {WORDS['fi']['topic']} {k}\n"
            f"      sv: {WORDS['sv']['topic']} {k}\n    description:\n"
            f"      fi: {sentence(random.Random(k), 'fi')}\n"
            f"      sv: {sentence(random.Random(k), 'sv')}\n"
        )
    return text, ids


def generate(out: Path, answers: int, source_root: Path, seed: int = 2026) -> int:
    """Write a content root with `answers` answers per language into out/."""
    if out.exists():
        shutil.rmtree(out)
    shutil.copytree(source_root / layout.CONTENT, out / layout.CONTENT, ignore=shutil.ignore_patterns("faq"))
    for lang in LANGUAGES:
        shutil.copytree(source_root / layout.PAGES / lang, out / layout.PAGES / lang)
    regions = [p.stem for p in region_files(out / layout.REGIONS)]
    topics_text, topic_ids = _topics_yaml(source_root)
    faq = out / layout.FAQ
    faq.mkdir(parents=True)
    (faq / "topics.yml").write_text(topics_text, encoding="utf-8")
    written: list[str] = []
    for n in range(answers):
        topic = topic_ids[n % len(topic_ids)]
        files = answer_files(n, topic, regions, written[-50:], seed + n)
        (faq / topic).mkdir(exist_ok=True)
        for lang in LANGUAGES:
            (faq / topic / f"{files['id']}.{lang}.md").write_text(files[lang], encoding="utf-8")
        written.append(files["id"])
    return answers
