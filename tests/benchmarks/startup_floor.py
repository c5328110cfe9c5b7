"""What B4's start-up target asks of this stack: the least a window like ours costs.

usage: python tests/benchmarks/startup_floor.py HOME   (HOME: a store made by make_history.py)

Prints each start-up next to a bare PySide6 window's, measured side by side (alternating
runs, from process start, from compiled bytecode, as B4 measures):

  toy          the same widgets as our main window (endpoint tabs with a chat form, a job
               table over the newest 100 rows read from SQLite, a preview, menus, a status
               bar) and nothing else: no asyncio, no engine, a Python model of a few lines
  toy+qasync   the toy window shown from a running qasync loop, as an asyncio app must
  app          Queue Desk's real window (history.py app)

As child: startup_floor.py child toy|toy+qasync HOME"""
from __future__ import annotations

import os
import sys
import time

STARTED = float(os.environ.get("QUEUE_DESK_BENCH_SPAWNED") or time.perf_counter())


def toy(home: str, with_qasync: bool) -> float:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    import sqlite3

    from PySide6.QtCore import QAbstractTableModel, QModelIndex, Qt, QTimer
    from PySide6.QtWidgets import (
        QApplication,
        QComboBox,
        QFormLayout,
        QLabel,
        QMainWindow,
        QPlainTextEdit,
        QPushButton,
        QSplitter,
        QTableView,
        QTabWidget,
        QTextBrowser,
        QWidget,
    )

    app = QApplication([])

    def build() -> QMainWindow:
        window = QMainWindow()
        db = sqlite3.connect(os.path.join(home, "jobs.sqlite3"))
        rows = db.execute("SELECT id, state, endpoint, model, summary, created_at, finished_at, attempts "
                          "FROM jobs ORDER BY seq DESC LIMIT 100").fetchall()

        class Model(QAbstractTableModel):
            def rowCount(self, parent=QModelIndex()):  # noqa: N802 - Qt override
                return len(rows)

            def columnCount(self, parent=QModelIndex()):  # noqa: N802 - Qt override
                return 8

            def data(self, index, role=Qt.ItemDataRole.DisplayRole):
                if role == Qt.ItemDataRole.DisplayRole:
                    return str(rows[index.row()][index.column()])

        tabs = QTabWidget()
        form = QWidget()
        layout = QFormLayout(form)
        layout.addRow("Model", QComboBox())
        layout.addRow("System", QPlainTextEdit())
        layout.addRow("Prompt", QPlainTextEdit())
        layout.addRow(QPushButton("Submit"))
        tabs.addTab(form, "Chat")
        for title in ("Completions", "Embeddings", "Transcription", "Translation", "Images", "Image edit", "Models"):
            tabs.addTab(QWidget(), title)
        view = QTableView()
        view.setModel(Model(view))
        right = QSplitter(Qt.Orientation.Vertical)
        right.addWidget(view)
        right.addWidget(QTextBrowser())
        split = QSplitter()
        split.addWidget(tabs)
        split.addWidget(right)
        window.setCentralWidget(split)
        for title in ("File", "Edit", "Jobs", "Batch", "View", "Help"):
            menu = window.menuBar().addMenu(title)
            for i in range(8):
                menu.addAction(f"{title} {i}")
        window.statusBar().addPermanentWidget(QLabel("Running 0 · Queued 0 · Done 90000"))
        window.resize(1280, 800)
        window.show()
        return window

    if not with_qasync:
        window = build()
        app.processEvents()
        shown = time.perf_counter()
        window.close()
        return shown - STARTED
    import asyncio

    import qasync

    async def main() -> float:
        window = build()
        shown = asyncio.get_running_loop().create_future()
        QTimer.singleShot(0, lambda: shown.set_result(time.perf_counter()))  # after the paint
        await shown
        window.close()
        return shown.result() - STARTED

    return qasync.run(main())


def main(home: str) -> None:
    import statistics
    from pathlib import Path

    sys.path.insert(0, str(Path(__file__).resolve().parent))
    from common import run_startup

    here = Path(__file__).resolve().parent

    def start(script: str, *args: str) -> float:
        return run_startup(here / script, *args)["startup_s"]

    kinds = {"bare": ("history.py", "bare"), "toy": ("startup_floor.py", "child", "toy", home),
             "toy+qasync": ("startup_floor.py", "child", "toy+qasync", home), "app": ("history.py", "app", home)}
    times: dict[str, list[float]] = {kind: [] for kind in kinds}
    for args in kinds.values():
        start(*args)  # warm-up: writes the bytecode caches
    for _ in range(5):
        for kind, args in kinds.items():
            times[kind].append(start(*args))
    bare = statistics.median(times["bare"])
    for kind, values in times.items():
        print(f"{kind:<11} {statistics.median(values) * 1000:6.0f} ms  {statistics.median(values) / bare:.2f}x bare")


if __name__ == "__main__":
    if sys.argv[1] == "child":
        import json

        print(json.dumps({"startup_s": toy(sys.argv[3], sys.argv[2] == "toy+qasync")}))
    else:
        main(sys.argv[1])
