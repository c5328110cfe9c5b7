"""PyInstaller entry point of the frozen app: the same `queue-desk` command as `pip install` gives."""
import os
import sys

# qasync picks its Qt binding at import time; the bundle only carries PySide6 (recipes §1).
os.environ.setdefault("QT_API", "pyside6")

from gui.cli import main  # noqa: E402

if __name__ == "__main__":
    sys.exit(main())
