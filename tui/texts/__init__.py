"""The board's and the screens' texts, registered with the model's catalogs on import.

The command line registers its own catalog (``tui.cli.texts``) when it starts.
"""

from model.i18n import register
from tui.texts import board, config, screens

register(board.EN, board.DE)
register(screens.EN, screens.DE)
register(config.EN, config.DE)
