"""Running a command and measuring it: wall time, CPU time and peak memory.

Each command runs as a child process; os.wait4 returns its resource usage, including
that of its own children that it waited for (the extraction pool, lychee), so the peak
memory is the largest resident set of the process tree's members.
"""

from __future__ import annotations

import json
import os
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent


@dataclass
class Sample:
    wall: float  # seconds
    cpu: float  # user + system seconds, children included
    rss_mb: float  # peak resident set of the process or any child it waited for
    status: int
    stdout: str = ""
    stderr: str = ""
    timed_out: bool = False


def _stop(pid: int) -> None:
    """Stop a process group that ran out of time (started with its own session)."""
    try:
        os.killpg(pid, signal.SIGKILL)
    except ProcessLookupError:
        pass


def environment(extra: Mapping[str, str] | None = None) -> dict[str, str]:
    env = dict(os.environ)
    env.update(
        {
            "NO_MKDOCS_2_WARNING": "1",
            "SOURCE_DATE_EPOCH": "1735689600",
            "PYTHONDONTWRITEBYTECODE": "1",
            "PATH": f"{BIN}{os.pathsep}{env.get('PATH', '')}",
        }
    )
    env.update(extra or {})
    return env


def run(
    cmd: Sequence[str],
    *,
    cwd: Path | None = None,
    env: Mapping[str, str] | None = None,
    check: bool = True,
    timeout: float | None = None,
) -> Sample:
    """Run `cmd` to completion; its wall time, CPU time and peak memory. After `timeout`
    seconds the process (and its children) are stopped: status -9, timed_out."""
    out_path = Path(os.environ.get("TMPDIR", "/tmp")) / f"bench-{os.getpid()}.out"
    err_path = out_path.with_suffix(".err")
    with out_path.open("w+b") as out, err_path.open("w+b") as err:
        started = time.perf_counter()
        proc = subprocess.Popen(
            list(cmd),
            cwd=cwd,
            env=dict(env or environment()),
            stdout=out,
            stderr=err,
            start_new_session=timeout is not None,
        )
        timer = None
        if timeout is not None:
            timer = threading.Timer(timeout, _stop, (proc.pid,))
            timer.start()
        _, status, usage = os.wait4(proc.pid, 0)
        wall = time.perf_counter() - started
        if timer is not None:
            timer.cancel()
        proc.returncode = os.waitstatus_to_exitcode(status)
        out.seek(0)
        err.seek(0)
        stdout = out.read().decode("utf-8", "replace")
        stderr = err.read().decode("utf-8", "replace")
    out_path.unlink(missing_ok=True)
    err_path.unlink(missing_ok=True)
    sample = Sample(
        wall=wall,
        cpu=usage.ru_utime + usage.ru_stime,
        rss_mb=usage.ru_maxrss / 1024,
        status=proc.returncode,
        stdout=stdout,
        stderr=stderr,
        timed_out=timeout is not None and wall >= timeout,
    )
    if sample.timed_out:
        return sample
    if check and sample.status != 0:
        raise RuntimeError(
            f"{' '.join(cmd)} exited with {sample.status}:\n{stderr[-4000:]}{stdout[-2000:]}"
        )
    return sample


def shuttle_cmd(root: Path, *args: str) -> list[str]:
    return [sys.executable, "-m", "shuttle.cli", "--root", str(root), *args]


def step_cmd(step: str, root: Path, *args: str) -> list[str]:
    """A step of the pipeline timed from inside (benchmarks/steps.py), as JSON."""
    return [sys.executable, "-m", "benchmarks.steps", step, str(root), *args]


def run_step(
    step: str, root: Path, *args: str, timeout: float | None = None
) -> tuple[dict[str, Any], Sample]:
    sample = run(step_cmd(step, root, *args), cwd=REPO, timeout=timeout)
    if sample.timed_out:
        return {"timed_out": True}, sample
    return json.loads(sample.stdout.strip().splitlines()[-1]), sample


@dataclass
class Series:
    """Repeated measurements of one thing; the median is what is reported."""

    values: list[float] = field(default_factory=list)

    def add(self, value: float) -> None:
        self.values.append(value)

    @property
    def median(self) -> float:
        return statistics.median(self.values) if self.values else float("nan")


def repeat(times: int, fn: Callable[[], float]) -> Series:
    series = Series()
    for _ in range(times):
        series.add(fn())
    return series


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def load_average() -> float:
    try:
        return os.getloadavg()[0]
    except OSError:
        return float("nan")


def cores() -> int:
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1


def clear(path: Path) -> None:
    shutil.rmtree(path, ignore_errors=True)
