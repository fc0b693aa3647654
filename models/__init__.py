"""Rapport's extraction core: text + language in, typed and sourced facts out."""
