"""Drop shared libraries that nothing in the bundle links to any more (Linux, ELF only).

PyInstaller collects a plugin's libraries while analysing it; when the spec then filters
the plugin out (the GTK 3 platform theme, eglfs, ...), its libraries stay behind: cairo,
pango, gdk-pixbuf, atk and friends, several MB that nothing loads. `prune_orphans` keeps
every binary reachable through DT_NEEDED from what the spec keeps on purpose (executable,
Python extension modules, Qt plugins, libraries loaded with dlopen) and drops the rest.

No external tools: a small reader for the ELF dynamic section (DT_NEEDED) is below.
"""
from __future__ import annotations

import re
import struct
from pathlib import Path

DT_NEEDED = 1
SHT_DYNAMIC = 6

# Loaded with dlopen, so no DT_NEEDED points at them.
DLOPENED = re.compile(
    r"^(libpython3[\d.]*\.so|libssl\.so|libcrypto\.so"  # bootloader; Qt's OpenSSL TLS backend
    r"|libdbus-1\.so|libgssapi_krb5\.so|libxcb-cursor\.so"  # QtDBus, QtNetwork auth, xcb cursors
    r")"
)


# Libraries that only ever come from the wheels (never from the system): if one of them is
# linked but missing, the filter went too far.
OURS = re.compile(r"^lib(Qt6|icu|pyside6|shiboken6)")


def needed(path: str | Path) -> list[str]:
    """The DT_NEEDED sonames of an ELF file; [] for anything that is not ELF."""
    try:
        data = Path(path).read_bytes()
    except OSError:
        return []
    if data[:4] != b"\x7fELF":
        return []
    is64 = data[4] == 2
    end = "<" if data[5] == 1 else ">"
    if is64:
        shoff, = struct.unpack_from(end + "Q", data, 0x28)
        shentsize, shnum = struct.unpack_from(end + "HH", data, 0x3A)
    else:
        shoff, = struct.unpack_from(end + "I", data, 0x20)
        shentsize, shnum = struct.unpack_from(end + "HH", data, 0x2E)
    sections = []
    for i in range(shnum):
        base = shoff + i * shentsize
        if is64:
            _name, stype, _flags, _addr, offset, size, link = struct.unpack_from(end + "IIQQQQI", data, base)
        else:
            _name, stype, _flags, _addr, offset, size, link = struct.unpack_from(end + "IIIIIII", data, base)
        sections.append((stype, offset, size, link))
    names: list[str] = []
    for stype, offset, size, link in sections:
        if stype != SHT_DYNAMIC or link >= len(sections):
            continue
        str_offset = sections[link][1]
        entry = struct.Struct(end + ("qQ" if is64 else "iI"))
        for pos in range(offset, offset + size, entry.size):
            tag, value = entry.unpack_from(data, pos)
            if tag == 0:
                break
            if tag == DT_NEEDED:
                stop = data.index(b"\0", str_offset + value)
                names.append(data[str_offset + value:stop].decode())
    return names


def _is_plain_library(dest: str) -> bool:
    """A shared library in the bundle root or Qt's lib folder (not a module, not a plugin)."""
    name = _basename(dest)
    if ".cpython-" in name or name.endswith(".abi3.so") or "/plugins/" in dest.replace("\\", "/"):
        return False
    return ".so" in name and name.startswith("lib")


def prune_orphans(binaries: list[tuple], datas: list[tuple], log=print) -> tuple[list[tuple], list[tuple]]:
    """PyInstaller TOCs (dest, src, typecode) in, the same without orphans out.

    PyInstaller 6 also lists top-level symlinks to Qt's libraries (typecode SYMLINK, in
    either TOC); those pointing at a dropped library go too, or they would dangle."""
    by_name: dict[str, tuple] = {}
    roots: list[tuple] = []
    for entry in binaries:
        dest, typecode = entry[0], entry[2]
        if typecode == "SYMLINK":
            continue
        name = _basename(dest)
        if _is_plain_library(dest) and not DLOPENED.match(name):
            by_name.setdefault(name, entry)
        else:
            roots.append(entry)
    present = {_basename(e[0]) for e in binaries if e[2] != "SYMLINK"}
    reached: set[str] = set()
    broken: set[str] = set()
    todo = [entry[1] for entry in roots]
    while todo:
        source = todo.pop()
        for soname in needed(source):
            if soname in by_name and soname not in reached:
                reached.add(soname)
                todo.append(by_name[soname][1])
            elif soname not in present and OURS.match(soname):
                broken.add(f"{_basename(source)} needs {soname}")
    if broken:
        # A DROP pattern in the spec removed a Qt library that something kept still links.
        raise SystemExit("queue-desk.spec: the filter removed libraries still in use:\n  "
                         + "\n  ".join(sorted(broken)))
    orphans = set(by_name) - reached
    if orphans:
        log(f"queue-desk.spec: pruned {len(orphans)} libraries nothing links to: {' '.join(sorted(orphans))}")

    def keep(entry: tuple) -> bool:
        if entry[2] == "SYMLINK":
            return _basename(entry[1]) not in orphans
        return not (_is_plain_library(entry[0]) and _basename(entry[0]) in orphans)

    return [e for e in binaries if keep(e)], [e for e in datas if keep(e)]


def _basename(dest: str) -> str:
    return dest.replace("\\", "/").rsplit("/", 1)[-1]
