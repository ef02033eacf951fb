"""``rapport serve`` as a real process: the page over HTTP, and the board behind it.

The websocket part speaks textual-serve's own protocol (``["stdin", text]`` in,
terminal output out), as the page's script does, to show that the board really
runs on the served book: a quick-log line typed there reaches the book file.
"""

from __future__ import annotations

import asyncio
import os
import re
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import aiohttp
import pytest

from model import Book

_ESCAPES = re.compile(rb"\x1b\[[0-9;?]*[A-Za-z]")
RAPPORT = str(Path(sys.executable).parent / "rapport")
NOW = "2026-11-25T10:00:00+01:00"


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@pytest.fixture
def served(book_path: Path) -> Iterator[tuple[str, Path]]:
    Book(book_path).add_client("ACME GmbH", __import__("pendulum").parse(NOW), id="acme")
    port = free_port()
    env = {**os.environ, "RAPPORT_DB": str(book_path), "RAPPORT_LOCALE": "en", "RAPPORT_NOW": NOW}
    process = subprocess.Popen(
        [RAPPORT, "serve", "--port", str(port)],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    try:
        assert process.stderr is not None
        first = process.stderr.readline().decode()
        assert f"http://127.0.0.1:{port}" in first, first
        yield f"127.0.0.1:{port}", book_path
    finally:
        process.kill()
        process.wait(timeout=10)


def _page(address: str) -> str:
    deadline = time.monotonic() + 30
    while True:
        try:
            with urllib.request.urlopen(f"http://{address}/", timeout=5) as response:
                return str(response.read().decode())
        except OSError:
            if time.monotonic() > deadline:
                raise
            time.sleep(0.1)  # the server is still binding its port


def test_the_page_is_served_on_loopback(served: tuple[str, Path]) -> None:
    address, _ = served
    page = _page(address)
    assert "textual.js" in page and "xterm.css" in page
    assert f"ws://{address}/ws" in page


def test_a_line_typed_in_the_served_board_reaches_the_book(served: tuple[str, Path]) -> None:
    address, book_path = served
    _page(address)

    async def drive() -> bytes:
        seen = b""
        async with (
            aiohttp.ClientSession() as session,
            session.ws_connect(f"ws://{address}/ws?width=100&height=30") as ws,
        ):

            async def until(text: bytes) -> None:
                nonlocal seen
                end = time.monotonic() + 90
                while text not in _ESCAPES.sub(b"", seen):
                    assert time.monotonic() < end, f"never saw {text!r}"
                    message = await asyncio.wait_for(ws.receive(), timeout=60)
                    if message.type == aiohttp.WSMsgType.BINARY:
                        seen += message.data
                    elif message.type != aiohttp.WSMsgType.TEXT:
                        raise AssertionError(f"closed: {seen[-500:]!r}")

            async def settle() -> None:
                """Read until the board has drawn what it had to: a second of quiet, or five
                seconds in all (an open input's cursor blinks for ever)."""
                nonlocal seen
                end = time.monotonic() + 5
                while time.monotonic() < end:
                    try:
                        message = await asyncio.wait_for(ws.receive(), timeout=1)
                    except TimeoutError:
                        return
                    if message.type == aiohttp.WSMsgType.BINARY:
                        seen += message.data

            await until(b"ACME")
            await settle()  # keys sent before the board has mounted would be lost
            await ws.send_json(["stdin", "l"])
            await until(b"Enter writes")  # the quick-log is open
            await settle()
            # ctrl+u first: the input opens with the client under the cursor filled in
            await ws.send_json(["stdin", "\x15"])
            await ws.send_json(["stdin", "acme call from the browser"])
            await settle()
            await ws.send_json(["stdin", "\r"])
            deadline = time.monotonic() + 60  # the board writes in a worker thread
            while time.monotonic() < deadline:
                if Book(book_path).client_json("acme").get("interactions"):
                    break
                await settle()  # reading on: a board that cannot draw takes no keys
        return seen

    seen = asyncio.run(drive())
    interactions = Book(book_path).client_json("acme")["interactions"]
    screen = _ESCAPES.sub(b"", seen[-4000:]).decode("utf-8", "replace")
    assert [i["text"] for i in interactions] == ["from the browser"], screen
