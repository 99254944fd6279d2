"""A dependency-free driver for headless Chromium over the DevTools protocol (CDP).

Chromium runs with --remote-debugging-pipe: commands go in on fd 3, replies and events come out
on fd 4, each one JSON object ended by a NUL byte. Networking is off (every host resolves to
NOTFOUND, the proxy is a closed port), the profile is a fresh temporary folder, and Chromium is
always killed: close() SIGKILLs its process group, EOF on the pipe ends it if Python dies, and
PR_SET_PDEATHSIG covers a SIGKILLed parent. Python 3 standard library only.
Use: with cdp.Browser() as b: page = b.new_page(); page.navigate(url); page.evaluate(js)
"""

import base64
import ctypes
import fcntl
import json
import os
import shutil
import signal
import subprocess
import tempfile
import threading
import time

CHROMIUM = "/usr/bin/chromium"
FLAGS = ["--headless=new", "--disable-gpu", "--no-first-run", "--no-default-browser-check",
         "--disable-extensions", "--disable-background-networking", "--disable-component-update",
         "--disable-sync", "--disable-default-apps", "--mute-audio", "--hide-scrollbars",
         "--host-resolver-rules=MAP * ~NOTFOUND", "--proxy-server=127.0.0.1:9",
         "--remote-debugging-pipe"]
KEYS = {"Enter": (13, "\r"), "Escape": (27, ""), "Tab": (9, "\t"), "Backspace": (8, "")}


class CDPError(RuntimeError):
    """A protocol error, a timeout, or Chromium going away."""


def _child_setup(cmd_read, reply_write):
    # In the child, before exec: the pipe ends become fds 3 and 4 (moved above 10 first so the
    # dup2s cannot clobber each other), and the kernel sends SIGKILL if the parent dies.
    a, b = (fcntl.fcntl(fd, fcntl.F_DUPFD, 10) for fd in (cmd_read, reply_write))
    os.dup2(a, 3), os.dup2(b, 4)
    try:
        ctypes.CDLL(None).prctl(1, signal.SIGKILL)  # PR_SET_PDEATHSIG
    except (OSError, AttributeError):
        pass


class Browser:
    def __init__(self, chromium=CHROMIUM, extra_flags=(), timeout=30.0):
        self.timeout = timeout
        self.tmp = tempfile.mkdtemp(prefix="clusterlens-cdp-")
        self.stderr_path = os.path.join(self.tmp, "chromium.log")
        # As root, Chromium refuses to start with its sandbox ("Running as root without
        # --no-sandbox is not supported").
        flags = FLAGS + [f"--user-data-dir={os.path.join(self.tmp, 'profile')}"] \
            + (["--no-sandbox"] if os.geteuid() == 0 else []) + list(extra_flags)
        self._cond, self._write_lock = threading.Condition(), threading.Lock()
        self._replies, self._next_id, self._closed = {}, 0, False
        self.events = []  # every event, in arrival order: (method, params, sessionId)
        cmd_r, self._cmd_w = os.pipe()
        self._reply_r, reply_w = os.pipe()
        t0 = time.monotonic()
        # Crashpad keeps its database under $XDG_CONFIG_HOME: point it into the temporary folder.
        env = dict(os.environ, XDG_CONFIG_HOME=self.tmp, XDG_CACHE_HOME=self.tmp)
        try:
            with open(self.stderr_path, "wb") as log:
                self.proc = subprocess.Popen(
                    [chromium] + flags + ["about:blank"], stdin=subprocess.DEVNULL,
                    stdout=log, stderr=log, pass_fds=(3, 4), start_new_session=True, env=env,
                    preexec_fn=lambda: _child_setup(cmd_r, reply_w))
        finally:
            os.close(cmd_r)
            os.close(reply_w)
        self._reader = threading.Thread(target=self._read_loop, daemon=True)
        self._reader.start()
        try:
            self.version = self.send("Browser.getVersion")  # the browser is up
        except BaseException:
            self.close()
            raise
        self.startup_ms = (time.monotonic() - t0) * 1000.0

    def _read_loop(self):
        pending = []  # pieces of a message not yet ended by NUL
        while True:
            try:
                chunk = os.read(self._reply_r, 1 << 20)
            except OSError:
                chunk = b""
            if not chunk:
                break
            *messages, rest = chunk.split(b"\0")
            if messages:
                messages[0] = b"".join(pending) + messages[0]
                pending = []
            pending.append(rest)
            with self._cond:
                for raw in messages:
                    msg = json.loads(raw)
                    if "id" in msg:
                        self._replies[msg["id"]] = msg
                    else:
                        self.events.append((msg.get("method"), msg.get("params", {}),
                                            msg.get("sessionId")))
                self._cond.notify_all()
        with self._cond:
            self._closed = True
            self._cond.notify_all()

    def _wait(self, predicate, timeout, what):
        deadline = time.monotonic() + (self.timeout if timeout is None else timeout)
        with self._cond:
            while True:
                result = predicate()
                if result is not None:
                    return result
                if self._closed:
                    raise CDPError(f"chromium went away while waiting for {what}"
                                   f"{self.log_tail()}")
                left = deadline - time.monotonic()
                if left <= 0:
                    raise CDPError(f"timed out waiting for {what}")
                self._cond.wait(left)

    def send(self, method, params=None, session=None, timeout=None):
        """Sends one command and returns its result; raises CDPError on error or timeout."""
        with self._cond:
            self._next_id = mid = self._next_id + 1
        msg = {"id": mid, "method": method, "params": params or {},
               **({"sessionId": session} if session else {})}
        data = json.dumps(msg).encode() + b"\0"
        with self._write_lock:
            try:
                while data:
                    data = data[os.write(self._cmd_w, data):]
            except OSError as e:
                raise CDPError(f"{method}: cannot write to chromium ({e}){self.log_tail()}")
        reply = self._wait(lambda: self._replies.pop(mid, None), timeout, method)
        if "error" in reply:
            e = reply["error"]
            raise CDPError(f"{method}: {e.get('message')} {e.get('data', '')}".rstrip())
        return reply.get("result", {})

    def wait_event(self, method, predicate=lambda p: True, session=None, since=0, timeout=None):
        """Waits for an event after index `since` (a len(events) taken earlier); its params."""
        return self._wait(lambda: next((p for m, p, s in self.events[since:] if m == method and (
            session is None or s == session) and predicate(p)), None), timeout, method)

    def log_tail(self, lines=15):
        with open(self.stderr_path, errors="replace") as f:  # made before Popen
            tail = f.read().splitlines()[-lines:]
        return "\nchromium's log ends:\n  " + "\n  ".join(tail) if tail else ""

    def new_page(self, width=1280, height=900):
        target = self.send("Target.createTarget", {"url": "about:blank"})["targetId"]
        session = self.send("Target.attachToTarget", {"targetId": target, "flatten": True})
        page = Page(self, session["sessionId"])
        for domain in ("Page", "Runtime", "Log", "Network"):
            page.send(domain + ".enable")
        page.send("Emulation.setDeviceMetricsOverride",
                  {"width": width, "height": height, "deviceScaleFactor": 1, "mobile": False})
        return page

    def download(self, trigger, timeout=None):
        """Runs trigger() (which should start one download), waits until it has completed and
        returns (path, suggested file name). Each download lands in its own fresh folder."""
        folder = tempfile.mkdtemp(dir=self.tmp, prefix="download-")
        self.send("Browser.setDownloadBehavior",
                  {"behavior": "allow", "downloadPath": folder, "eventsEnabled": True})
        since = len(self.events)
        trigger()
        begin = self.wait_event("Browser.downloadWillBegin", since=since, timeout=timeout)
        done = self.wait_event("Browser.downloadProgress",
                               lambda p: p["guid"] == begin["guid"] and p["state"] != "inProgress",
                               since=since, timeout=timeout)
        if done["state"] != "completed":
            raise CDPError(f"download of {begin['suggestedFilename']} was {done['state']}")
        path = os.path.join(folder, begin["suggestedFilename"])
        if not os.path.exists(path):
            raise CDPError(f"download completed but {path} is missing: {os.listdir(folder)}")
        return path, begin["suggestedFilename"]

    def close(self):
        """Ends Chromium (politely, then SIGKILL to its whole process group) and removes the
        temporary profile. Safe to call twice."""
        proc, self.proc = getattr(self, "proc", None), None
        if proc is not None:
            try:
                if proc.poll() is None:
                    self.send("Browser.close", timeout=3)
                    proc.wait(timeout=3)
            except (CDPError, subprocess.TimeoutExpired):
                pass
            try:
                os.killpg(proc.pid, signal.SIGKILL)  # the group also holds renderers, zygotes
                proc.wait(timeout=5)
            except (ProcessLookupError, PermissionError, subprocess.TimeoutExpired):
                pass
        for name in ("_cmd_w", "_reply_r"):
            fd, _ = getattr(self, name, None), setattr(self, name, None)
            if fd is not None:
                os.close(fd)
        shutil.rmtree(self.tmp, ignore_errors=True)

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()


class Page:
    """One tab, attached through a flattened session."""

    def __init__(self, browser, session):
        self.browser, self.session = browser, session

    def send(self, method, params=None, timeout=None):
        return self.browser.send(method, params, session=self.session, timeout=timeout)

    def my_events(self, method):
        return [p for m, p, s in list(self.browser.events) if m == method and s == self.session]

    def problems(self):
        """Console errors and assertions, uncaught exceptions and error log entries so far."""
        out = [f"console.{p['type']}: " + " ".join(str(a.get("value", a.get("description", "")))
                                                  for a in p["args"])
               for p in self.my_events("Runtime.consoleAPICalled")
               if p.get("type") in ("error", "assert")]
        for d in (p["exceptionDetails"] for p in self.my_events("Runtime.exceptionThrown")):
            desc = d.get("exception", {}).get("description") or d.get("text")
            out.append(f"exception at {d.get('url', '')}:{d.get('lineNumber')}: {desc}")
        out += [f"log error ({e.get('source')}): {e.get('text')} {e.get('url', '')}"
                for e in (p["entry"] for p in self.my_events("Log.entryAdded"))
                if e.get("level") == "error"]
        return out

    def request_urls(self):
        return [p["request"]["url"] for p in self.my_events("Network.requestWillBeSent")]

    def navigate(self, url, timeout=None):
        error = self.send("Page.navigate", {"url": url}, timeout).get("errorText")
        if error:
            raise CDPError(f"cannot open {url}: {error}")

    def evaluate(self, expression, timeout=None):
        """Evaluates JS in the page (promises awaited) and returns the value as JSON data."""
        r = self.send("Runtime.evaluate", {"expression": expression, "returnByValue": True,
                                           "awaitPromise": True, "userGesture": True}, timeout)
        d = r.get("exceptionDetails")
        if d:
            raise CDPError(f"JS error: {d.get('exception', {}).get('description') or d['text']}"
                           f"\n  in: {expression[:200]}")
        return r["result"].get("value")

    def wait_for(self, expression, timeout=10.0, interval=0.02):
        """Polls a JS expression until it is truthy; returns its value."""
        deadline = time.monotonic() + timeout
        while True:
            value = self.evaluate(expression)
            if value:
                return value
            if time.monotonic() > deadline:
                raise CDPError(f"timed out after {timeout:g} s waiting for: {expression[:200]}")
            time.sleep(interval)

    def mouse_move(self, x, y):
        self.send("Input.dispatchMouseEvent", {"type": "mouseMoved", "x": x, "y": y})

    def click(self, x, y):
        self.mouse_move(x, y)
        for kind, buttons in (("mousePressed", 1), ("mouseReleased", 0)):
            self.send("Input.dispatchMouseEvent", {"type": kind, "x": x, "y": y, "button": "left",
                                                   "buttons": buttons, "clickCount": 1})

    def insert_text(self, text):
        self.send("Input.insertText", {"text": text})

    def press(self, key):
        code, text = KEYS[key]
        common = {"key": key, "code": key, "windowsVirtualKeyCode": code,
                  "nativeVirtualKeyCode": code}
        typed = {"text": text, "unmodifiedText": text} if text else {}
        self.send("Input.dispatchKeyEvent",
                  dict(common, type="keyDown" if text else "rawKeyDown", **typed))
        self.send("Input.dispatchKeyEvent", dict(common, type="keyUp"))

    def screenshot(self, path, clip=None, full_page=False):
        """Writes a PNG. clip = (x, y, w, h) in CSS pixels of the document; full_page takes the
        whole scrollable page."""
        params = {"format": "png"}
        if full_page:
            size = self.send("Page.getLayoutMetrics")["cssContentSize"]
            clip = (0, 0, size["width"], size["height"])
        if clip:
            x, y, w, h = clip
            params["clip"] = {"x": x, "y": y, "width": max(w, 1), "height": max(h, 1), "scale": 1}
            params["captureBeyondViewport"] = True
        data = self.send("Page.captureScreenshot", params, timeout=60)["data"]
        with open(path, "wb") as f:
            f.write(base64.b64decode(data))
