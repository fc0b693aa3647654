"""Start and stop the processes a bench section measures: the server, an ingest run.

Only processes this module started are ever signalled, by their pid; children
left behind by one of them (seen in its tree while it ran, same pid and start
time) are ended the same way.
"""

from __future__ import annotations

import contextlib
import os
import signal
import socket
import subprocess
import sys
import threading
import time
from pathlib import Path

from service.bench.measure import ProcessTree


def rapport_command() -> list[str]:
    """The ``rapport`` console script of this interpreter's environment."""
    script = Path(sys.executable).with_name("rapport")
    if script.exists():
        return [str(script)]
    return [sys.executable, "-c", "from service.cli import app; app()"]


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def child_env(database_url: str, **extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("RAPPORT_")}
    env.update(
        RAPPORT_DATABASE_URL=database_url,
        HF_HUB_OFFLINE="1",
        TRANSFORMERS_OFFLINE="1",
        PYTHONUNBUFFERED="1",
        **extra,
    )
    return env


def help_text(command: list[str]) -> str:
    done = subprocess.run([*command, "--help"], capture_output=True, text=True, timeout=120)
    return done.stdout + done.stderr


class Monitored:
    """A subprocess whose tree's memory is sampled in a thread until it is stopped."""

    def __init__(
        self,
        argv: list[str],
        env: dict[str, str],
        cwd: Path,
        log_dir: Path,
        name: str,
        interval: float = 0.1,
    ) -> None:
        log_dir.mkdir(parents=True, exist_ok=True)
        self.stdout_path = log_dir / f"{name}.out"
        self.stderr_path = log_dir / f"{name}.err"
        self._stdout = self.stdout_path.open("wb")
        self._stderr = self.stderr_path.open("wb")
        self.started_at = time.perf_counter()
        self.process = subprocess.Popen(
            argv,
            env=env,
            cwd=cwd,
            stdout=self._stdout,
            stderr=self._stderr,
            stdin=subprocess.DEVNULL,
        )
        self.tree = ProcessTree(self.process.pid)
        self._interval = interval
        self._stop = threading.Event()
        self._sampler = threading.Thread(target=self._sample_loop, daemon=True)
        self._sampler.start()

    def _sample_loop(self) -> None:
        while not self._stop.is_set() and self.process.poll() is None:
            self.tree.sample()
            self._stop.wait(self._interval)

    def running(self) -> bool:
        return self.process.poll() is None

    def wait(self, timeout: float) -> int | None:
        try:
            return self.process.wait(timeout=timeout)
        except subprocess.TimeoutExpired:
            return None

    def stop(self, grace: float = 20.0) -> int | None:
        """SIGTERM, then SIGKILL after ``grace`` s; then end any child it left behind."""
        if self.running():
            self.tree.sample()
            self.process.send_signal(signal.SIGTERM)
            if self.wait(grace) is None:
                self.process.kill()
                self.wait(10)
        self._stop.set()
        self._sampler.join(timeout=5)
        for pid in self.tree.leftovers():
            with contextlib.suppress(ProcessLookupError):
                os.kill(pid, signal.SIGTERM)
        self._stdout.close()
        self._stderr.close()
        return self.process.returncode

    def log_tail(self, lines: int = 15) -> str:
        text = ""
        for path in (self.stderr_path, self.stdout_path):
            if path.exists():
                text += path.read_text(errors="replace")
        return "\n".join(text.strip().splitlines()[-lines:])
