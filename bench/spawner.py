"""Runs the bench's commands from a small process of its own, so that their peak is theirs.

Linux gives a child the peak memory of the process it was started from as its own
(``execve`` counts the old address space's peak into ``ru_maxrss``): a command
started from the bench, which has read a 1M book by then, would report the bench's
gigabyte.  This process stays small; it reads one JSON request a line on stdin,
``{"command": [...], "env": {...}}``, runs it and answers ``{"seconds", "peak_bytes",
"returncode", "said"}`` (``said``: the last line of its stderr).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
import time


def _run(command: list[str], env: dict[str, str] | None) -> dict[str, object]:
    with tempfile.TemporaryFile() as err:
        start = time.perf_counter()
        child = subprocess.Popen(
            command, env=env, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=err
        )
        _, status, usage = os.wait4(child.pid, 0)
        seconds = time.perf_counter() - start
        err.seek(0)
        said = err.read().decode(errors="replace").strip().splitlines()[-1:]
    return {
        "seconds": seconds,
        "peak_bytes": usage.ru_maxrss * 1024,
        "returncode": os.waitstatus_to_exitcode(status),
        "said": said,
    }


def main() -> None:
    for line in sys.stdin:
        request = json.loads(line)
        print(json.dumps(_run(request["command"], request.get("env"))), flush=True)


if __name__ == "__main__":
    main()
