"""Compiles the translations (resources/translations/*.ts → .qm, Qt's lrelease from the
PySide6 in the build environment) whenever the package is built or installed, editable
installs included, so compiled catalogues are never committed and never stale. Everything
else about the package is in pyproject.toml."""
import subprocess
import sys
from pathlib import Path

from setuptools import setup
from setuptools.command.build_py import build_py

TRANSLATIONS = Path(__file__).resolve().parent / "resources" / "translations"


def compile_translations() -> None:
    for ts in sorted(TRANSLATIONS.glob("*.ts")):
        subprocess.run(
            [sys.executable, "-c", "from PySide6.scripts.pyside_tool import lrelease; lrelease()",
             "-silent", str(ts), "-qm", str(ts.with_suffix(".qm"))],
            check=True,
        )


class BuildPyWithTranslations(build_py):
    def run(self) -> None:
        compile_translations()  # first: package_data picks up the .qm files
        super().run()


setup(cmdclass={"build_py": BuildPyWithTranslations})
