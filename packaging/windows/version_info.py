"""The Windows version resource of queue-desk.exe (Explorer > Properties > Details).

Built from the version in gui/__init__.py by packaging/queue-desk.spec, so there is no
hand-edited version file to forget. PyInstaller's versioninfo module is plain Python, so
`version_info()` needs `pefile`, which pip installs with PyInstaller on Windows only; the
spec calls it only there.

    python packaging/windows/version_info.py 0.1.0   # print the resource in PyInstaller's text form
"""
from __future__ import annotations

import re
import sys

COMPANY = "Queue Desk contributors"
COPYRIGHT = "MIT License"


def _numbers(version: str) -> tuple[int, int, int, int]:
    parts = []
    for piece in version.split(".")[:4]:
        digits = re.match(r"\d*", piece).group() or "0"  # 1.2.0rc1 -> 1.2.0
        parts.append(int(digits))
    return tuple(parts + [0] * (4 - len(parts)))  # type: ignore[return-value]


def version_info(version: str, product: str, internal_name: str):
    """A PyInstaller `VSVersionInfo` for EXE(version=...)."""
    from PyInstaller.utils.win32 import versioninfo as vi  # imports pefile

    numbers = _numbers(version)
    strings = [
        vi.StringStruct("CompanyName", COMPANY),
        vi.StringStruct("FileDescription", product),
        vi.StringStruct("FileVersion", version),
        vi.StringStruct("InternalName", internal_name),
        vi.StringStruct("LegalCopyright", COPYRIGHT),
        vi.StringStruct("OriginalFilename", f"{internal_name}.exe"),
        vi.StringStruct("ProductName", product),
        vi.StringStruct("ProductVersion", version),
    ]
    return vi.VSVersionInfo(
        ffi=vi.FixedFileInfo(filevers=numbers, prodvers=numbers, mask=0x3F, flags=0x0,
                             OS=0x40004, fileType=0x1, subtype=0x0, date=(0, 0)),
        kids=[
            vi.StringFileInfo([vi.StringTable("040904B0", strings)]),  # US English, Unicode
            vi.VarFileInfo([vi.VarStruct("Translation", [0x0409, 1200])]),
        ],
    )


if __name__ == "__main__":
    print(version_info(sys.argv[1] if len(sys.argv) > 1 else "0.0.0", "Queue Desk", "queue-desk"))
