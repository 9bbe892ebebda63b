"""HEAD on every GET resource (RFC 9110, 9.3.2): the GET's status and headers, without its body.

FastAPI's routes answer the methods they are declared with, so HEAD was 405 on every API route (feeds,
search, items, meetings, /health, /docs), where feed readers and health probes ask with it; only the
pages, declared with HEAD, answered. Declaring HEAD on every route would list each operation twice in
/openapi.json. Instead this ASGI middleware runs a HEAD request as the GET it stands for, through the same
route, dependencies and checks (who is calling, closed items, conditional requests: If-None-Match gives 304),
and drops the body on the way out, keeping every header (Content-Length, ETag, Last-Modified). A route that
answers no GET answers HEAD as it answers GET: 405, or 404 where there is nothing.
"""
from __future__ import annotations

from starlette.types import ASGIApp, Message, Receive, Scope, Send


class HeadAsGet:
    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["method"] != "HEAD":
            await self.app(scope, receive, send)
            return

        async def headers_only(message: Message) -> None:
            if message["type"] in ("http.response.body", "http.response.pathsend"):
                if message.get("more_body", False):
                    return  # the body's parts are dropped; the last one ends the response, empty
                message = {"type": "http.response.body", "body": b"", "more_body": False}
            await send(message)

        # a copy: the server's own scope (its access log, its HEAD handling) keeps the method asked for
        await self.app({**scope, "method": "GET"}, receive, headers_only)
