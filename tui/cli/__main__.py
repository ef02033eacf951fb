"""``python -m tui.cli``: the ``rapport`` command without its script (``rapport serve``
runs the board this way, with the same Python)."""

from tui.cli import main

main()
