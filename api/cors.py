"""CORS with two policies: credentialed (cookies, so the intranet's sign-on reaches us through the reverse
proxy) for the configured intranet origins only, and plain (no credentials) for every other allowed origin.
Starlette's CORSMiddleware has one policy per app, and with `allow_credentials` and `*` it would echo any
origin with credentials; here `*` never gets them.
"""
from __future__ import annotations

from starlette.datastructures import Headers
from starlette.middleware.cors import CORSMiddleware
from starlette.types import ASGIApp, Receive, Scope, Send


class CredentialedCORS:
    def __init__(self, app: ASGIApp, origins: list[str], credential_origins: list[str], **options) -> None:
        if "*" in credential_origins:
            raise ValueError("MINUTES_CREDENTIAL_ORIGINS must name origins; '*' with credentials is refused")
        self.trusted = frozenset(o.rstrip("/") for o in credential_origins)
        self.plain = CORSMiddleware(app, allow_origins=origins, allow_credentials=False, **options)
        self.credentialed = (CORSMiddleware(app, allow_origins=sorted(self.trusted), allow_credentials=True, **options)
                             if self.trusted else None)

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if self.credentialed is not None and scope["type"] == "http":
            if Headers(scope=scope).get("origin") in self.trusted:
                await self.credentialed(scope, receive, send)
                return
        await self.plain(scope, receive, send)
