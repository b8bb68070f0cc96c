"""The content model -> Markdown pages, one tree per language (no framework). See render.py."""
