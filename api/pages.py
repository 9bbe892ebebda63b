"""The human-facing pages: full search page, item page, the embeddable widget and an embedding example.

Static files only; the pages fetch their data from the JSON API in the browser, so this module needs
no store or index and can be mounted next to any app that serves the API.
"""
from __future__ import annotations

import re
from pathlib import Path

from fastapi import APIRouter, HTTPException
from fastapi.responses import FileResponse

STATIC = Path(__file__).parent / "static"

# Our own pages render untrusted minutes text; a strict policy makes any rendering slip inert.
# Constructed stylesheets (the widget's) are not subject to style-src, so no 'unsafe-inline' is needed.
PAGE_CSP = ("default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
            "connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'")
PAGE_HEADERS = {
    "Content-Security-Policy": PAGE_CSP,
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "same-origin",
    "Cache-Control": "no-cache",
}
# Short cache: intranet pages pick up a new widget within minutes; ETag makes revalidation cheap.
WIDGET_HEADERS = {
    "Cache-Control": "public, max-age=300",
    "X-Content-Type-Options": "nosniff",
    "Cross-Origin-Resource-Policy": "cross-origin",  # loadable by intranet pages that set COEP
}
ASSET_TYPES = {".css": "text/css; charset=utf-8", ".js": "application/javascript; charset=utf-8"}
ASSET_NAME = re.compile(r"^[a-z0-9][a-z0-9-]{0,99}\.(css|js)$")  # bounded: a name over 255 bytes is an OSError

router = APIRouter(include_in_schema=False)


def _file(name: str, media_type: str, headers: dict[str, str]) -> FileResponse:
    return FileResponse(STATIC / name, media_type=media_type, headers=headers)


@router.api_route("/", methods=["GET", "HEAD"])
async def search_page() -> FileResponse:
    return _file("search.html", "text/html; charset=utf-8", PAGE_HEADERS)


@router.api_route("/punkt/{item_id}", methods=["GET", "HEAD"])
async def item_page(item_id: str) -> FileResponse:
    # The page looks the item up itself (GET /items/{id}) and shows "not found" when it is missing.
    return _file("item.html", "text/html; charset=utf-8", PAGE_HEADERS)


@router.api_route("/widget.js", methods=["GET", "HEAD"])
async def widget() -> FileResponse:
    return _file("widget.js", "application/javascript; charset=utf-8", WIDGET_HEADERS)


@router.api_route("/embed-example.html", methods=["GET", "HEAD"])
async def embed_example() -> FileResponse:
    # No CSP here on purpose: it stands in for a foreign intranet page, which we do not control.
    return _file("embed-example.html", "text/html; charset=utf-8", {"Cache-Control": "no-cache"})


@router.api_route("/assets/{name}", methods=["GET", "HEAD"])
async def asset(name: str) -> FileResponse:
    """The pages' own CSS and JS; names are checked so nothing outside static/ can be asked for."""
    if not ASSET_NAME.match(name) or not (STATIC / name).is_file():
        raise HTTPException(404, "no such asset")
    return _file(name, ASSET_TYPES[Path(name).suffix], {**WIDGET_HEADERS, "Cache-Control": "public, max-age=300"})
