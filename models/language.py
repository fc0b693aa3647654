"""Language identification restricted to French and English.

``langdetect`` is seeded so the same text always gets the same answer; on short
texts (a headline) it is unreliable, so function-word counts from
``lang/<lang>/language.json`` decide when they are clear, and langdetect only
breaks ties or names the foreign language in the error.
"""

from __future__ import annotations

import re
from functools import cache

from langdetect import DetectorFactory, LangDetectException, detect_langs

from models.errors import EmptyTextError, UnsupportedLanguageError
from models.lexicon import load_language_data
from models.schema import SUPPORTED_LANGUAGES

DetectorFactory.seed = 0
_WORD = re.compile(r"[a-zA-Zàâäçéèêëîïôöùûüÿœæ]+['’]?", re.UNICODE)
_SAMPLE_CHARS = 5000
_SHORT_TEXT_WORDS = 6
_FRENCH_LETTERS = re.compile(r"[àâçéèêëîïôûùœ]", re.IGNORECASE)


@cache
def _stopwords(lang: str) -> frozenset[str]:
    return frozenset(w.lower() for w in load_language_data(lang, "language")["stopwords"])


def _stopword_votes(text: str) -> dict[str, int]:
    words = [w.lower().replace("’", "'") for w in _WORD.findall(text[:_SAMPLE_CHARS])]
    return {lang: sum(1 for w in words if w in _stopwords(lang)) for lang in SUPPORTED_LANGUAGES}


def _langdetect(text: str) -> tuple[str | None, float]:
    try:
        best = detect_langs(text[:_SAMPLE_CHARS])[0]
    except LangDetectException:
        return None, 0.0
    return best.lang, best.prob


def detect_language(text: str) -> str:
    """``"fr"`` or ``"en"``; raises ``UnsupportedLanguageError`` naming what it saw instead."""
    if not text or not text.strip():
        raise EmptyTextError("The text is empty: there is nothing to read.")
    if not _WORD.search(text):
        raise UnsupportedLanguageError(None, "The text has no words to identify a language from.")
    votes = _stopword_votes(text)
    detected, prob = _langdetect(text)
    fr, en = votes["fr"], votes["en"]
    words = len(_WORD.findall(text[:_SAMPLE_CHARS]))
    # Function words are decisive when one language clearly dominates and they make up a
    # normal share of the text (a Spanish text shares few of them with French).
    share = max(fr, en) / max(words, 1)
    if max(fr, en) >= 2 and max(fr, en) >= 2 * max(min(fr, en), 1) and share >= 0.12:
        return "fr" if fr > en else "en"
    agrees = (detected == "fr" and fr >= en) or (detected == "en" and en >= fr)
    if detected in SUPPORTED_LANGUAGES and prob >= 0.5 and agrees:
        return detected
    if max(fr, en) >= 1 and share >= 0.2 and fr != en:
        return "fr" if fr > en else "en"
    real_words = [w for w in _WORD.findall(text) if len(w) >= 3]
    if len(real_words) >= 2 and words <= _SHORT_TEXT_WORDS:
        # A headline has too few words for statistics: French marks itself with accents.
        return "fr" if _FRENCH_LETTERS.search(text) else "en"
    raise UnsupportedLanguageError(detected)
