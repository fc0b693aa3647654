"""Sentence search: a full-text index over stored sentences plus encoder similarity."""

from service.search.service import SearchHit, SearchService

__all__ = ["SearchHit", "SearchService"]
