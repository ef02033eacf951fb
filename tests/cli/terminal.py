"""``rapport`` on a real pseudo-terminal, for what only happens when a user is there."""

from __future__ import annotations

import fcntl
import os
import pty
import select
import struct
import subprocess
import termios
import time


class Terminal:
    """One process whose stdin, stdout and stderr are an 80x24 pseudo-terminal."""

    def __init__(self, args: list[str], env: dict[str, str], timeout: float = 60) -> None:
        self.leader, follower = pty.openpty()
        fcntl.ioctl(follower, termios.TIOCSWINSZ, struct.pack("HHHH", 24, 80, 0, 0))
        self.process = subprocess.Popen(
            args,
            stdin=follower,
            stdout=follower,
            stderr=follower,
            env={**env, "TERM": "xterm-256color"},
            close_fds=True,
        )
        os.close(follower)
        self.seen = b""
        self.deadline = time.monotonic() + timeout

    def _read(self) -> bool:
        if select.select([self.leader], [], [], 0.2)[0]:
            try:
                self.seen += os.read(self.leader, 65536)
            except OSError:  # the process closed the terminal
                return False
        return True

    def wait_for(self, text: bytes) -> None:
        while text not in self.seen and time.monotonic() < self.deadline and self._read():
            pass
        assert text in self.seen, f"never saw {text!r}"

    def type(self, data: bytes) -> None:
        os.write(self.leader, data)

    def finish(self) -> int:
        """The exit status, reading the terminal until the process is gone."""
        while self.process.poll() is None and time.monotonic() < self.deadline and self._read():
            pass
        return self.process.wait(timeout=10)

    def close(self) -> None:
        if self.process.poll() is None:
            self.process.kill()
            self.process.wait()
        os.close(self.leader)
