"""Packaging (issue 8): the smoke test the frozen app runs in CI, and the files the Linux
desktop integration installs. The real validators (desktop-file-validate, appstreamcli)
and the PyInstaller build itself run in .ci/run; these checks are fast and need neither."""
from __future__ import annotations

import configparser
import os
import struct
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

import gui

ROOT = Path(__file__).resolve().parent.parent
PACKAGING = ROOT / "packaging"
DESKTOP = PACKAGING / "queue-desk.desktop"
METAINFO = PACKAGING / "queue-desk.metainfo.xml"
HICOLOR_SIZES = (16, 32, 48, 64, 128, 256, 512)


def test_smoke_test_passes_and_writes_nothing_into_the_users_folders(tmp_path):
    home, config = tmp_path / "home", tmp_path / "config"
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", QUEUE_DESK_HOME=str(home),
               XDG_CONFIG_HOME=str(config), XDG_DATA_HOME=str(tmp_path / "data"))
    proc = subprocess.run([sys.executable, "-m", "gui", "--smoke-test"], cwd=ROOT, env=env,
                          capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert "smoke test ok: window" in proc.stdout
    assert "sandbox chat job succeeded" in proc.stdout
    assert "keyring backend" in proc.stdout
    # Its job store and window settings lived in a temporary folder.
    assert not home.exists()
    assert not config.exists() or not any(config.rglob("*"))


def test_smoke_test_reports_a_failure_with_exit_code_1(tmp_path):
    # Break the engine on purpose: no sandbox package means no job can run.
    script = (
        "import sys; sys.modules['gui.sandbox'] = None\n"
        "from gui.smoke import run_smoke_test\n"
        "sys.exit(run_smoke_test())\n"
    )
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    proc = subprocess.run([sys.executable, "-c", script], cwd=ROOT, env=env,
                          capture_output=True, text=True, timeout=60)
    assert proc.returncode == 1
    assert "smoke test FAILED (sandbox)" in proc.stderr


def _desktop_entry() -> configparser.SectionProxy:
    parser = configparser.ConfigParser(interpolation=None, strict=True)
    parser.optionxform = str  # keys are case-sensitive
    parser.read(DESKTOP, encoding="utf-8")
    return parser["Desktop Entry"]


def test_desktop_file_launches_the_app_with_its_icon():
    entry = _desktop_entry()
    assert entry["Type"] == "Application"
    assert entry["Name"] == "Queue Desk"
    assert entry["Exec"].split()[0] == "queue-desk"  # install.sh makes it an absolute path
    assert entry["Icon"] == "queue-desk"
    assert entry["Categories"].endswith(";") and "Office" in entry["Categories"].split(";")
    assert entry["Terminal"] == "false"


def test_metainfo_is_well_formed_and_matches_the_app():
    root = ET.parse(METAINFO).getroot()
    assert root.tag == "component" and root.get("type") == "desktop-application"
    assert root.findtext("id")
    assert root.findtext("name") == _desktop_entry()["Name"]
    assert root.findtext("launchable[@type='desktop-id']") == DESKTOP.name
    assert root.findtext("provides/binary") == "queue-desk"
    assert root.findtext("project_license") == "MIT"
    releases = [r.get("version") for r in root.iter("release")]
    assert releases and releases[0] == gui.__version__, "add a <release> for the new version"


def _png_size(path: Path) -> tuple[int, int]:
    data = path.read_bytes()[:24]
    assert data[:8] == b"\x89PNG\r\n\x1a\n", path
    return struct.unpack(">II", data[16:24])


@pytest.mark.parametrize("size", HICOLOR_SIZES)
def test_hicolor_icons_are_committed_in_every_size(size):
    path = PACKAGING / "icons" / "hicolor" / f"{size}x{size}" / "apps" / "queue-desk.png"
    assert _png_size(path) == (size, size)


def test_icon_sources_and_platform_icons_exist():
    svg = ET.parse(ROOT / "resources" / "icons" / "queue-desk.svg").getroot()
    assert svg.tag.endswith("svg")
    assert (PACKAGING / "icons" / "hicolor" / "scalable" / "apps" / "queue-desk.svg").is_file()
    assert (PACKAGING / "windows" / "queue-desk.ico").read_bytes()[:4] == b"\x00\x00\x01\x00"
    assert (PACKAGING / "macos" / "queue-desk.icns").read_bytes()[:4] == b"icns"


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="ELF only")
def test_the_specs_orphan_pruning_reads_elf_dependencies():
    sys.path.insert(0, str(PACKAGING))
    try:
        from prune import needed, prune_orphans
    finally:
        sys.path.remove(str(PACKAGING))
    import _sqlite3

    deps = needed(_sqlite3.__file__)
    assert any(name.startswith("libsqlite3") for name in deps), deps
    assert needed(DESKTOP) == []  # not ELF
    # libsqlite3 is reached from the _sqlite3 module; a library nothing links to is dropped,
    # together with a symlink pointing at it.
    libsqlite = next(n for n in deps if n.startswith("libsqlite3"))
    binaries = [("lib-dynload/_sqlite3.so", _sqlite3.__file__, "EXTENSION"),
                (libsqlite, "/nonexistent/" + libsqlite, "BINARY"),
                ("libcairo.so.2", "/nonexistent/libcairo.so.2", "BINARY")]
    datas = [("libcairo.so.2.link", "sub/libcairo.so.2", "SYMLINK")]
    kept, kept_datas = prune_orphans(binaries, datas, log=lambda _msg: None)
    assert [e[0] for e in kept] == ["lib-dynload/_sqlite3.so", libsqlite]
    assert kept_datas == []
