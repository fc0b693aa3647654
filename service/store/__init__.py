"""Storage of documents, entities and facts behind one interface, ``FactStore``."""

from service.store.records import FACT_SORTS, DocumentRecord, FactFilters
from service.store.store import FactStore

__all__ = ["FACT_SORTS", "DocumentRecord", "FactFilters", "FactStore"]
