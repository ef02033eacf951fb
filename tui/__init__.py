"""Rapport's terminal side: the Textual board and the ``rapport`` command line.

Three rooms: ``tui.cli`` (click commands; never imports textual), ``tui.screens``
and ``tui.widgets``; see ARCHITECTURE.md.  Importing the package does nothing,
so that ``rapport quick`` from another terminal starts fast.
"""
