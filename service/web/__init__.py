"""The analyst web pages, served by the API's own FastAPI app (no separate front end).

``create_app`` includes :data:`router` ahead of the API routers so that a
browser asking for ``/documents/{id}`` as HTML gets the page (see
``negotiation.py``) while API clients keep their JSON.
"""

from service.web.routes import router

__all__ = ["router"]
