"""``rapport quick``: one quick-log line from the arguments, or many from stdin.

From stdin each line is its own write, so a refused line costs only itself: it
is reported with its number and the rest still run, as a script expects of a
batch.  ``--dry-run`` reads the line, finds the client and writes nothing.
"""

from __future__ import annotations

import click

from tui.cli.context import Context, pass_context, refusing
from tui.cli.quick_line import join_words, quick_words

__all__ = ["join_words", "quick"]


@click.command(epilog="Every verb, date and amount form: rapport help quicklog")
@click.argument("words", nargs=-1)
@click.option("--dry-run", is_flag=True, help="Show how the line is read; write nothing.")
@pass_context
@refusing
def quick(c: Context, /, words: tuple[str, ...], dry_run: bool) -> None:
    """Log one line in the quick-log language: CLIENT VERB [ARGS].

    \b
    CLIENT  an id, a unique prefix of one, or part of the name ("ACME GmbH")
    call|meeting|mail|message|note TEXT [WHEN]
    issue[!|!!] TEXT [#KIND] [WHEN]        resolve N [NOTE]
    invoice NUMBER AMOUNT [CUR] [on DATE] [due DATE | in 14d]
    paid NUMBER [AMOUNT [CUR]] [on DATE]   thanks TEXT [by DATE]   thanked N
    kudos "TEXT" [from NAME]               state STATE [NOTE]
    WHEN    today | yesterday | 3d ago | on 2026-11-20 | am 20.11.2026
    AMOUNT  1250 | 1250.50 | 1.250,50 | 1,250.50; German verbs work too

    With - (or no words and stdin not a terminal) it reads one line per command
    from stdin; a refused line is reported with its number, the others still
    run, and the exit status is 2 if any line was refused.

    \b
    Examples:
      rapport quick "acme call talked about the Q1 budget"
      rapport quick "acme issue!! landing page outside the scope #scope_creep"
      rapport quick "acme invoice 2026-017 1.250,50 EUR due 2026-12-24"
      rapport quick "acme paid 2026-017"
      rapport quick "acme thanks handwritten card after launch by 2026-12-01"
      rapport quick "acme kudos 'Maren, ich liebe dich!' from Maren"
      rapport quick --dry-run "acme state strained contact person changed"
      printf 'acme call\\nglobex mail sent the offer\\n' | rapport quick -
    """
    quick_words(c, words, dry_run)
