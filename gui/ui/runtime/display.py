"""Can a window be shown here? Asked before the QApplication exists, because Qt answers a
missing display or a missing xcb library with an abort (exit 134) and a message that often
names the wrong package. Cheap on purpose (start-up time is measured): environment
variables, one stat of the X socket, and ctypes loading the few libraries Qt's xcb plugin
needs beyond a minimal system; no child process. Imports no Qt."""
from __future__ import annotations

import ctypes
import os
import re
import sys
from collections.abc import Callable, Mapping

# The libraries libqxcb.so needs that a minimal Debian/Fedora often lacks, with the
# package that ships each one: (soname, Debian/Ubuntu package, Fedora package).
XCB_LIBRARIES: tuple[tuple[str, str, str], ...] = (
    ("libxcb-cursor.so.0", "libxcb-cursor0", "xcb-util-cursor"),
    ("libxcb-icccm.so.4", "libxcb-icccm4", "xcb-util-wm"),
    ("libxcb-keysyms.so.1", "libxcb-keysyms1", "xcb-util-keysyms"),
    ("libxcb-image.so.0", "libxcb-image0", "xcb-util-image"),
    ("libxcb-render-util.so.0", "libxcb-render-util0", "xcb-util-renderutil"),
    ("libxkbcommon-x11.so.0", "libxkbcommon-x11-0", "libxkbcommon-x11"),
)
# Platforms that need no display server (tests, screenshots, VNC).
_HEADLESS = {"offscreen", "minimal", "vnc", "eglfs", "linuxfb", "vkkhrdisplay", "minimalegl"}


def _loads(soname: str) -> bool:
    try:
        ctypes.CDLL(soname)
    except OSError:
        return False
    return True


def problem(environ: Mapping[str, str] | None = None, *, platform: str = sys.platform,
            libraries: tuple[tuple[str, str, str], ...] = XCB_LIBRARIES,
            loads: Callable[[str], bool] = _loads) -> str | None:
    """One line saying why no window can be shown, with what to do; None if it can."""
    env = os.environ if environ is None else environ
    if not platform.startswith("linux"):
        return None  # Windows and macOS ship their platform plugin's needs
    wanted = env.get("QT_QPA_PLATFORM", "").split(";")[0].split(":")[0].strip()
    if wanted in _HEADLESS or (wanted and wanted not in ("xcb", "wayland", "wayland-egl")):
        return None
    if wanted.startswith("wayland") or (not wanted and env.get("WAYLAND_DISPLAY")):
        return None if env.get("WAYLAND_DISPLAY") else (
            "queue-desk: no display: WAYLAND_DISPLAY is not set. Start Queue Desk from a desktop session, "
            "or use the commands without a window (queue-desk --help).")
    display = env.get("DISPLAY", "")
    if not display:
        return ("queue-desk: no display: DISPLAY is not set (no desktop session, e.g. over ssh). Start Queue Desk "
                "from a desktop session, use `ssh -X`, or use the commands without a window (queue-desk --help).")
    local = re.fullmatch(r"(?:unix)?:(\d+)(?:\.\d+)?", display)
    if local and not os.path.exists(f"/tmp/.X11-unix/X{local.group(1)}"):
        return (f"queue-desk: no display: nothing listens on DISPLAY={display}. Start Queue Desk from a desktop "
                "session, or use the commands without a window (queue-desk --help).")
    missing = [lib for lib in libraries if not loads(lib[0])]
    if not missing:
        return None
    names = ", ".join(lib[0] for lib in missing)
    debian = " ".join(lib[1] for lib in missing)
    fedora = " ".join(lib[2] for lib in missing)
    return (f"queue-desk: the window needs system libraries that are missing ({names}). Install them: "
            f"sudo apt install {debian}  (Debian/Ubuntu) or  sudo dnf install {fedora}  (Fedora).")
