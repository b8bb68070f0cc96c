"""Editor and developer tools: scaffolds, renaming answers, the link contract, the
benchmark, the search evaluation, the browser they share."""
