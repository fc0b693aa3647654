"""Per-language data: ``fr`` and ``en`` expose the same names (see ``models.lexicon``)."""
