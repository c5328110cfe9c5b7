"""Child process for B6: convert and split one recording with gui/core/formats/audio.py.
Prints {"seconds", "growth_mb", "pieces"}: wall time, and peak resident memory above the
process after its imports (the recording must never be held whole)."""
from __future__ import annotations

import json
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

import av  # noqa: E402,F401 - imported before the baseline, as the app has it loaded

from common import status_mb  # noqa: E402
from gui.core.formats import audio  # noqa: E402


def main() -> None:
    source, folder = sys.argv[1], sys.argv[2]
    before = status_mb("VmRSS")
    started = time.perf_counter()
    pieces = audio.split(source, folder, max_bytes=25 * 2**20)
    seconds = time.perf_counter() - started
    # VmHWM, not ru_maxrss: the latter survives exec, so it would report the parent's size.
    peak = status_mb("VmHWM")
    print(json.dumps({"seconds": seconds, "growth_mb": peak - before, "pieces": len(pieces)}))


if __name__ == "__main__":
    main()
