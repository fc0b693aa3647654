"""The bench's inputs, all built from the sample reports in ``corpus/samples``.

The API and batch sections need many *distinct* documents (the store recognizes
bytes it has already seen and would skip them), so variants change one existing
number in the text: the prose stays a real report and every variant has other bytes.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from pathlib import Path

_DIGITS = re.compile(r"\d+")
_PARAGRAPH_BREAK = re.compile(r"\n\s*\n")


@dataclass(frozen=True, slots=True)
class Sample:
    name: str
    lang: str
    text: str

    @property
    def words(self) -> int:
        return len(self.text.split())


def default_samples_dir() -> Path:
    """``corpus/samples`` of the checkout this package runs from (else of the cwd)."""
    here = Path(__file__).resolve().parents[2] / "corpus" / "samples"  # the checkout's
    return here if here.is_dir() else Path("corpus/samples")


def _language(path: Path, text: str) -> str:
    prefix = path.name.split("_", 1)[0].lower()
    if prefix in ("fr", "en"):
        return prefix
    from models.language import detect_language

    return detect_language(text)


def load_samples(folder: Path) -> list[Sample]:
    """Every ``.txt`` report of the folder, sorted by name, with its language."""
    samples = []
    for path in sorted(folder.glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        if text.strip():
            samples.append(Sample(path.stem, _language(path, text), text))
    if not samples:
        raise FileNotFoundError(f"No .txt sample report in '{folder}'.")
    return samples


def of_language(samples: list[Sample], lang: str) -> list[Sample]:
    return [s for s in samples if s.lang == lang]


def interleave_languages(samples: list[Sample]) -> list[Sample]:
    """French and English samples alternated, so any prefix of the list holds both."""
    french, english = of_language(samples, "fr"), of_language(samples, "en")
    mixed = [s for pair in zip(french, english, strict=False) for s in pair]
    longest = french if len(french) > len(english) else english
    return mixed + longest[len(mixed) // 2 :]


def vary(text: str, index: int) -> str:
    """Change one number of the text: the ``index``-th variant of it.

    Variant ``i`` adds ``1 + i // n`` to the ``i % n``-th of the text's ``n`` digit
    runs (keeping its width), so small indexes touch different figures.
    """
    runs = list(_DIGITS.finditer(text))
    if not runs:
        return f"{text}\n\n({index + 1})"
    match = runs[index % len(runs)]
    old = match.group()
    new = str(int(old) + 1 + index // len(runs)).zfill(len(old))
    return text[: match.start()] + new + text[match.end() :]


def distinct_variants(texts: list[str], count: int) -> list[str]:
    """``count`` texts cycling over ``texts``, each varied so no two have the same bytes."""
    seen: set[str] = set()
    out: list[str] = []
    attempt = 0
    while len(out) < count:
        base = texts[len(out) % len(texts)]
        candidate = vary(base, len(out) // len(texts) + attempt)
        digest = hashlib.sha256(candidate.encode("utf-8")).hexdigest()
        if digest in seen:
            attempt += 1  # two variants landed on the same digits: try the next one
            continue
        seen.add(digest)
        out.append(candidate)
        attempt = 0
    return out


def long_reports(samples: list[Sample], min_words: int) -> list[Sample]:
    """Reports of about ``min_words`` words: consecutive samples of one language joined.

    Each starts at a different sample and stops at the first paragraph that reaches
    ``min_words``, so the reports differ in content, not only in one digit.
    """
    reports = []
    for lang in ("fr", "en"):
        pool = of_language(samples, lang)
        for start in range(len(pool)):
            paragraphs: list[str] = []
            words = 0
            offset = 0
            while words < min_words and offset < 4 * len(pool):
                sample = pool[(start + offset) % len(pool)]
                for paragraph in _PARAGRAPH_BREAK.split(sample.text.strip()):
                    paragraphs.append(paragraph)
                    words += len(paragraph.split())
                    if words >= min_words:
                        break
                offset += 1
            if paragraphs:
                reports.append(Sample(f"{lang}_report_{start:02d}", lang, "\n\n".join(paragraphs)))
    return interleave_languages(reports)


def write_corpus(folder: Path, samples: list[Sample], count: int) -> list[Path]:
    """Write ``count`` distinct variants of the samples as ``.txt`` files into ``folder``."""
    folder.mkdir(parents=True, exist_ok=True)
    texts = distinct_variants([s.text for s in samples], count)
    paths = []
    for i, text in enumerate(texts):
        sample = samples[i % len(samples)]
        path = folder / f"{i:05d}_{sample.name}.txt"
        path.write_text(text, encoding="utf-8")
        paths.append(path)
    return paths
