"""The check before the QApplication: a missing display or xcb library is one line with the
install command, not Qt's abort."""
from __future__ import annotations

import os

from gui.ui.runtime.display import XCB_LIBRARIES, problem


def test_no_display_is_named():
    why = problem({}, platform="linux")
    assert why is not None and "DISPLAY is not set" in why


def test_headless_platforms_and_other_systems_need_nothing():
    assert problem({"QT_QPA_PLATFORM": "offscreen"}, platform="linux") is None
    assert problem({}, platform="win32") is None
    assert problem({"WAYLAND_DISPLAY": "wayland-0"}, platform="linux") is None


def test_a_local_display_nobody_listens_on_is_named():
    free = next(n for n in range(90, 200) if not os.path.exists(f"/tmp/.X11-unix/X{n}"))
    why = problem({"DISPLAY": f":{free}"}, platform="linux")
    assert why is not None and f"DISPLAY=:{free}" in why


def test_missing_libraries_come_with_the_install_command():
    # A library that exists nowhere stands for one the system lacks; the real loader is asked.
    libraries = ((*XCB_LIBRARIES[0][:1], "libxcb-cursor0", "xcb-util-cursor"),
                 ("libqueue-desk-absent.so.9", "libxcb-icccm4", "xcb-util-wm"))
    why = problem({"DISPLAY": "remote:0"}, platform="linux", libraries=libraries)
    assert why is not None and "\n" not in why
    assert "apt install libxcb-icccm4" in why and "dnf install xcb-util-wm" in why
    assert "libxcb-cursor0" not in why
    assert problem({"DISPLAY": "remote:0"}, platform="linux", libraries=libraries[:1]) is None
