"""The settings of one build, read once (by the command line) and passed down.

Nothing below this module reads the environment: the content layer gets only
what is in content/, and the pages and outputs get a `SiteConfig`.

    SITE_URL         the published address (the deploy workflow sets the Pages URL)
    REPOSITORY_URL   where "edit this page" links go (the workflows set the forge's
                     address, so a fork gets its own links); else content/site.yml
    KB_BUILD_DATE    YYYY-MM-DD: the date the site is built for. Open/closed grant
                     rounds and "in the future" checks are computed from it; tests
                     and reproducible builds set it. Default: today in Helsinki.
"""

from __future__ import annotations

import os
import re
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, datetime
from zoneinfo import ZoneInfo

HELSINKI = ZoneInfo("Europe/Helsinki")
DEFAULT_SITE_URL = "http://127.0.0.1:8000/"


class ConfigError(ValueError):
    """A setting that cannot be used; the message names it and what is allowed."""


@dataclass(frozen=True)
class SiteConfig:
    site_url: str  # always ends with "/"
    repository_url: str  # no trailing "/"
    branch: str
    build_date: date

    def edit_url(self, source_path: str) -> str:
        """The forge's editor for a file of the repository (a layout.py path)."""
        return f"{self.repository_url}/edit/{self.branch}/{source_path}"


def today_in_helsinki() -> date:
    return datetime.now(HELSINKI).date()


def parse_build_date(value: str) -> date:
    if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", value.strip()):
        raise ConfigError(f'KB_BUILD_DATE must be a date written YYYY-MM-DD (got "{value}")')
    try:
        return date.fromisoformat(value.strip())
    except ValueError:
        raise ConfigError(f'KB_BUILD_DATE "{value}" is not a real calendar date') from None


def _site_url(value: str) -> str:
    value = value.strip() or DEFAULT_SITE_URL
    if not re.match(r"^https?://[^/\s]+", value):
        raise ConfigError(f'SITE_URL must be a web address such as https://example.org/ (got "{value}")')
    return value.rstrip("/") + "/"


def build_date_from(environ: Mapping[str, str]) -> date:
    value = environ.get("KB_BUILD_DATE", "").strip()
    return parse_build_date(value) if value else today_in_helsinki()


def site_config(
    site_settings: Mapping[str, str], environ: Mapping[str, str] | None = None, build_date: date | None = None
) -> SiteConfig:
    """The build's settings: the environment over content/site.yml (`site_settings`)."""
    environ = os.environ if environ is None else environ
    repository = environ.get("REPOSITORY_URL", "").strip() or site_settings.get("repository_url", "")
    return SiteConfig(
        site_url=_site_url(environ.get("SITE_URL", "")),
        repository_url=repository.strip().rstrip("/"),
        branch=site_settings.get("branch", "main").strip() or "main",
        build_date=build_date or build_date_from(environ),
    )
