"""The build: the pipeline (pipeline.py), the site generator (mkdocs.py), the atomic swap
(swap.py) and the live preview (serve.py)."""
