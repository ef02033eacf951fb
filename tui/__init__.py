"""Rapport's terminal side: the Textual board and the ``rapport`` command line.

Importing the package registers the board's texts; it imports no textual, so
that ``rapport quick`` from another terminal starts fast.
"""

import tui.texts  # noqa: F401  (registers the catalogs)
