"""The API documentation pages, /docs (Swagger UI) and /redoc, working without the internet.

FastAPI's own pages load Swagger UI and ReDoc from a CDN. Here their scripts come from the fastapi-offline
package (it ships swagger-ui-dist and the ReDoc bundle), the pages are FastAPI's own HTML builders pointed at
those copies, and a Content-Security-Policy keeps the browser on this host: ReDoc's menu would otherwise
fetch its maker's logo from a CDN.
"""
from __future__ import annotations

from pathlib import Path

import fastapi_offline
from fastapi import FastAPI, Request
from fastapi.openapi.docs import get_redoc_html, get_swagger_ui_html
from fastapi.responses import HTMLResponse
from fastapi.staticfiles import StaticFiles

ASSETS = Path(fastapi_offline.__file__).parent / "static"
ASSETS_URL = "/docs-assets"
# The builders write one inline script (the UI's set-up); ReDoc runs its search in a blob: worker.
DOCS_CSP = ("default-src 'self'; script-src 'self' 'unsafe-inline'; style-src 'self' 'unsafe-inline'; "
            "img-src 'self' data:; font-src 'self' data:; worker-src 'self' blob:; connect-src 'self'; "
            "object-src 'none'; base-uri 'none'; form-action 'self'")


def add_docs(app: FastAPI) -> None:
    """Serve /docs and /redoc for an app created with docs_url=None and redoc_url=None."""
    app.mount(ASSETS_URL, StaticFiles(directory=ASSETS), name="docs-assets")

    @app.get("/docs", include_in_schema=False)
    async def swagger_ui(request: Request) -> HTMLResponse:
        spec, assets = _urls(app, request)
        return _offline(get_swagger_ui_html(
            openapi_url=spec, title=f"{app.title} – Swagger UI", swagger_js_url=f"{assets}/swagger-ui-bundle.js",
            swagger_css_url=f"{assets}/swagger-ui.css", swagger_favicon_url=f"{assets}/favicon.png",
            # no validator badge: Swagger UI would send the spec to an outside validator service
            swagger_ui_parameters={**(app.swagger_ui_parameters or {}), "validatorUrl": None}))

    @app.get("/redoc", include_in_schema=False)
    async def redoc(request: Request) -> HTMLResponse:
        spec, assets = _urls(app, request)
        return _offline(get_redoc_html(
            openapi_url=spec, title=f"{app.title} – ReDoc", redoc_js_url=f"{assets}/redoc.standalone.js",
            redoc_favicon_url=f"{assets}/favicon.png", with_google_fonts=False))


def _urls(app: FastAPI, request: Request) -> tuple[str, str]:
    """The OpenAPI document's and the assets' URLs, under the prefix the service is mounted at."""
    root = request.scope.get("root_path", "")
    return f"{root}{app.openapi_url}", f"{root}{ASSETS_URL}"


def _offline(page: HTMLResponse) -> HTMLResponse:
    page.headers["Content-Security-Policy"] = DOCS_CSP
    return page
