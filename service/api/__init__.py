"""The REST API (FastAPI): ``create_app`` builds it from settings and an optional extractor."""

from service.api.app import create_app

__all__ = ["create_app"]
