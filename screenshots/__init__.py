"""The README's screenshots; see :mod:`screenshots.make`."""
