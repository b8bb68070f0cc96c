"""The site generator of "Järjestöt ja hyvinvointialueet" (`kb`).

Layers, innermost first (ARCHITECTURE.md; tests/unit/test_architecture.py enforces them):

    kb.content   content files -> the checked content model (no framework)
    kb.pages     the model -> Markdown pages per language (no framework)
    kb.outputs   every other published file: redirects, open data, feeds, search, ...
    kb.build     the pipeline; kb.build.mkdocs is the only place that knows MkDocs
    kb.tools     editor and developer tools (scaffolds, link contract, bench, ...)
    kb.cli       the one command, `kb`, with a verb for each job
"""
