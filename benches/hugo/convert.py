#!/usr/bin/env python3
"""Turn a kadr site into a Hugo site with the same content, for benchmarks.

    python3 benches/hugo/convert.py SITE OUT [--today 2026-11-27]

SITE is a kadr site root (content/, themes/, locales/), e.g. one written by
`kadr generate-site`. OUT (must not exist) becomes a Hugo site: hugo.toml, content/kk
and content/ru (one Markdown page per vacancy and language), data/ (units, categories,
requirements as they are in the kadr site), i18n/ (from locales/*.ftl), static/ (the
theme's CSS) and the templates of benches/hugo/layouts/ (copied, so OUT is self-contained).

What is decided here (the effective status of each vacancy on --today, which vacancies
are not published) is what kadr decides in its render step; doing it once in the
converter keeps Hugo's templates plain, so the comparison measures rendering, not
date arithmetic in Go templates.

Needs PyYAML (`pip install pyyaml`); benches/run.sh installs it.
"""

import argparse
import datetime as dt
import json
import os
import re
import shutil
import sys

try:
    import yaml
except ImportError:  # pragma: no cover
    sys.exit("convert.py needs PyYAML: pip install pyyaml")

HERE = os.path.dirname(os.path.abspath(__file__))
LANGS = ("kk", "ru")
LANGUAGE_NAMES = {"kk": "Қазақша", "ru": "Русский"}
MONTHS = {
    "kk": ["қаңтар", "ақпан", "наурыз", "сәуір", "мамыр", "маусым", "шілде", "тамыз",
           "қыркүйек", "қазан", "қараша", "желтоқсан"],
    "ru": ["января", "февраля", "марта", "апреля", "мая", "июня", "июля", "августа",
           "сентября", "октября", "ноября", "декабря"],
}


class Loader(yaml.SafeLoader):
    """SafeLoader with the C parser when PyYAML has it (10k files load in ~3 s, not 30)."""


try:
    class Loader(yaml.CSafeLoader):  # noqa: F811
        pass
except AttributeError:
    pass


def load(path):
    with open(path, encoding="utf-8") as f:
        return yaml.load(f, Loader=Loader)


def q(value):
    """A YAML scalar: JSON strings are valid YAML and need no further escaping."""
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()
    return json.dumps(str(value), ensure_ascii=False)


def ftl_to_i18n(path):
    """Fluent `key = value` lines → Hugo i18n; a select expression keeps its default
    variant; `{ $x }` becomes `{{ .x }}`."""
    out = {}
    key = None
    for line in open(path, encoding="utf-8"):
        line = line.rstrip("\n")
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        m = re.match(r"^([a-z0-9_-]+)\s*=\s*(.*)$", line)
        if m:
            key, value = m.group(1), m.group(2)
            if value.strip().endswith("->"):
                continue  # a select expression: the variants follow
            out[key] = value
            continue
        m = re.match(r"^\s*\*\[[^\]]*\]\s*(.*)$", line)
        if m and key:
            out[key] = m.group(1)
    return {k: re.sub(r"\{\s*\$([a-z_]+)\s*\}", r"{{ .\1 }}", v) for k, v in out.items()}


def markdown_body(v, lang, ui):
    """duties + conditions + documents, each under an h2 like kadr's vacancy page."""
    parts = [f"## {ui['duties']} {{#duties}}\n\n{v['duties'][lang].rstrip()}\n"]
    if v.get("conditions"):
        parts.append(f"## {ui['conditions']} {{#conditions}}\n\n{v['conditions'][lang].rstrip()}\n")
    parts.append(f"## {ui['documents']} {{#documents}}\n\n{v['documents'][lang].rstrip()}\n")
    return "\n".join(parts)


def convert(site, out, today):
    if os.path.exists(out):
        sys.exit(f"{out} exists; choose a new folder")
    content = os.path.join(site, "content")
    cfg = load(os.path.join(content, "site.yaml"))
    langs = cfg["languages"]
    sections = cfg["section"]

    # Layouts and static files: copied so that OUT is a complete Hugo site.
    shutil.copytree(os.path.join(HERE, "layouts"), os.path.join(out, "layouts"))
    os.makedirs(os.path.join(out, "static"))
    css = os.path.join(site, "themes", "default", "static", "style.css")
    if os.path.exists(css):
        shutil.copy(css, os.path.join(out, "static", "style.css"))

    # Data: units and requirements as they are; categories keyed by code.
    data = os.path.join(out, "data")
    for sub in ("units", "requirements"):
        os.makedirs(os.path.join(data, sub))
        for name in sorted(os.listdir(os.path.join(content, sub))):
            if name.endswith(".yaml"):
                shutil.copy(os.path.join(content, sub, name), os.path.join(data, sub, name))
    units = {
        n[:-5]: load(os.path.join(content, "units", n))
        for n in os.listdir(os.path.join(content, "units")) if n.endswith(".yaml")
    }
    categories = {c["code"]: c for c in load(os.path.join(content, "categories.yaml"))}
    with open(os.path.join(data, "categories.json"), "w", encoding="utf-8") as f:
        json.dump(categories, f, ensure_ascii=False, indent=1)

    # UI strings.
    os.makedirs(os.path.join(out, "i18n"))
    ui = {}
    for lang in langs:
        strings = ftl_to_i18n(os.path.join(site, "locales", lang, "main.ftl"))
        for i, month in enumerate(MONTHS[lang], 1):
            strings[f"month-{i}"] = month
        ui[lang] = strings
        with open(os.path.join(out, "i18n", f"{lang}.yaml"), "w", encoding="utf-8") as f:
            for k, v in strings.items():
                f.write(f"{k}: {q(v)}\n")

    # Configuration.
    with open(os.path.join(out, "hugo.toml"), "w", encoding="utf-8") as f:
        base = cfg["base_url"].rstrip("/") + "/"
        f.write(f'''baseURL = {q(base)}
defaultContentLanguage = {q(langs[0])}
defaultContentLanguageInSubdir = true
disableKinds = ["taxonomy", "term", "404", "robotsTXT"]
enableRobotsTXT = false
timeZone = "Asia/Almaty"

[outputs]
  home = ["HTML"]
  section = ["HTML", "Atom", "VacJSON"]
  page = ["HTML"]

[mediaTypes."application/atom+xml"]
  suffixes = ["xml"]

[outputFormats.Atom]
  mediaType = "application/atom+xml"
  baseName = "atom"
  rel = "alternate"
  isPlainText = false

[outputFormats.VacJSON]
  mediaType = "application/json"
  baseName = "vacancies"
  isPlainText = true

# kadr's Markdown: CommonMark + tables + strikethrough, raw HTML shown as text, no
# heading ids, no typographer. Hugo gets the same (and is spared the extra work).
[markup.goldmark.renderer]
  unsafe = false
[markup.goldmark.parser]
  autoHeadingID = false
[markup.goldmark.parser.attribute]
  title = true
  block = false
[markup.goldmark.extensions]
  definitionList = false
  footnote = false
  linkify = false
  strikethrough = true
  table = true
  taskList = false
  typographer = false

[params]
  today = {q(today)}
''')
        for weight, lang in enumerate(langs, 1):
            s = sections[lang]
            f.write(f'''
[languages.{lang}]
  languageName = {q(LANGUAGE_NAMES.get(lang, lang))}
  weight = {weight}
  contentDir = "content/{lang}"
  title = {q(cfg["title"][lang])}
  [languages.{lang}.params]
    section = {q(s["title"])}
    parent = {q(s["parent"])}
    slug = {q(s["slug"])}
''')

    # Section and archive pages per language.
    for lang in langs:
        slug = sections[lang]["slug"]
        d = os.path.join(out, "content", lang, slug)
        os.makedirs(os.path.join(d, "archive"))
        with open(os.path.join(d, "_index.md"), "w", encoding="utf-8") as f:
            f.write(f"---\ntitle: {q(sections[lang]['title'])}\ntranslationKey: section\n---\n")
        with open(os.path.join(d, "archive", "_index.md"), "w", encoding="utf-8") as f:
            f.write(f"---\ntitle: {q(ui[lang]['archive-title'])}\ntranslationKey: archive\n"
                    "type: archive\noutputs: [HTML]\n---\n")

    # Vacancies: one page per language.
    today_d = dt.date.fromisoformat(today)
    count = 0
    for dirpath, _, files in os.walk(os.path.join(content, "vacancies")):
        for name in sorted(files):
            if not name.endswith(".yaml"):
                continue
            v = load(os.path.join(dirpath, name))
            status = v["status"]
            hidden = status == "draft" or v["published_on"] > today_d
            if status == "open" and v["deadline"] < today_d:
                status = "closed"
            is_open = status == "open"
            contacts = v.get("contacts") or units[v["unit"]].get("contacts") or {}
            for lang in langs:
                fm = [
                    "---",
                    f"title: {q(v['position'][lang])}",
                    f"translationKey: {q(v['id'])}",
                    f"vacancy_id: {q(v['id'])}",
                    f"date: {q(v['published_on'])}",
                    f"lastmod: {q(v.get('updated_on') or v['published_on'])}",
                    f"unit: {q(v['unit'])}",
                    f"category: {q(v['category'])}",
                    f"status: {q(status)}",
                    f"open: {q(is_open)}",
                    f"arose_on: {q(v['arose_on'])}",
                    f"published_on: {q(v['published_on'])}",
                    f"updated_on: {q(v.get('updated_on'))}",
                    f"deadline: {q(v['deadline'])}",
                    f"authority: {q(v['appointing_authority'])}",
                    f"placed_by: {q(v['placed_by'])}",
                    f"requirements: {q(v['requirements'])}",
                    f"phone: {q(contacts.get('phone'))}",
                    f"email: {q(contacts.get('email'))}",
                    f"competition_url: {q(v.get('competition_url'))}",
                ]
                if hidden:
                    fm.append("draft: true")
                fm.append("---")
                page = "\n".join(fm) + "\n" + markdown_body(v, lang, ui[lang])
                path = os.path.join(out, "content", lang, sections[lang]["slug"], v["id"] + ".md")
                with open(path, "w", encoding="utf-8") as f:
                    f.write(page)
            count += 1
    return count


def main():
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("site")
    p.add_argument("out")
    p.add_argument("--today", default="2026-11-27")
    a = p.parse_args()
    n = convert(a.site, a.out, a.today)
    print(f"converted {n} vacancies into {a.out}", file=sys.stderr)


if __name__ == "__main__":
    main()
