"""The boundaries are checked, not hoped for."""

from __future__ import annotations

import subprocess
import sys


def _modules_after(statement: str) -> set[str]:
    code = f"import sys; {statement}; print('\\n'.join(sys.modules))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    return set(out.stdout.split())


def test_model_never_imports_textual() -> None:
    loaded = _modules_after("import model, model.demo, model.quicklog, model.store")
    assert "textual" not in loaded


def test_cli_sub_commands_never_import_textual_or_babel() -> None:
    loaded = _modules_after("import tui.cli")
    assert "textual" not in loaded
    assert "babel" not in loaded, "babel is imported lazily, where money is formatted"
