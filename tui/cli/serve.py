"""``rapport serve``: the board in a browser, through textual-serve.

textual-serve (MIT, by the makers of Textual) runs one board process per browser
tab and relays the terminal over a websocket; it is asked to listen on 127.0.0.1
only, since the board is the user's whole book and has no login: other machines
reach it through an SSH tunnel (README).  Each tab's board is ``rapport`` itself with
this command's ``--db``, ``--locale`` and clock, so it opens the same book and takes
the same lock as every other terminal does.
"""

from __future__ import annotations

import shlex
import sys

import click

from tui.cli.context import Context, echo, pass_context, refusing
from tui.cli.localized import Localized

__all__ = ["HOST", "board_command", "serve"]

HOST = "127.0.0.1"


def board_command(c: Context) -> str:
    """The shell command that opens this book's board (what textual-serve runs)."""
    words = [sys.executable, "-m", "tui.cli", "--db", str(c.db), "--locale", c.locale]
    if c.fixed_now is not None:
        words += ["--now", c.fixed_now.isoformat()]
    return shlex.join(words)


@click.command("serve", cls=Localized)
@click.option("--port", type=click.IntRange(1, 65535), default=8000, show_default=True)
@pass_context
@refusing
def serve(c: Context, /, port: int) -> None:
    """Serve the board in a browser on 127.0.0.1 (textual-serve)."""
    from textual_serve.server import Server

    c.book.refresh()  # a damaged book is refused here, once, not in every tab
    url = f"http://{HOST}:{port}"
    echo(c.say("cli.serve.listening", url=url, port=port), err=True)
    try:
        Server(board_command(c), host=HOST, port=port, title="Rapport").serve()
    except OSError as error:
        echo(c.say("cli.serve.failed", url=url, reason=error.strerror or str(error)), err=True)
        sys.exit(1)
