"""HTML to its main text (no menus, footers or cookie banners) and its title."""

from __future__ import annotations

import lxml.html
import trafilatura
from lxml.etree import ParserError

# Removed before the fallback text dump: page furniture, never report text.
_FURNITURE = ("script", "style", "noscript", "nav", "header", "footer", "aside", "form", "template")
_TRAFILATURA_MIN_SIZE = 250  # trafilatura's own MIN_EXTRACTED_SIZE
_BLOCKS = ("p", "div", "li", "br", "tr", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "pre")


def html_to_text(html: str) -> tuple[str, str | None]:
    """Return ``(main_text, title)``; blocks are separated by blank lines."""
    document = trafilatura.bare_extraction(
        html,
        with_metadata=True,
        include_comments=False,
        include_tables=True,
        include_images=False,
        favor_precision=False,
    )
    text = getattr(document, "text", None) or ""
    # trafilatura's title is the page's own (og:title, <title> or <h1>); its dates
    # and authors were unreliable on French pages, so nothing else is kept.
    title = getattr(document, "title", None)
    if len(text.strip()) < _TRAFILATURA_MIN_SIZE:
        # Below this size trafilatura gives up on its main-text model and dumps a
        # baseline that keeps menus and splits inline tags onto lines of their own.
        text, fallback_title = _fallback_text(html)
        title = title or fallback_title
    blocks = (line.strip() for line in text.split("\n"))
    return "\n\n".join(block for block in blocks if block), (title or None)


def _fallback_text(html: str) -> tuple[str, str | None]:
    """Very short pages trafilatura declines: all visible text minus page furniture."""
    try:
        root = lxml.html.document_fromstring(html)
    except (ParserError, ValueError):
        return "", None
    title_node = root.find(".//title")
    title = title_node.text_content().strip() if title_node is not None else None
    for node in list(root.iter(*_FURNITURE, "title")):
        node.drop_tree()
    # A newline after each block element, so paragraphs do not run together.
    for node in root.iter(*_BLOCKS):
        node.tail = "\n" + (node.tail or "")
    return root.text_content(), title or None
