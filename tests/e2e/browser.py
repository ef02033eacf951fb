"""``make e2e``: the served board in headless Chromium, driven over the DevTools protocol.

Not part of ``make test`` (it needs Debian's chromium, which ``make e2e`` installs):
serve a fresh book with ``rapport serve``, open the page in Chromium, type a
quick-log line into the terminal the page shows, and check that it reached the
book.  Chromium is driven over its DevTools websocket with aiohttp (already there
for textual-serve), so no browser driver package is needed.  Exit status 0 when
the line arrived, 1 with the reason otherwise; a screenshot is left beside the book.
"""

from __future__ import annotations

import asyncio
import itertools
import json
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path
from typing import Any

import aiohttp
import pendulum

from model import Book

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
#: The flags that work on this kind of machine (closed network, root, no GPU).
FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--remote-debugging-port=0",
    "--window-size=1200,800",
]
LINE = "acme call typed in chromium"


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def wait_for_http(url: str, seconds: float = 60) -> None:
    end = time.monotonic() + seconds
    while True:
        try:
            with urllib.request.urlopen(url, timeout=5):
                return
        except OSError:
            if time.monotonic() > end:
                raise
            time.sleep(0.2)


class DevTools:
    """One page's DevTools session: ``call`` sends a command and waits for its answer."""

    def __init__(self, ws: aiohttp.ClientWebSocketResponse) -> None:
        self.ws = ws
        self.ids = itertools.count(1)

    async def call(self, method: str, **params: Any) -> dict[str, Any]:
        number = next(self.ids)
        await self.ws.send_json({"id": number, "method": method, "params": params})
        while True:
            message = await asyncio.wait_for(self.ws.receive_json(), timeout=60)
            if message.get("id") == number:
                if "error" in message:
                    raise RuntimeError(f"{method}: {message['error']}")
                return dict(message.get("result", {}))

    async def has(self, selector: str) -> bool:
        found = await self.call(
            "Runtime.evaluate",
            expression=f"document.querySelector({selector!r}) !== null",
            returnByValue=True,
        )
        return bool(found.get("result", {}).get("value"))

    async def key(self, key: str, code: str, vk: int, text: str = "", modifiers: int = 0) -> None:
        for kind in ("keyDown", "keyUp"):
            params: dict[str, Any] = {
                "type": kind,
                "key": key,
                "code": code,
                "windowsVirtualKeyCode": vk,
                "modifiers": modifiers,
            }
            if text and kind == "keyDown":
                params["text"] = text
            await self.call("Input.dispatchKeyEvent", **params)

    async def wait_for(self, selector: str, seconds: float = 60) -> None:
        end = time.monotonic() + seconds
        while not await self.has(selector):
            if time.monotonic() > end:
                raise AssertionError(f"the page never showed {selector}")
            await asyncio.sleep(0.3)


async def drive(devtools_port: int, book_path: Path, shot: Path) -> bool:
    with urllib.request.urlopen(f"http://127.0.0.1:{devtools_port}/json/list") as answer:
        pages = [t for t in json.load(answer) if t["type"] == "page"]
    async with (
        aiohttp.ClientSession() as session,
        session.ws_connect(pages[0]["webSocketDebuggerUrl"], max_msg_size=0) as ws,
    ):
        tools = DevTools(ws)
        await tools.call("Runtime.enable")
        # xterm.js draws on a canvas (no text to wait for): its input textarea appears once
        # the terminal is up, then the board needs a moment to start behind the websocket
        await tools.wait_for("textarea")
        await asyncio.sleep(10)
        await tools.call(
            "Runtime.evaluate", expression="document.querySelector('textarea').focus()"
        )
        await tools.key("l", "KeyL", 76, "l")
        await asyncio.sleep(3)
        await tools.key("u", "KeyU", 85, modifiers=2)  # ctrl+u: empty the prefilled input
        await asyncio.sleep(1)
        await tools.call("Input.insertText", text=LINE)
        await asyncio.sleep(2)
        await tools.key("Enter", "Enter", 13, "\r")
        end = time.monotonic() + 60
        arrived = False
        while time.monotonic() < end and not arrived:
            arrived = bool(Book(book_path).client_json("acme").get("interactions"))
            await asyncio.sleep(0.3)
        picture = await tools.call("Page.captureScreenshot", format="png")
        import base64

        shot.write_bytes(base64.b64decode(picture["data"]))
        return arrived


def main() -> int:
    folder = Path(tempfile.mkdtemp(prefix="rapport-e2e-"))
    book_path = folder / "book.json"
    now = pendulum.now()
    Book(book_path).add_client("ACME GmbH", now, id="acme")
    port = free_port()
    env = {**os.environ, "RAPPORT_DB": str(book_path), "RAPPORT_LOCALE": "en"}
    server = subprocess.Popen(
        [sys.executable, "-m", "tui.cli", "serve", "--port", str(port)],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    profile = folder / "chromium-profile"
    browser = None
    try:
        wait_for_http(f"http://127.0.0.1:{port}/")
        browser = subprocess.Popen(
            [CHROMIUM, *FLAGS, f"--user-data-dir={profile}", f"http://127.0.0.1:{port}/"],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        active = profile / "DevToolsActivePort"
        end = time.monotonic() + 60
        while not active.exists() or not active.read_text().strip():
            if time.monotonic() > end or browser.poll() is not None:
                print("e2e: chromium did not start", file=sys.stderr)
                return 1
            time.sleep(0.2)
        devtools_port = int(active.read_text().split()[0])
        shot = folder / "board.png"
        arrived = asyncio.run(drive(devtools_port, book_path, shot))
    except (AssertionError, OSError, RuntimeError, TimeoutError) as error:
        print(f"e2e: failed: {error}", file=sys.stderr)
        return 1
    finally:
        for process in (browser, server):
            if process is not None:
                process.kill()
                process.wait(timeout=10)
    if not arrived:
        print(f"e2e: the line never reached {book_path} (screenshot: {shot})", file=sys.stderr)
        return 1
    texts = [i["text"] for i in Book(book_path).client_json("acme")["interactions"]]
    print(f"e2e: passed: typed in Chromium, the book has {texts} (screenshot: {shot})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
