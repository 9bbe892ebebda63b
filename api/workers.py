"""`minutes serve --workers N`: uvicorn's supervisor, with each worker accepting on a socket of its own.

uvicorn's workers share one listening socket, and whichever worker's event loop wakes first accepts every
connection waiting (asyncio accepts up to the backlog per wake-up). Connections that stay open (keep-alive
clients, a reverse proxy's pool) then stay with that worker: in one of three load tests on Greve all 50
clients' connections landed on one of two workers, 180 requests/s against 320 when they spread. Linux's
SO_REUSEPORT spreads new connections over the listening sockets bound to one port, by a hash of each
connection, so each worker binds its own. The supervisor's socket, bound with the same option and never
listening, holds the port: a port in use fails at start, as with uvicorn's own socket. Where the option
does not spread connections (not Linux), uvicorn's shared socket is used as before.

uvicorn's supervisor (restarts, health checks, signals) is used as it is; only the worker process class it
starts is ours (`OwnSocketProcess`), as uvicorn names it in `uvicorn.supervisors.multiprocess`.
"""
from __future__ import annotations

import logging
import socket
import sys

import uvicorn
from uvicorn.config import STARTUP_FAILURE
from uvicorn.supervisors import multiprocess

logger = logging.getLogger("uvicorn.error")


def spreads_connections() -> bool:
    """Whether sockets bound to one port with SO_REUSEPORT share its connections out (Linux)."""
    return sys.platform.startswith("linux") and hasattr(socket, "SO_REUSEPORT")


def run(config: uvicorn.Config) -> None:
    """Serve `config` (an import string app, `config.workers` > 1) until a signal stops the supervisor."""
    if not spreads_connections():  # as uvicorn.run does: one socket, shared
        multiprocess.Multiprocess(config, sockets=[config.bind_socket()]).run()
        return
    held = _bind(config.host, config.port)
    logger.info("Uvicorn running on http://%s:%d with %d workers, each on its own socket (Press CTRL+C to quit)",
                config.host, held.getsockname()[1], config.workers)
    multiprocess.Process = OwnSocketProcess  # the class uvicorn's supervisor starts for each worker
    try:
        multiprocess.Multiprocess(config, sockets=[held]).run()
    finally:
        held.close()


class OwnSocketProcess(multiprocess.Process):
    """A uvicorn worker that listens on a socket of its own, bound to the port of the supervisor's."""

    def target(self, sockets: list[socket.socket] | None = None) -> None:  # runs in the worker
        own = []
        for shared in sockets or []:
            host, port = shared.getsockname()[:2]
            own.append(_bind(host, port))
            shared.close()  # never listens: the worker does not keep the supervisor's copy
        super().target(own)


def _bind(host: str, port: int) -> socket.socket:
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    sock = socket.socket(family, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEPORT, 1)
    try:
        sock.bind((host, port))
    except OSError as exc:  # the port is in use, or the address is not this machine's
        logger.error(exc)
        sock.close()
        sys.exit(STARTUP_FAILURE)
    sock.set_inheritable(True)
    return sock
