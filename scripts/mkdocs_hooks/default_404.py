"""MkDocs hook: the default language's 404.html stays at the site root.

Only single-process builds need it: `make serve`, the plugin's sequential
reference build in tests/site/test_parallel_build.py and bench's plain
`mkdocs build`. There mkdocs-static-i18n 1.3.1 builds the default language
(Finnish, listed first) and then each other language into the same site_dir,
and every build writes the theme's 404.html at the root, so the language built
last wins (static-i18n #284, #349). This hook keeps the 404 page of the first
build and writes it back when every language is built.

`make build` runs one MkDocs process per language
(scripts/mkdocs_language_build.py sets the plugin's `building`), so the root
404.html comes from the Finnish process and the hook leaves it alone.

MkDocs-only glue, like mkdocs.yml itself; the content layer knows nothing of it.
"""

from __future__ import annotations

from pathlib import Path

from mkdocs.plugins import event_priority

_first_404: dict[str, str] = {}   # site_dir -> the default language's 404 page


def on_post_template(output: str, template_name: str, config) -> str:
    if template_name == "404.html":
        _first_404.setdefault(config.site_dir, output)
    return output


def _languages_still_building(config) -> bool:
    i18n = config.plugins.get("i18n")
    return bool(getattr(i18n, "building", False))


@event_priority(-200)   # after static-i18n's on_post_build (-100), which builds the others
def on_post_build(config) -> None:
    if _languages_still_building(config):
        return   # one language inside static-i18n's loop: the others may follow
    page = _first_404.pop(config.site_dir, None)
    if page is not None:
        Path(config.site_dir, "404.html").write_text(page, encoding="utf-8")


def on_build_error(error) -> None:
    _first_404.clear()   # a failed build must not leave its page for the next one
