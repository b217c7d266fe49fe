"""The real township server and real `liaison` devices the browser suite drives.

Everything goes through the project's own binaries (by default .build/debug, or
$LIAISON_BIN_DIR): `township init` and `township serve` on a fresh store in a temporary
directory, `township enroll` for one-time links, and `liaison init/enroll/new/edit/sync` on
each device, so the console shows data exactly as the field writes it.
"""

import json
import os
import re
import subprocess
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def binaries() -> Path:
    return Path(os.environ.get("LIAISON_BIN_DIR", ROOT / ".build" / "debug"))


def _run(args, env, check=True):
    done = subprocess.run(
        args, env=env, stdin=subprocess.DEVNULL, capture_output=True, text=True, timeout=120
    )
    if check and done.returncode != 0:
        raise RuntimeError(
            f"{' '.join(map(str, args))} exited {done.returncode}:\n{done.stdout}\n{done.stderr}"
        )
    return done


@dataclass
class Device:
    """One field device: a `liaison` store of its own."""

    name: str
    home: Path

    def run(self, *args, check=True):
        env = dict(os.environ, LIAISON_HOME=str(self.home), LIAISON_LANG="en")
        return _run([binaries() / "liaison", *args], env, check)

    def new(self, title, village, category="dispute", *more):
        created = self.run(
            "new", "--village", village, "--category", category, "--title", title, *more
        )
        return created.stdout.strip()

    def sync(self):
        return self.run("sync")

    def show(self, report_id):
        return json.loads(self.run("show", report_id, "--format", "json").stdout)


@dataclass
class Township:
    """A `township serve` process on a fresh store, over its own TLS."""

    directory: Path
    token: str = ""
    url: str = ""
    pin: str = ""
    process: subprocess.Popen | None = None
    devices: dict = field(default_factory=dict)

    @classmethod
    def start(cls):
        directory = Path(tempfile.mkdtemp(prefix="liaison-browser-"))
        township = cls(directory)
        initialised = _run(
            [binaries() / "township", "init", "--store", directory / "store", "--name", "王主任"],
            dict(os.environ, LIAISON_LANG="en"),
        )
        township.token = re.search(r"lsn_[0-9a-f]+", initialised.stdout).group(0)
        township.serve()
        return township

    def serve(self):
        self.log = open(self.directory / "serve.log", "ab")
        self.process = subprocess.Popen(
            [binaries() / "township", "serve", "--store", self.directory / "store", "--port", "0"],
            stdout=subprocess.PIPE,
            stderr=self.log,
            stdin=subprocess.DEVNULL,
            text=True,
            env=dict(os.environ, LIAISON_LANG="en"),
        )
        line = self.process.stdout.readline()
        found = re.search(r"on (https://\S+) \(certificate (sha256:[0-9a-f]+)\)", line)
        if not found:
            self.stop()
            raise RuntimeError(f"township serve did not start: {line!r}; see {self.log.name}")
        self.url, self.pin = found.group(1), found.group(2)

    def stop(self):
        if self.process and self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()

    def admin(self, *args, check=True):
        """A `township` command as the first administrator, over the pinned HTTPS."""
        env = dict(
            os.environ,
            TOWNSHIP_TOKEN=self.token,
            TOWNSHIP_PIN=self.pin,
            TOWNSHIP_HOME=str(self.directory / "admin"),
            LIAISON_LANG="en",
        )
        return _run([binaries() / "township", *args, "--server", self.url], env, check)

    def link(self, name, villages):
        places = [part for village in villages for part in ("--village", village)]
        return self.admin("enroll", "--name", name, *places, "--format", "link").stdout.strip()

    def device(self, name, villages, link=None):
        """A new device, initialised and enrolled by a one-time link."""
        home = self.directory / f"device-{len(self.devices)}"
        device = Device(name, home)
        places = [part for village in villages for part in ("--village", village)]
        device.run("init", "--name", name, *places)
        device.run("enroll", link or self.link(name, villages))
        self.devices[name] = device
        return device


def clash(first, second, report_id, field_flag, first_value, second_value):
    """Two devices write one field of a report while apart: a conflict at the server."""
    second.sync()
    second.run("edit", report_id, field_flag, second_value)
    second.sync()
    first.run("edit", report_id, field_flag, first_value)
    first.sync()
    second.sync()


@dataclass
class Seeded:
    """What the suite looks for: ids of the reports it made, by role."""

    ids: dict = field(default_factory=dict)
    villages: dict = field(default_factory=dict)
    urgent: set = field(default_factory=set)
    seconds: float = 0


VILLAGES = ("东村", "西村")
TITLES = ("水渠纠纷", "危房隐患排查", "低保申请", "邻里噪音投诉", "道路积水", "土地流转咨询")
CATEGORIES = ("dispute", "hazard", "assistance", "grievance", "visit", "other")
URGENCIES = ("low", "normal", "high", "urgent")
XSS_TITLE = "<script>alert(1)</script>"


def seed(township: Township) -> Seeded:
    """Three devices, 60-odd reports in Chinese, three conflicts and the XSS title."""
    seeded = Seeded()
    li = township.device("李伟", ["东村", "西村"])
    wang = township.device("王芳", ["东村"])
    zhang = township.device("张强", ["西村"])
    started = time.monotonic()
    for index in range(56):
        author = (li, zhang)[index % 2] if index % 3 else wang
        village = "西村" if author is zhang else ("东村" if author is wang else VILLAGES[index % 2])
        made = author.new(
            f"{TITLES[index % len(TITLES)]}（{index + 1}号）",
            village,
            CATEGORIES[(index + 5) % len(CATEGORIES)],
            "--urgency",
            URGENCIES[index % len(URGENCIES)],
            "--details",
            f"村民反映第{index + 1}件事，需要跟进。",
        )
        seeded.villages[made] = village
        if index == 1:
            seeded.ids["dispute"] = made  # 危房隐患排查, a dispute whose text never says 纠纷
        if URGENCIES[index % len(URGENCIES)] == "urgent":
            seeded.urgent.add(made)
    seeded.ids["boundary"] = li.new(
        "宅基地边界纠纷",
        "东村",
        "dispute",
        "--urgency",
        "high",
        "--details",
        "两户因宅基地边界发生争执，需现场测量。",
        "--parties",
        "刘家；陈家",
    )
    seeded.ids["stale"] = li.new("灌溉用水纠纷", "东村", "dispute", "--urgency", "normal")
    seeded.ids["history"] = li.new(
        "山坡滑坡隐患", "东村", "hazard", "--urgency", "urgent", "--due", "2026-10-15"
    )
    seeded.ids["xss"] = li.new(
        XSS_TITLE, "东村", "grievance", "--urgency", "urgent", "--due", "2026-10-01"
    )
    for role in ("boundary", "stale", "history", "xss"):
        seeded.villages[seeded.ids[role]] = "东村"
    seeded.urgent |= {seeded.ids["history"], seeded.ids["xss"]}
    for device in (li, wang, zhang):
        device.sync()
    li.run("note", seeded.ids["history"], "已联系村委会，下周现场查看。")
    li.run("edit", seeded.ids["history"], "--status", "in_progress", "--assignee", "张主任")
    li.sync()
    clash(li, wang, seeded.ids["boundary"], "--title", "宅基地边界纠纷（甲）", "宅基地边界纠纷（乙）")
    clash(li, wang, seeded.ids["stale"], "--urgency", "high", "low")
    clash(li, wang, seeded.ids["history"], "--title", "山坡滑坡隐患（东坡）", "山坡滑坡隐患（北坡）")
    for device in (li, wang, zhang):
        device.sync()
    seeded.seconds = time.monotonic() - started
    return seeded
