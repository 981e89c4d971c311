"""The peak memory of a command together with every process it starts (Linux).

``benchmarks/run.py`` reports the largest single process (``ru_maxrss``); this samples the whole
process tree every 20 ms (ecoqa runs in one process, but a pager may run beside it) and reports
the peak of the summed resident memory (RSS, shared pages counted in every process) and of the summed
proportional share (PSS, shared pages divided among the processes that share them).

    python benchmarks/peak_memory.py ecoqa export -f md --data big.json
"""

from __future__ import annotations

import subprocess
import sys
import time
from pathlib import Path


def tree(pid: int) -> list[int]:
    """*pid* and all its descendants."""
    found = [pid]
    try:
        for task in Path(f"/proc/{pid}/task").iterdir():
            for child in (task / "children").read_text().split():
                found += tree(int(child))
    except OSError:
        pass
    return found


def kilobytes(pid: int, field: str) -> int:
    try:
        for line in Path(f"/proc/{pid}/smaps_rollup").read_text().splitlines():
            if line.startswith(field):
                return int(line.split()[1])
    except OSError:
        pass
    return 0


def main(command: list[str]) -> None:
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL)
    rss = pss = most = 0
    while process.poll() is None:
        pids = tree(process.pid)
        most = max(most, len(pids))
        rss = max(rss, sum(kilobytes(p, "Rss:") for p in pids))
        pss = max(pss, sum(kilobytes(p, "Pss:") for p in pids))
        time.sleep(0.02)
    print(f"peak summed RSS {rss // 1024} MB, PSS {pss // 1024} MB, up to {most} processes")


if __name__ == "__main__":
    main(sys.argv[1:])
