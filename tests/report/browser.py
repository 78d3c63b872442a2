"""A headless Chromium driven over the DevTools protocol, through a pipe: no extra dependency.

Chromium started with `--remote-debugging-pipe` reads commands on file descriptor 3 and writes
replies and events on 4, as JSON messages ended by a NUL byte. Events are recorded, so a test
can assert that a page logged no console error and made no network request.
"""

from __future__ import annotations

import base64
import contextlib
import json
import os
import shutil
import subprocess
import tempfile
import typing as t
from pathlib import Path

CANDIDATES = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable")
FLAGS = [
    "--headless",
    "--no-sandbox",  # CI runs as root, where Chromium's sandbox cannot start
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-default-apps",
    "--disable-extensions",
    "--no-first-run",
    "--no-default-browser-check",
    "--hide-scrollbars",
    "--remote-debugging-pipe",
]


def find_chromium() -> str | None:
    for name in CANDIDATES:
        found = shutil.which(name)
        if found:
            return found
    return None


class Browser:
    """One Chromium process and one page in it."""

    def __init__(self, executable: str) -> None:
        self._profile = tempfile.TemporaryDirectory(prefix="vae-chromium-")
        to_chrome_r, self._to_chrome = os.pipe()
        self._from_chrome, from_chrome_w = os.pipe()

        def wire() -> None:  # runs in the child, before exec: Chromium wants fds 3 and 4
            # Through spare numbers first: a pipe may already sit on 3 or 4, and dup2 onto itself
            # would keep its close-on-exec flag.
            read_end, write_end = os.dup(to_chrome_r), os.dup(from_chrome_w)
            os.dup2(read_end, 3)
            os.dup2(write_end, 4)

        self.process = subprocess.Popen(
            [executable, *FLAGS, f"--user-data-dir={self._profile.name}", "about:blank"],
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            close_fds=False,
            # No threads run here, so preexec_fn is safe; it is the only way to place fds 3 and 4.
            preexec_fn=wire,
        )
        os.close(to_chrome_r)
        os.close(from_chrome_w)
        self._reader = os.fdopen(self._from_chrome, "rb")
        self._next_id = 0
        self.events: list[dict[str, t.Any]] = []
        target = self.send("Target.createTarget", url="about:blank")["targetId"]
        self.session = self.send("Target.attachToTarget", targetId=target, flatten=True)[
            "sessionId"
        ]
        for domain in ("Page", "Runtime", "Log", "Network"):
            self.send(f"{domain}.enable", session=True)

    def _read(self) -> dict[str, t.Any]:
        data = bytearray()
        while True:
            byte = self._reader.read(1)
            if not byte:
                raise RuntimeError("Chromium closed the DevTools pipe")
            if byte == b"\0":
                return t.cast(dict[str, t.Any], json.loads(data))
            data += byte

    def send(self, method: str, *, session: bool = False, **params: t.Any) -> dict[str, t.Any]:
        self._next_id += 1
        message: dict[str, t.Any] = {"id": self._next_id, "method": method, "params": params}
        if session:
            message["sessionId"] = self.session
        os.write(self._to_chrome, json.dumps(message).encode() + b"\0")
        while True:
            reply = self._read()
            if reply.get("id") == self._next_id:
                if "error" in reply:
                    raise RuntimeError(f"{method}: {reply['error']}")
                return t.cast(dict[str, t.Any], reply.get("result", {}))
            self.events.append(reply)

    def wait_for(self, method: str) -> dict[str, t.Any]:
        for event in self.events:
            if event.get("method") == method:
                return event
        while True:
            event = self._read()
            self.events.append(event)
            if event.get("method") == method:
                return event

    def open(self, path: Path, *, width: int = 1100, height: int = 1400) -> None:
        self.send(
            "Emulation.setDeviceMetricsOverride",
            session=True,
            width=width,
            height=height,
            deviceScaleFactor=1,
            mobile=width < 600,
        )
        self.events.clear()
        self.send("Page.navigate", session=True, url=path.resolve().as_uri())
        self.wait_for("Page.loadEventFired")

    def errors(self) -> list[str]:
        """Console errors, uncaught exceptions and log errors since the page was opened."""
        found = []
        for e in self.events:
            params = e.get("params", {})
            if e.get("method") == "Runtime.exceptionThrown":
                found.append(json.dumps(params.get("exceptionDetails", {}))[:300])
            elif e.get("method") == "Runtime.consoleAPICalled" and params.get("type") in (
                "error",
                "assert",
            ):
                found.append(json.dumps(params.get("args", []))[:300])
            elif e.get("method") == "Log.entryAdded" and params["entry"]["level"] == "error":
                found.append(params["entry"].get("text", ""))
        return found

    def requests(self) -> list[str]:
        """URLs of every request the page made, the page itself included."""
        return [
            e["params"]["request"]["url"]
            for e in self.events
            if e.get("method") == "Network.requestWillBeSent"
        ]

    def evaluate(self, expression: str) -> t.Any:
        result = self.send(
            "Runtime.evaluate", session=True, expression=expression, returnByValue=True
        )
        return result["result"].get("value")

    def pdf(self) -> bytes:
        result = self.send(
            "Page.printToPDF",
            session=True,
            paperWidth=8.27,  # A4, in inches
            paperHeight=11.69,
            printBackground=True,
        )
        return base64.b64decode(result["data"])

    def screenshot(self, *, full_page: bool = False, clip_height: int | None = None) -> bytes:
        params: dict[str, t.Any] = {"format": "png"}
        if full_page or clip_height:
            width = self.evaluate("document.documentElement.scrollWidth")
            height = clip_height or self.evaluate("document.documentElement.scrollHeight")
            params.update(
                captureBeyondViewport=True,
                clip={"x": 0, "y": 0, "width": width, "height": height, "scale": 1},
            )
        return base64.b64decode(self.send("Page.captureScreenshot", session=True, **params)["data"])

    def close(self) -> None:
        with contextlib.suppress(RuntimeError, OSError):
            self.send("Browser.close")
        try:
            self.process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()
        self._reader.close()
        os.close(self._to_chrome)
        self._profile.cleanup()


# axe-core, installed by .ci/run (pinned, outside the package, ignored by git).
AXE = (
    Path(__file__).resolve().parents[2]
    / ".cache"
    / "axe"
    / "node_modules"
    / "axe-core"
    / "axe.min.js"
)
_AUDIT = (
    "axe.run(document, {runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21aa']}})"
    ".then(r => r.violations.filter(v => ['serious', 'critical'].includes(v.impact))"
    ".map(v => v.id + ': ' + v.nodes.map(n => n.target.join(' ')).join(', ')))"
)


def serious_violations(browser: Browser, page: Path, *, width: int) -> list[str]:
    """axe-core's serious and critical WCAG 2 A/AA violations on `page` at `width`, its
    script handed to the page over DevTools (the page itself still loads nothing). Skips the
    test where axe-core is not installed, and fails it on CI, where .ci/run installs it."""
    import pytest

    if not AXE.exists():
        if os.environ.get("CI"):
            pytest.fail(f"CI is set but {AXE} is missing: .ci/run should install axe-core")
        pytest.skip("axe-core not installed (see .ci/run) - accessibility audit skipped")
    browser.open(page, width=width, height=900)
    browser.evaluate(AXE.read_text(encoding="utf-8"))
    result = browser.send(
        "Runtime.evaluate", session=True, expression=_AUDIT, awaitPromise=True, returnByValue=True
    )
    assert "exceptionDetails" not in result, result
    return t.cast(list[str], result["result"]["value"])
