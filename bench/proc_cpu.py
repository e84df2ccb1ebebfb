"""CPU accounting for benchmarks: CPU seconds used by process trees and by the whole machine,
read from /proc, so a report can say where the cores went (Linux only)."""
from __future__ import annotations

import os
from pathlib import Path

TICK = os.sysconf("SC_CLK_TCK")


def _stat(pid: int) -> list[str] | None:
    try:
        return Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except (FileNotFoundError, ProcessLookupError, IndexError):
        return None


def descendants(root: int) -> list[int]:
    """``root`` and every process below it."""
    children: dict[int, list[int]] = {}
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            fields = _stat(int(entry.name))
            if fields:
                children.setdefault(int(fields[1]), []).append(int(entry.name))
    found, todo = [], [root]
    while todo:
        pid = todo.pop()
        found.append(pid)
        todo.extend(children.get(pid, []))
    return found


def tree_cpu_seconds(root: int) -> float:
    """user + system CPU seconds of a process tree, including children that have exited
    (a parent's cutime/cstime holds the CPU of the children it has reaped)."""
    total = 0
    for pid in descendants(root):
        fields = _stat(pid)
        if fields:
            total += int(fields[11]) + int(fields[12]) + int(fields[13]) + int(fields[14])
    return total / TICK


def named_roots(command: str) -> list[int]:
    """Processes called ``command`` whose parent is called something else (e.g. the postmaster)."""
    names: dict[int, tuple[str, int]] = {}
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                stat = (entry / "stat").read_text()
            except (FileNotFoundError, ProcessLookupError):
                continue
            names[int(entry.name)] = (stat[stat.index("(") + 1:stat.rindex(")")],
                                      int(stat.rsplit(")", 1)[1].split()[1]))
    return [pid for pid, (name, ppid) in names.items()
            if name == command and names.get(ppid, ("", 0))[0] != command]


def named_cpu_seconds(command: str) -> float:
    """CPU seconds of every process tree rooted at a process called ``command``."""
    return sum(tree_cpu_seconds(pid) for pid in named_roots(command))


def machine_busy_seconds() -> float:
    """CPU seconds the whole machine spent not idle (all cores)."""
    values = [int(v) for v in Path("/proc/stat").read_text().splitlines()[0].split()[1:]]
    idle = values[3] + values[4]  # idle + iowait
    return (sum(values[:8]) - idle) / TICK


class CpuMeter:
    """CPU used between ``start()`` and ``stop()`` by named process trees and the machine."""

    def __init__(self, roots: dict[str, int], commands: tuple[str, ...] = ("postgres",)) -> None:
        self.roots = roots
        self.commands = commands
        self._before: dict[str, float] = {}

    def _read(self) -> dict[str, float]:
        now = {name: tree_cpu_seconds(pid) for name, pid in self.roots.items()}
        now.update({command: named_cpu_seconds(command) for command in self.commands})
        now["machine"] = machine_busy_seconds()
        return now

    def start(self) -> None:
        self._before = self._read()

    def stop(self) -> dict[str, float]:
        """CPU seconds per tree, per named command and for the machine since ``start()``."""
        after = self._read()
        return {name: round(after[name] - self._before[name], 2) for name in after}
