"""The transcript preview: the text, the segment list (start, end, text; a click plays
from there when Qt Multimedia is installed), and saving as txt, srt, vtt or json — with
"Save" to the place set in the audio tabs (next to the audio or a folder, by template)
or "Save as…" anywhere."""
from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from gui.core.errors import InputProblem
from gui.core.export.transcripts import ExportOptions, audio_path, export_transcript
from gui.core.formats.subtitles import (
    EXPORT_FORMATS,
    Transcript,
    read_transcript,
    render,
    short_time,
)
from gui.core.jobs.job import Job
from gui.ui.preview import playback
from gui.ui.runtime import settings as app_settings
from gui.ui.widgets.save_dialog import ask_save, save_and_report, save_like


class TranscriptView(QWidget):
    def __init__(self, report: Callable[[str], None], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._report = report
        self.job: Job | None = None
        self.transcript: Transcript | None = None
        self.info = QLabel(self)
        self.text = QPlainTextEdit(self)
        self.text.setReadOnly(True)
        self.segments = QTableWidget(0, 3, self)
        self.segments.setHorizontalHeaderLabels([self.tr("Start"), self.tr("End"), self.tr("Text")])
        self.segments.verticalHeader().setVisible(False)
        self.segments.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.segments.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        self.segments.setWordWrap(True)
        header = self.segments.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        self.segments.cellClicked.connect(self._segment_clicked)
        split = QSplitter(Qt.Orientation.Horizontal, self)
        split.addWidget(self.segments)
        split.addWidget(self.text)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 2)

        self.player = playback.SegmentPlayer(self) if playback.AVAILABLE else None
        self.playing = False
        self.play_button = QPushButton(self.tr("Play"), self)
        self.play_button.setToolTip(self.tr("Play the audio; click a segment to play from its start"))
        self.play_button.setVisible(self.player is not None)
        if self.player is not None:
            self.play_button.clicked.connect(self._play_pause)
            self.player.stateChanged.connect(self._playing_changed)
        self.format = QComboBox(self)
        self.save_button = QPushButton(self.tr("Save"), self)
        self.save_as_button = QPushButton(self.tr("Save as…"), self)
        self.save_button.clicked.connect(self.save_to_settings)
        self.save_as_button.clicked.connect(self.ask_save)
        row = QHBoxLayout()
        row.addWidget(self.play_button)
        row.addWidget(self.info, 1)
        row.addWidget(QLabel(self.tr("Format"), self))
        row.addWidget(self.format)
        row.addWidget(self.save_button)
        row.addWidget(self.save_as_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(split, 1)
        layout.addLayout(row)

    def show_job(self, job: Job) -> None:
        self.job = job
        if self.player is not None:
            self.player.stop()
        try:
            self.transcript = read_transcript(job.result_path or "")
        except (OSError, ValueError) as exc:
            self.transcript = None
            self.text.setPlainText("")
            self.segments.setRowCount(0)
            self.info.setText(self.tr("The transcript could not be read: {reason}").format(reason=exc))
            self._update_buttons()
            return
        t = self.transcript
        self.text.setPlainText(t.text)
        self.segments.setRowCount(len(t.segments))
        for row, segment in enumerate(t.segments):
            for col, value in enumerate((short_time(segment.start), short_time(segment.end), segment.text)):
                item = QTableWidgetItem(value)
                item.setToolTip(segment.text if col == 2 else self.tr("Click to play from here") if self.player else "")
                self.segments.setItem(row, col, item)
        self.segments.setVisible(t.timed)
        self.segments.resizeRowsToContents()
        if not t.timed:
            facts = [self.tr("no timings (ask for verbose_json, srt or vtt)")]
        elif len(t.segments) == 1:
            facts = [self.tr("1 segment")]
        else:
            facts = [self.tr("{count} segments").format(count=len(t.segments))]
        if t.language:
            facts.append(t.language)
        if t.duration:
            facts.append(short_time(t.duration))
        self.info.setText(" · ".join(facts))
        chosen = app_settings.export_options().format
        self.format.clear()
        self.format.addItems(list(t.formats()))
        self.format.setCurrentText(chosen if chosen in t.formats() else "txt")
        self._update_buttons()

    def _update_buttons(self) -> None:
        ok = self.transcript is not None
        for w in (self.save_button, self.save_as_button, self.format):
            w.setEnabled(ok)
        audio = audio_path(self.job) if self.job else None
        self.play_button.setEnabled(ok and audio is not None and audio.exists())
        options = app_settings.export_options()
        if options.folder is None:
            tip = self.tr("Save next to the audio file as {template} (set in the audio tabs)")
        else:
            tip = self.tr("Save in {folder} as {template} (set in the audio tabs)")
        self.save_button.setToolTip(tip.format(folder=options.folder, template=options.template))

    def _playing_changed(self, on: bool) -> None:
        self.playing = on
        self.play_button.setText(self.tr("Pause") if on else self.tr("Play"))

    def _segment_clicked(self, row: int, _col: int) -> None:
        audio = audio_path(self.job) if self.job else None
        if self.player is None or self.transcript is None or audio is None or not audio.exists():
            return
        self.player.play_from(audio, self.transcript.segments[row].start)

    def _play_pause(self) -> None:
        audio = audio_path(self.job) if self.job else None
        if self.player is not None and audio is not None:
            row = max(0, self.segments.currentRow())
            start = self.transcript.segments[row].start if self.transcript and self.transcript.segments else 0.0
            if not self.playing and self.player.source != str(audio):
                self.player.play_from(audio, start)
            else:
                self.player.toggle()

    # -- saving ----------------------------------------------------------------------

    def save_to_settings(self) -> Path | None:
        """Save where the audio tabs' settings say (next to the audio or a folder, by template)."""
        if self.job is None or self.transcript is None:
            return None
        saved = app_settings.export_options()
        options = ExportOptions(self.format.currentText(), saved.folder, saved.template)
        try:
            target = export_transcript(self.job, options, self.transcript)
        except InputProblem as problem:
            self._report(problem.message)
            return None
        self._report(self.tr("Saved to {path}").format(path=target))
        return target

    def suggested_name(self) -> str:
        audio = audio_path(self.job) if self.job else None
        stem = audio.stem if audio else f"transcript-{self.job.short_id if self.job else ''}"
        return f"{stem}.{self.format.currentText() or 'txt'}"

    def save(self) -> bool:
        return save_like(self.save_as_button, self.ask_save)

    def ask_save(self) -> None:
        if self.transcript is not None:
            fmt = self.format.currentText()
            names = self._filters()
            filters = [names[f] for f in self.transcript.formats()]
            ask_save(self, self.tr("Save the transcript as"), self.suggested_name(), filters, self.save_as, names[fmt])

    def _filters(self) -> dict[str, str]:
        """The file dialog's filter per export format."""
        return {"txt": self.tr("Text ({pattern})").format(pattern="*.txt"),
                "srt": self.tr("SubRip subtitles ({pattern})").format(pattern="*.srt"),
                "vtt": self.tr("WebVTT subtitles ({pattern})").format(pattern="*.vtt"),
                "json": "JSON (*.json)"}

    def save_as(self, path: str | Path) -> Path | None:
        """Write the transcript to `path`, in the format its suffix names."""
        if self.transcript is None:
            return None
        target = Path(path)
        fmt = target.suffix.lstrip(".").lower()
        if fmt not in EXPORT_FORMATS:
            fmt = self.format.currentText() or "txt"
            target = target.with_name(target.name + "." + fmt)
        try:
            data = render(self.transcript, fmt)
        except ValueError as exc:
            self._report(str(exc))
            return None
        return save_and_report(target, data, self._report)
