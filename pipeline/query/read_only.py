"""A Datasette plugin that keeps `timeline serve` read-only, and the command that runs Datasette with it.

Datasette opens the timeline as a normal (mutable) file so that an ``ingest`` running beside it
shows up at once; what stops writes is this plugin, on three levels:

- every request that is not a read (POST, PUT, DELETE…) is answered 405 before Datasette routes
  it, so no write API, form or canned write query is ever reached;
- every SQLite connection to the timeline is ``query_only`` (any statement that would change the
  file fails), and an authorizer denies functions that reach native memory or code:
  ``fts3_tokenizer`` hands out and accepts raw C pointers, ``load_extension`` loads a shared
  library;
- a client's mistake (a 4xx) is answered without a traceback in the log.

Run it as Datasette's own command line: ``python -m pipeline.query.read_only serve FILE …``.
"""

from __future__ import annotations

import inspect
import sqlite3
from collections.abc import Awaitable, Callable, Generator
from typing import Any

from datasette import Response, hookimpl
from datasette.utils.asgi import Base400

PLUGIN_NAME = "timeline-read-only"
READ_METHODS = frozenset({"GET", "HEAD", "OPTIONS"})
# Functions no one browsing a timeline needs, each a way into the process's memory or code.
DENIED_FUNCTIONS = frozenset({"fts3_tokenizer", "load_extension"})
# Datasette keeps its own catalogue in this in-memory database and writes to it as it runs.
DATASETTE_INTERNAL = "_internal"

ASGIApp = Callable[[dict[str, Any], Any, Any], Awaitable[None]]


def authorizer(action: int, arg1: str | None, arg2: str | None, db_name: str | None, source: str | None) -> int:
    """SQLite asks this before it prepares a statement: the denied functions, and turning
    ``query_only`` off, fail to prepare ("not authorized"); everything else runs as usual."""
    if action == sqlite3.SQLITE_FUNCTION and (arg2 or "").lower() in DENIED_FUNCTIONS:
        return sqlite3.SQLITE_DENY
    if action == sqlite3.SQLITE_PRAGMA and (arg1 or "").lower() == "query_only" and arg2 is not None:
        return sqlite3.SQLITE_DENY
    return sqlite3.SQLITE_OK


@hookimpl
def prepare_connection(conn: sqlite3.Connection, database: str) -> None:
    """Every connection to the timeline refuses to write (``query_only``), even the one Datasette
    keeps for writes; its own catalogue stays writable."""
    if database != DATASETTE_INTERNAL:
        conn.execute("PRAGMA query_only = ON")
    conn.set_authorizer(authorizer)


@hookimpl
def asgi_wrapper() -> Callable[[ASGIApp], ASGIApp]:
    def wrap(app: ASGIApp) -> ASGIApp:
        async def refuse_writes(scope: dict[str, Any], receive: Any, send: Any) -> None:
            if scope.get("type") == "http" and scope.get("method", "GET").upper() not in READ_METHODS:
                refusal = Response.json(
                    {"ok": False, "status": 405,
                     "error": f"{scope.get('path', '/')}: this timeline is served read-only; write to it with `timeline ingest`"},
                    status=405, headers={"Allow": ", ".join(sorted(READ_METHODS))},
                )
                await refusal.asgi_send(send)
                return
            await app(scope, receive, send)

        return refuse_writes

    return wrap


@hookimpl(wrapper=True)
def handle_exception(datasette: Any, request: Any, exception: Exception) -> Generator[None, list[Any], list[Any]]:
    """A 4xx is the client's mistake: answer it quietly. Datasette's own handler prints a traceback
    for every error, and with rich installed that fails outside an ``except`` block (a 404 found
    by routing), turning a plain "not found" into a 500."""
    responses = yield
    if not isinstance(exception, Base400):
        return responses
    for pending in responses:
        if inspect.iscoroutine(pending):
            pending.close()  # never awaited, so it prints nothing
    return [_client_error(datasette, request, exception)]


async def _client_error(datasette: Any, request: Any, exception: Base400) -> Response:
    info = {"ok": False, "error": str(exception.args[0]) if exception.args else "", "status": exception.status, "title": None}
    if request.path.split("?")[0].endswith(".json"):
        return Response.json(info, status=exception.status)
    page = await datasette.render_template([f"{exception.status}.html", "error.html"], info, request=request)
    return Response.html(page, status=exception.status)


def main() -> None:
    """Datasette's command line with this module registered as a plugin."""
    from datasette.cli import cli
    from datasette.plugins import pm

    from pipeline.query import read_only  # by its own name, not as __main__, so /-/plugins names it

    pm.register(read_only, name=PLUGIN_NAME)
    cli()


if __name__ == "__main__":
    main()
