"""Build ONE language of the site with MkDocs + mkdocs-static-i18n (MkDocs-only glue).

static-i18n builds every language one after the other in a single process:
the default language, then, from its on_post_build, each other language by
setting `current_language` and calling MkDocs' `build()` again. On a 2-core
machine that leaves one core idle for most of the build (make bench). This
script does exactly one of those builds, so build_site.py can run the
languages side by side and merge the results:

    python scripts/mkdocs_language_build.py --lang sv --site-dir DIR

`--lang fi` (the default language) writes DIR/…, any other language DIR/<lang>/….
It relies on two attributes of mkdocs-static-i18n 1.3.1 (`current_language`,
`building`), which is pinned; tests compare its output with the plugin's own
sequential build.
"""

from __future__ import annotations

import argparse
import logging
import sys

from mkdocs.commands.build import build
from mkdocs.config import load_config
from mkdocs.exceptions import Abort, MkDocsException


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--lang", required=True)
    parser.add_argument("--site-dir", required=True)
    parser.add_argument("--config-file", default="mkdocs.yml")
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.WARNING, format="%(levelname)-7s -  %(message)s")
    config = load_config(args.config_file, site_dir=args.site_dir, strict=True)
    i18n = config.plugins["i18n"]
    i18n.current_language = args.lang   # which language this process builds
    i18n.building = True                # do not start the other languages from on_post_build
    try:
        build(config)
    except (Abort, MkDocsException) as err:
        print(err, file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
