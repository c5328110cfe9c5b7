<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE" sourcelanguage="en">
<context>
    <name>AdvancedEditor</name>
    <message>
        <location filename="../../gui/ui/widgets/form.py" line="+137"/>
        <source>Advanced (extra JSON)</source>
        <translation>Erweitert (zusätzliches JSON)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>JSON fields merged into the request as they are</source>
        <translation>JSON-Felder, die unverändert in die Anfrage übernommen werden</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Any extra fields as one JSON object, e.g. {example}</source>
        <translation>Beliebige zusätzliche Felder als ein JSON-Objekt, z. B. {example}</translation>
    </message>
    <message>
        <location line="+49"/>
        <source>The queue does not stream answers: remove &quot;stream&quot;.</source>
        <translation>Die Warteschlange streamt keine Antworten: Entfernen Sie „stream“.</translation>
    </message>
</context>
<context>
    <name>AudioTab</name>
    <message>
        <location filename="../../gui/ui/tabs/audio.py" line="+53"/>
        <source>Translates speech in any language into English text.</source>
        <translation>Übersetzt Gesprochenes aus jeder Sprache in englischen Text.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Files waiting to be submitted (Delete removes the selected ones)</source>
        <translation>Dateien, die auf das Senden warten (Entf entfernt die ausgewählten)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Submit dropped files at once</source>
        <translation>Abgelegte Dateien sofort senden</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>auto-detect</source>
        <translation>automatisch erkennen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>ISO-639-1 code of the spoken language; empty: detected from the first 30 s</source>
        <translation>ISO-639-1-Code der gesprochenen Sprache; leer: wird aus den ersten 30 s erkannt</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Optional: names, terms</source>
        <translation>Optional: Namen, Begriffe</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Optional: names, terms or the previous part&apos;s text, to spell them as the model should</source>
        <translation>Optional: Namen, Fachbegriffe oder der Text des vorherigen Teils, damit das Modell sie richtig schreibt</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>0 (the default) lets the model pick; higher values sample more freely</source>
        <translation>0 (Standard) überlässt die Wahl dem Modell; höhere Werte lassen mehr Zufall zu</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>verbose_json gives segments with timings (needed for srt/vtt export)</source>
        <translation>verbose_json liefert Segmente mit Zeitangaben (nötig für den Export als srt/vtt)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>word</source>
        <translation>Wörter</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>segment</source>
        <translation>Segmente</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Prompt</source>
        <translation>Prompt</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Temperature</source>
        <translation>Temperatur</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Response format</source>
        <translation>Antwortformat</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Language</source>
        <translation>Sprache</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Timestamps</source>
        <translation>Zeitstempel</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Settings</source>
        <translation>Einstellungen</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Timestamps need the verbose_json format</source>
        <translation>Zeitstempel erfordern das Format verbose_json</translation>
    </message>
    <message>
        <location line="+41"/>
        <source>Choose audio files</source>
        <translation>Audiodateien auswählen</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Audio ({patterns})</source>
        <translation>Audiodateien ({patterns})</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>All files ({patterns})</source>
        <translation>Alle Dateien ({patterns})</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>Add audio files first: drop them here or choose them.</source>
        <translation>Fügen Sie zuerst Audiodateien hinzu: Legen Sie sie hier ab oder wählen Sie sie aus.</translation>
    </message>
</context>
<context>
    <name>AutoSaver</name>
    <message>
        <location filename="../../gui/ui/jobs/auto_saver.py" line="+48"/>
        <source>Auto-save of {job} failed: {problem}</source>
        <translation>Automatisches Speichern von „{job}“ fehlgeschlagen: {problem}</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Auto-save of {job} failed: the transcript could not be read ({reason}).</source>
        <translation>Automatisches Speichern von „{job}“ fehlgeschlagen: Das Transkript konnte nicht gelesen werden ({reason}).</translation>
    </message>
</context>
<context>
    <name>BatchBar</name>
    <message>
        <location filename="../../gui/ui/batch/run_list.py" line="+55"/>
        <source>{done} done · {failed} failed · {remaining} remaining</source>
        <translation>{done} fertig · {failed} fehlgeschlagen · {remaining} offen</translation>
    </message>
</context>
<context>
    <name>BatchController</name>
    <message>
        <location filename="../../gui/ui/batch/controller.py" line="+105"/>
        <source>The batch {name} is already running into {folder}.</source>
        <translation>Der Batch {name} läuft bereits und schreibt nach {folder}.</translation>
    </message>
    <message>
        <location line="+10"/>
        <location line="+6"/>
        <location line="+119"/>
        <source>Could not start the batch: {error}</source>
        <translation>Der Batch konnte nicht gestartet werden: {error}</translation>
    </message>
    <message>
        <location line="-112"/>
        <source>Batch {name}: {sent} row to send, {kept} already answered</source>
        <translation>Batch {name}: {sent} Zeile zu senden, {kept} bereits beantwortet</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Batch {name}: {sent} rows to send, {kept} already answered</source>
        <translation>Batch {name}: {sent} Zeilen zu senden, {kept} bereits beantwortet</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Batch {name}: {sent} row to send</source>
        <translation>Batch {name}: {sent} Zeile zu senden</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Batch {name}: {sent} rows to send</source>
        <translation>Batch {name}: {sent} Zeilen zu senden</translation>
    </message>
    <message>
        <location line="+42"/>
        <source>Batch {name} runs in another process</source>
        <translation>Batch {name} läuft in einem anderen Prozess</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{done} of {total} rows succeeded, {failed} failed; the other {remaining} are being run by another Queue Desk process (pid {pid})</source>
        <translation>{done} von {total} Zeilen erfolgreich, {failed} fehlgeschlagen; die übrigen {remaining} führt ein anderer Queue-Desk-Prozess (PID {pid}) aus</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Batch {name} finished</source>
        <translation>Batch {name} abgeschlossen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Batch {name} was cancelled</source>
        <translation>Batch {name} wurde abgebrochen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{done} of {total} rows succeeded, {failed} failed. Results: {path}</source>
        <translation>{done} von {total} Zeilen erfolgreich, {failed} fehlgeschlagen. Ergebnisse: {path}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{done} of {total} rows succeeded, {failed} failed</source>
        <translation>{done} von {total} Zeilen erfolgreich, {failed} fehlgeschlagen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{done} of {total} rows succeeded. Results: {path}</source>
        <translation>{done} von {total} Zeilen erfolgreich. Ergebnisse: {path}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{done} of {total} rows succeeded</source>
        <translation>{done} von {total} Zeilen erfolgreich</translation>
    </message>
    <message>
        <location line="+47"/>
        <source>Batch {name}: sending {sent} row again</source>
        <translation>Batch {name}: {sent} Zeile wird erneut gesendet</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Batch {name}: sending {sent} rows again</source>
        <translation>Batch {name}: {sent} Zeilen werden erneut gesendet</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>Export failed: {error}</source>
        <translation>Export fehlgeschlagen: {error}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Exported {name} to {path}</source>
        <translation>{name} wurde nach {path} exportiert</translation>
    </message>
    <message>
        <location line="+42"/>
        <source>The batch in {folder} cannot be shown: {error}</source>
        <translation>Der Batch in {folder} kann nicht angezeigt werden: {error}</translation>
    </message>
</context>
<context>
    <name>BatchDialog</name>
    <message>
        <location filename="../../gui/ui/batch/dialog.py" line="+56"/>
        <source>New batch</source>
        <translation>Neuer Batch</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Type or paste a path, or open a CSV, TSV, XLSX or JSONL file, or a folder of audio files</source>
        <translation>Pfad eingeben oder einfügen, oder eine CSV-, TSV-, XLSX- oder JSONL-Datei oder einen Ordner mit Audiodateien öffnen</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Open file…</source>
        <translation>Datei öffnen…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Audio folder…</source>
        <translation>Audioordner…</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Sheet</source>
        <translation>Tabellenblatt</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Optional, e.g. You are a careful analyst. Answer in {language}.</source>
        <translation>Optional, z. B. Sie sind ein sorgfältiger Analyst. Antworten Sie auf {language}.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>e.g. Summarise in one sentence: {text}</source>
        <translation>z. B. Fassen Sie in einem Satz zusammen: {text}</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Where results.jsonl and the exported table go</source>
        <translation>Wohin results.jsonl und die exportierte Tabelle geschrieben werden</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Choose…</source>
        <translation>Auswählen…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>When done, open the results folder</source>
        <translation>Nach Abschluss den Ergebnisordner öffnen</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Start batch</source>
        <translation>Batch starten</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Input</source>
        <translation>Eingabe</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Prompt template — {column} inserts a cell</source>
        <translation>Prompt-Vorlage – {column} fügt eine Zelle ein</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>System message</source>
        <translation>Systemnachricht</translation>
    </message>
    <message>
        <location line="+3"/>
        <location line="+159"/>
        <source>User message</source>
        <translation>Benutzernachricht</translation>
    </message>
    <message>
        <location line="-148"/>
        <source>Preview — the first rows as they will be sent</source>
        <translation>Vorschau – die ersten Zeilen, wie sie gesendet werden</translation>
    </message>
    <message>
        <location line="+7"/>
        <location line="+31"/>
        <source>Output folder</source>
        <translation>Ausgabeordner</translation>
    </message>
    <message>
        <location line="-14"/>
        <source>Tables ({patterns})</source>
        <translation>Tabellen ({patterns})</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>All files (*)</source>
        <translation>Alle Dateien (*)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Open batch input</source>
        <translation>Batch-Eingabe öffnen</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Open a folder of audio files</source>
        <translation>Ordner mit Audiodateien öffnen</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Reading…</source>
        <translation>Wird gelesen…</translation>
    </message>
    <message>
        <location line="+62"/>
        <source>{path} does not exist. Check the path, or use Open file….</source>
        <translation>{path} existiert nicht. Prüfen Sie den Pfad oder verwenden Sie „Datei öffnen…“.</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Insert:</source>
        <translation>Einfügen:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Insert the cell of column “{name}”</source>
        <translation>Die Zelle der Spalte „{name}“ einfügen</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>Input text</source>
        <translation>Eingabetext</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Prompt (optional: guides spelling and names)</source>
        <translation>Prompt (optional: hilft bei Schreibweisen und Namen)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Prompt</source>
        <translation>Prompt</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Open an input file or folder first.</source>
        <translation>Öffnen Sie zuerst eine Eingabedatei oder einen Ordner.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>More parameters must be a JSON object, e.g. {&quot;top_p&quot;: 0.9}.</source>
        <translation>Weitere Parameter müssen ein JSON-Objekt sein, z. B. {&quot;top_p&quot;: 0.9}.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Choose an output folder.</source>
        <translation>Wählen Sie einen Ausgabeordner.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Put at least one column into the message, e.g. {{{column}}}: click a column name under the template.</source>
        <translation>Fügen Sie mindestens eine Spalte in die Nachricht ein, z. B. {{{column}}}: Klicken Sie auf einen Spaltennamen unter der Vorlage.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Open a file or an audio folder above (or drop one on the main window): its first rows appear here exactly as they will be sent.</source>
        <translation>Öffnen Sie oben eine Datei oder einen Audioordner (oder legen Sie sie im Hauptfenster ab): Die ersten Zeilen erscheinen hier genau so, wie sie gesendet werden.</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>{count} row renders to an empty prompt (row {rows}); it is sent as it is.</source>
        <translation>{count} Zeile ergibt einen leeren Prompt (Zeile {rows}); sie wird unverändert gesendet.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{count} rows render to an empty prompt (rows {rows}); they are sent as they are.</source>
        <translation>{count} Zeilen ergeben einen leeren Prompt (Zeilen {rows}); sie werden unverändert gesendet.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>This folder holds an earlier run of this input: rows already answered are not sent again.</source>
        <translation>Dieser Ordner enthält einen früheren Lauf dieser Eingabe: Bereits beantwortete Zeilen werden nicht erneut gesendet.</translation>
    </message>
</context>
<context>
    <name>BatchExportDialog</name>
    <message>
        <location filename="../../gui/ui/batch/export_dialog.py" line="+44"/>
        <source>Export — {name}</source>
        <translation>Export – {name}</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Choose…</source>
        <translation>Auswählen…</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Placeholders: {names}. Use / for subfolders; the extension is added.</source>
        <translation>Platzhalter: {names}. Mit / legen Sie Unterordner an; die Dateiendung wird ergänzt.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Export</source>
        <translation>Exportieren</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Format</source>
        <translation>Format</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Save to</source>
        <translation>Speichern in</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>File names</source>
        <translation>Dateinamen</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>File names may use {names}; / makes subfolders; the extension is added (.md, .txt, .srt, .json, .png). Rows without an answer get no file.</source>
        <translation>Dateinamen können {names} enthalten; mit / legen Sie Unterordner an; die Dateiendung wird ergänzt (.md, .txt, .srt, .json, .png). Zeilen ohne Antwort erhalten keine Datei.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The vectors go into a .npy matrix beside the table (row i of the matrix is row i of the table).</source>
        <translation>Die Vektoren werden in eine .npy-Matrix neben der Tabelle geschrieben (Zeile i der Matrix ist Zeile i der Tabelle).</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>1 of {total} rows has no answer yet; its status says why.</source>
        <translation>1 von {total} Zeilen hat noch keine Antwort; ihr Status nennt den Grund.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{missing} of {total} rows have no answer yet; their status says why.</source>
        <translation>{missing} von {total} Zeilen haben noch keine Antwort; ihr Status nennt den Grund.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Choose where to save.</source>
        <translation>Wählen Sie, wohin gespeichert werden soll.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Export to</source>
        <translation>Exportieren nach</translation>
    </message>
</context>
<context>
    <name>BatchListPanel</name>
    <message>
        <location filename="../../gui/ui/batch/run_list.py" line="+156"/>
        <source>No batches yet. Batch ▸ New batch… (Ctrl+B) turns a spreadsheet into jobs.</source>
        <translation>Noch keine Batches. Batch ▸ Neuer Batch… (Strg+B) macht aus einer Tabelle Jobs.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>New batch…</source>
        <translation>Neuer Batch…</translation>
    </message>
</context>
<context>
    <name>BatchRow</name>
    <message>
        <location line="-99"/>
        <source>{source}
Results: {folder}</source>
        <translation>{source}
Ergebnisse: {folder}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>OpenAI Batch JSONL</source>
        <translation>OpenAI-Batch-JSONL</translation>
    </message>
    <message>
        <location line="+5"/>
        <location line="+63"/>
        <source>Pause</source>
        <translation>Pausieren</translation>
    </message>
    <message>
        <location line="-62"/>
        <source>Hand no more rows of this batch to the queue; rows already handed over finish</source>
        <translation>Keine weiteren Zeilen dieses Batches an die Warteschlange übergeben; bereits übergebene Zeilen laufen zu Ende</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Stop this batch: rows not yet sent are not sent</source>
        <translation>Diesen Batch abbrechen: Noch nicht gesendete Zeilen werden nicht mehr gesendet</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Re-run failed</source>
        <translation>Fehlgeschlagene erneut senden</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Send again the rows that failed, were cancelled or interrupted, or never ran; answers merge into this batch by custom_id</source>
        <translation>Die Zeilen erneut senden, die fehlgeschlagen sind, abgebrochen oder unterbrochen wurden oder nie liefen; die Antworten werden über custom_id in diesen Batch übernommen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Export…</source>
        <translation>Exportieren…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Jobs</source>
        <translation>Jobs</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Show only this batch&apos;s jobs in the job table</source>
        <translation>Nur die Jobs dieses Batches in der Jobtabelle anzeigen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Folder</source>
        <translation>Ordner</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Fields…</source>
        <translation>Felder…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Charts of the answers per output field; click a bar to see its rows</source>
        <translation>Diagramme der Antworten je Ausgabefeld; ein Klick auf einen Balken zeigt seine Zeilen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Remove from this list (files and jobs stay)</source>
        <translation>Aus dieser Liste entfernen (Dateien und Jobs bleiben erhalten)</translation>
    </message>
    <message>
        <location line="+49"/>
        <source>Resume</source>
        <translation>Fortsetzen</translation>
    </message>
</context>
<context>
    <name>ChatTab</name>
    <message>
        <location filename="../../gui/ui/tabs/chat.py" line="+68"/>
        <source>Conversation</source>
        <translation>Unterhaltung</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>0 gives focused, repeatable answers; higher values more varied ones</source>
        <translation>0 ergibt fokussierte, wiederholbare Antworten; höhere Werte abwechslungsreichere</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Nucleus sampling: 1 considers every token (the default)</source>
        <translation>Nucleus-Sampling: 1 berücksichtigt jedes Token (Standard)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Ask for repeatable sampling with this seed (best effort; empty: none)</source>
        <translation>Wiederholbare Ergebnisse mit diesem Seed anfordern (ohne Garantie; leer: keiner)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Answer in JSON</source>
        <translation>Antwort als JSON</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sets response_format to json_object</source>
        <translation>Setzt response_format auf json_object</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Say in a message that the answer must be JSON: many servers refuse JSON mode otherwise.</source>
        <translation>Schreiben Sie in einer Nachricht, dass die Antwort JSON sein muss: Viele Server lehnen den JSON-Modus sonst ab.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Max tokens</source>
        <translation>Max. Tokens</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Temperature</source>
        <translation>Temperatur</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Top p</source>
        <translation>Top p</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Seed</source>
        <translation>Seed</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Stop</source>
        <translation>Stopp</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Output fields</source>
        <translation>Ausgabefelder</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Settings</source>
        <translation>Einstellungen</translation>
    </message>
</context>
<context>
    <name>ColumnMenu</name>
    <message>
        <location filename="../../gui/ui/jobs/column_chooser.py" line="+14"/>
        <source>&amp;Columns</source>
        <translation>&amp;Spalten</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Show &amp;All Columns</source>
        <translation>&amp;Alle Spalten anzeigen</translation>
    </message>
</context>
<context>
    <name>CompletionsTab</name>
    <message>
        <location filename="../../gui/ui/tabs/completions.py" line="+24"/>
        <source>The text the model continues. Ctrl+Enter submits.</source>
        <translation>Der Text, den das Modell fortsetzt. Strg+Enter sendet.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>0 gives focused, repeatable text; higher values more varied</source>
        <translation>0 ergibt fokussierten, wiederholbaren Text; höhere Werte abwechslungsreicheren</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>How many completions to make for the prompt (each one is charged)</source>
        <translation>Wie viele Vervollständigungen für den Prompt erzeugt werden (jede wird berechnet)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Echo the prompt</source>
        <translation>Prompt wiederholen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The answer starts with the prompt, then the completion</source>
        <translation>Die Antwort beginnt mit dem Prompt, dann folgt die Vervollständigung</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Max tokens</source>
        <translation>Max. Tokens</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Temperature</source>
        <translation>Temperatur</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Completions (n)</source>
        <translation>Anzahl (n)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Stop</source>
        <translation>Stopp</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Settings</source>
        <translation>Einstellungen</translation>
    </message>
</context>
<context>
    <name>ConversationEditor</name>
    <message>
        <location filename="../../gui/ui/tabs/conversation.py" line="+88"/>
        <source>Add message</source>
        <translation>Nachricht hinzufügen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Add a message (the next role in turn) at the end of the conversation</source>
        <translation>Eine Nachricht (mit der nächsten Rolle) am Ende der Unterhaltung hinzufügen</translation>
    </message>
</context>
<context>
    <name>DropArea</name>
    <message>
        <location filename="../../gui/ui/widgets/drop_area.py" line="+37"/>
        <source>Drop audio files (or a folder) here — one job per file
({kinds})</source>
        <translation>Audiodateien oder Ordner hier ablegen – ein Job pro Datei
({kinds})</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Choose audio files…</source>
        <translation>Audiodateien auswählen…</translation>
    </message>
</context>
<context>
    <name>EmbeddingsTab</name>
    <message>
        <location filename="../../gui/ui/tabs/embeddings.py" line="+34"/>
        <source>Inputs</source>
        <translation>Eingaben</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>One input per line; each line gets its own vector.</source>
        <translation>Eine Eingabe pro Zeile; jede Zeile erhält einen eigenen Vektor.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The first text to embed
The second text
…</source>
        <translation>Der erste Text für das Embedding
Der zweite Text
…</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Load text file…</source>
        <translation>Textdatei laden…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Replace the inputs with the lines of a text file</source>
        <translation>Die Eingaben durch die Zeilen einer Textdatei ersetzen</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>{n} input</source>
        <translation>{n} Eingabe</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>{n} inputs</source>
        <translation>{n} Eingaben</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Load inputs from a text file</source>
        <translation>Eingaben aus einer Textdatei laden</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Text files ({patterns})</source>
        <translation>Textdateien ({patterns})</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>All files ({patterns})</source>
        <translation>Alle Dateien ({patterns})</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>{name} is larger than {size} MiB; split it into smaller files.</source>
        <translation>{name} ist größer als {size} MiB; teilen Sie die Datei in kleinere Dateien auf.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>{name} is not a text file. Choose a plain text file, one input per line.</source>
        <translation>{name} ist keine Textdatei. Wählen Sie eine reine Textdatei mit einer Eingabe pro Zeile.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>{name} cannot be read ({reason}).</source>
        <translation>{name} kann nicht gelesen werden ({reason}).</translation>
    </message>
</context>
<context>
    <name>EmbeddingsView</name>
    <message>
        <location filename="../../gui/ui/preview/embeddings.py" line="+54"/>
        <source>Input</source>
        <translation>Eingabe</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Norm</source>
        <translation>Norm</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>First {count} values</source>
        <translation>Erste {count} Werte</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Text</source>
        <translation>Text</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Cosine similarity of the inputs</source>
        <translation>Kosinusähnlichkeit der Eingaben</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Save {format}…</source>
        <translation>{format} speichern…</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>Reading the vectors…</source>
        <translation>Die Vektoren werden gelesen…</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>The vectors could not be read: {reason}</source>
        <translation>Die Vektoren konnten nicht gelesen werden: {reason}</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&lt;b&gt;{count}&lt;/b&gt; vector · &lt;b&gt;{dimension}&lt;/b&gt; dimensions</source>
        <translation>&lt;b&gt;{count}&lt;/b&gt; Vektor · &lt;b&gt;{dimension}&lt;/b&gt; Dimensionen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&lt;b&gt;{count}&lt;/b&gt; vectors · &lt;b&gt;{dimension}&lt;/b&gt; dimensions</source>
        <translation>&lt;b&gt;{count}&lt;/b&gt; Vektoren · &lt;b&gt;{dimension}&lt;/b&gt; Dimensionen</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>First {shown} of {count} inputs.</source>
        <translation>Die ersten {shown} von {count} Eingaben.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Hover over a square to see the pair.</source>
        <translation>Zeigen Sie mit der Maus auf ein Feld, um das Paar zu sehen.</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Save the vectors as {format}</source>
        <translation>Vektoren als {format} speichern</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>CSV, one row per input ({pattern})</source>
        <translation>CSV, eine Zeile pro Eingabe ({pattern})</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>NumPy array ({pattern})</source>
        <translation>NumPy-Array ({pattern})</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>There are no vectors to save yet.</source>
        <translation>Es gibt noch keine Vektoren zum Speichern.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Choose .json, .csv or .npy (not .{suffix}).</source>
        <translation>Wählen Sie .json, .csv oder .npy (nicht .{suffix}).</translation>
    </message>
</context>
<context>
    <name>EmptyTableHint</name>
    <message>
        <location filename="../../gui/ui/jobs/empty_state.py" line="+38"/>
        <source>No job matches “{text}”. &lt;a href=&apos;clear&apos;&gt;Clear the filter&lt;/a&gt;</source>
        <translation>Kein Job passt zu „{text}“. &lt;a href=&apos;clear&apos;&gt;Filter leeren&lt;/a&gt;</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>No jobs yet. Pick a task on the left and submit it, or drop audio, images or a spreadsheet (CSV, XLSX, JSONL) anywhere on the window.</source>
        <translation>Noch keine Jobs. Wählen Sie links eine Aufgabe und senden Sie sie ab, oder legen Sie Audio, Bilder oder eine Tabelle (CSV, XLSX, JSONL) irgendwo im Fenster ab.</translation>
    </message>
</context>
<context>
    <name>EndpointTab</name>
    <message>
        <location filename="../../gui/ui/tabs/base.py" line="+106"/>
        <source>Model</source>
        <translation>Modell</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Prompt</source>
        <translation>Prompt</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>Send to the queue (Ctrl+Enter)</source>
        <translation>An die Warteschlange senden (Strg+Enter)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{submit} {tab}</source>
        <translation>{submit} ({tab})</translation>
    </message>
</context>
<context>
    <name>FieldChart</name>
    <message>
        <location filename="../../gui/ui/batch/field_summary.py" line="+46"/>
        <source>Click a bar to show its rows</source>
        <translation>Klicken Sie auf einen Balken, um seine Zeilen zu zeigen</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>({count} without a fitting answer)</source>
        <translation>({count} ohne passende Antwort)</translation>
    </message>
</context>
<context>
    <name>FieldSummaryDialog</name>
    <message>
        <location line="+37"/>
        <source>Fields of {name}</source>
        <translation>Felder von {name}</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Reading the answers…</source>
        <translation>Die Antworten werden gelesen…</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Show all rows</source>
        <translation>Alle Zeilen zeigen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Save charts as PNG…</source>
        <translation>Diagramme als PNG speichern…</translation>
    </message>
    <message>
        <location line="+59"/>
        <source>All {count} rows</source>
        <translation>Alle {count} Zeilen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>1 row with “{value}”</source>
        <translation>1 Zeile mit „{value}“</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{count} rows with “{value}”</source>
        <translation>{count} Zeilen mit „{value}“</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Save charts as PNG</source>
        <translation>Diagramme als PNG speichern</translation>
    </message>
</context>
<context>
    <name>FieldsEditor</name>
    <message>
        <location filename="../../gui/ui/widgets/fields_editor.py" line="+45"/>
        <source>No fields: one free-text answer per row.
One field a line, e.g.
sentiment: positive|negative|neutral
score: integer: 1 to 5</source>
        <translation>Keine Felder: eine Freitext-Antwort je Zeile.
Ein Feld je Zeile, z. B.
sentiment: positive|negative|neutral
score: integer: 1 to 5</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>NAME: TYPE[: DESCRIPTION] — TYPE is text, number, integer, boolean, list, or choices separated by |. Each field becomes a column of the export.</source>
        <translation>NAME: TYP[: BESCHREIBUNG] — TYP ist text, number, integer, boolean, list oder Auswahlwerte, getrennt durch |. Jedes Feld wird eine Spalte des Exports.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Saved field sets</source>
        <translation>Gespeicherte Feldsätze</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Save set…</source>
        <translation>Satz speichern…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>JSON Schema…</source>
        <translation>JSON-Schema…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Load the fields from a JSON Schema file</source>
        <translation>Die Felder aus einer JSON-Schema-Datei laden</translation>
    </message>
    <message>
        <location line="+44"/>
        <source>Load fields from a JSON Schema</source>
        <translation>Felder aus einem JSON-Schema laden</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>JSON Schema (*.json)</source>
        <translation>JSON-Schema (*.json)</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>Save field set</source>
        <translation>Feldsatz speichern</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Name of the set:</source>
        <translation>Name des Satzes:</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Use a saved set…</source>
        <translation>Gespeicherten Satz verwenden…</translation>
    </message>
</context>
<context>
    <name>HeatMap</name>
    <message>
        <location filename="../../gui/ui/widgets/heat_map.py" line="+69"/>
        <source>No similarities to show</source>
        <translation>Keine Ähnlichkeiten zum Anzeigen</translation>
    </message>
    <message>
        <location line="+46"/>
        <source>{first}
{second}
cosine similarity {value}</source>
        <translation>{first}
{second}
Kosinusähnlichkeit {value}</translation>
    </message>
</context>
<context>
    <name>ImageEditTab</name>
    <message>
        <location filename="../../gui/ui/tabs/image_edit.py" line="+75"/>
        <source>Images to edit</source>
        <translation>Zu bearbeitende Bilder</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Add images…</source>
        <translation>Bilder hinzufügen…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Remove selected</source>
        <translation>Ausgewählte entfernen</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Mask (optional)</source>
        <translation>Maske (optional)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A PNG of the same size; its transparent areas are what gets edited.</source>
        <translation>Ein PNG in derselben Größe; bearbeitet werden seine transparenten Bereiche.</translation>
    </message>
    <message>
        <location line="+5"/>
        <location line="+4"/>
        <location line="+92"/>
        <location line="+6"/>
        <source>No mask</source>
        <translation>Keine Maske</translation>
    </message>
    <message>
        <location line="-100"/>
        <source>Choose mask…</source>
        <translation>Maske auswählen…</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Describe the change. Ctrl+Enter submits.</source>
        <translation>Beschreiben Sie die Änderung. Strg+Enter sendet.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>auto keeps the image&apos;s own size</source>
        <translation>auto behält die Größe des Bildes bei</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Images (n)</source>
        <translation>Bilder (n)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Size</source>
        <translation>Größe</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Quality</source>
        <translation>Qualität</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Settings</source>
        <translation>Einstellungen</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>At most {count} images can be edited together.</source>
        <translation>Es können höchstens {count} Bilder zusammen bearbeitet werden.</translation>
    </message>
    <message>
        <location line="+72"/>
        <source>The mask is {mask_width}×{mask_height} pixels but the image is {image_width}×{image_height}: they must be the same size.</source>
        <translation>Die Maske hat {mask_width}×{mask_height} Pixel, das Bild aber {image_width}×{image_height}: Beide müssen gleich groß sein.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Choose the mask (PNG)</source>
        <translation>Maske auswählen (PNG)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Choose images to edit</source>
        <translation>Zu bearbeitende Bilder auswählen</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Images ({patterns})</source>
        <translation>Bilder ({patterns})</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>All files ({patterns})</source>
        <translation>Alle Dateien ({patterns})</translation>
    </message>
</context>
<context>
    <name>ImageGallery</name>
    <message>
        <location filename="../../gui/ui/preview/images.py" line="+65"/>
        <source>Fit</source>
        <translation>Einpassen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Fit the image to the window</source>
        <translation>Das Bild in das Fenster einpassen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Zoom out</source>
        <translation>Verkleinern</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Zoom in</source>
        <translation>Vergrößern</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Actual pixels</source>
        <translation>Originalgröße (1:1)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Save image…</source>
        <translation>Bild speichern…</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>Image {number} was not downloaded: {reason}</source>
        <translation>Bild {number} wurde nicht heruntergeladen: {reason}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>This answer holds no images.</source>
        <translation>Diese Antwort enthält keine Bilder.</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>{name}
(not shown)</source>
        <translation>{name}
(nicht angezeigt)</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Revised prompt: {prompt}</source>
        <translation>Überarbeiteter Prompt: {prompt}</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Loading…</source>
        <translation>Wird geladen…</translation>
    </message>
    <message>
        <location line="+35"/>
        <source>Save the image as</source>
        <translation>Bild speichern unter</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>The image file could not be read: {reason}</source>
        <translation>Die Bilddatei konnte nicht gelesen werden: {reason}</translation>
    </message>
</context>
<context>
    <name>ImageGenerationTab</name>
    <message>
        <location filename="../../gui/ui/tabs/image.py" line="+52"/>
        <source>Describe the image. Ctrl+Enter submits.</source>
        <translation>Beschreiben Sie das Bild. Strg+Enter sendet.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>auto, or WIDTHxHEIGHT the model supports</source>
        <translation>auto oder BREITExHÖHE, die das Modell unterstützt</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>transparent needs png or webp output</source>
        <translation>transparent erfordert die Ausgabe als png oder webp</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Images (n)</source>
        <translation>Bilder (n)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Size</source>
        <translation>Größe</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Quality</source>
        <translation>Qualität</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Background</source>
        <translation>Hintergrund</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Output format</source>
        <translation>Ausgabeformat</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Settings</source>
        <translation>Einstellungen</translation>
    </message>
</context>
<context>
    <name>ImageList</name>
    <message>
        <location filename="../../gui/ui/tabs/image_edit.py" line="-167"/>
        <source>Drop images here (PNG, JPEG, WebP) or use Add images…</source>
        <translation>Bilder hier ablegen (PNG, JPEG, WebP) oder „Bilder hinzufügen…“ verwenden</translation>
    </message>
</context>
<context>
    <name>JobActions</name>
    <message>
        <location filename="../../gui/ui/jobs/actions.py" line="+39"/>
        <source>Copy as curl</source>
        <translation>Als curl kopieren</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Copy the request as a curl command (the key appears as $OPENAI_API_KEY)</source>
        <translation>Die Anfrage als curl-Befehl kopieren (der Schlüssel erscheint als $OPENAI_API_KEY)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Duplicate into form</source>
        <translation>Ins Formular übernehmen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Put this request back into its tab to edit and send again</source>
        <translation>Diese Anfrage zurück in ihren Tab übernehmen, um sie zu ändern und erneut zu senden</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Open result folder</source>
        <translation>Ergebnisordner öffnen</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Show the job&apos;s result files</source>
        <translation>Die Ergebnisdateien des Jobs anzeigen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Details…</source>
        <translation>Details…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The exact request, timings, HTTP status, usage and raw response</source>
        <translation>Die genaue Anfrage, Zeiten, HTTP-Status, Verbrauch und Rohdaten der Antwort</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>Copied the request as a curl command (set OPENAI_API_KEY before running it).</source>
        <translation>Die Anfrage wurde als curl-Befehl kopiert (setzen Sie OPENAI_API_KEY, bevor Sie ihn ausführen).</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>The request is in the {tab} tab: change it and submit.</source>
        <translation>Die Anfrage steht im Tab „{tab}“: Ändern Sie sie und senden Sie sie ab.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>This job has no result folder yet.</source>
        <translation>Dieser Job hat noch keinen Ergebnisordner.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Could not open a file manager; the results are in {folder}</source>
        <translation>Es ließ sich kein Dateimanager öffnen; die Ergebnisse liegen in {folder}</translation>
    </message>
</context>
<context>
    <name>JobCounts</name>
    <message>
        <location filename="../../gui/ui/window/job_counts.py" line="+49"/>
        <source>Running {count}</source>
        <translation>Laufend {count}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Queued {count}</source>
        <translation>Wartend {count}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Done {count}</source>
        <translation>Fertig {count}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Failed {count}</source>
        <translation>Fehlgeschlagen {count}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Cancelled {count}</source>
        <translation>Abgebrochen {count}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Interrupted {count}</source>
        <translation>Unterbrochen {count}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Done, failed, cancelled and interrupted count every job in the history</source>
        <translation>Fertig, fehlgeschlagen, abgebrochen und unterbrochen zählen alle Jobs im Verlauf</translation>
    </message>
</context>
<context>
    <name>JobDetailsDialog</name>
    <message>
        <location filename="../../gui/ui/jobs/details.py" line="+109"/>
        <source>Job {id} — {endpoint}</source>
        <translation>Job {id} – {endpoint}</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Request</source>
        <translation>Anfrage</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Time</source>
        <translation>Zeit</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>State</source>
        <translation>Status</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Attempt</source>
        <translation>Versuch</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Detail</source>
        <translation>Detail</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Timings</source>
        <translation>Zeiten</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>HTTP status: &lt;b&gt;{status}&lt;/b&gt;&lt;br&gt;Error: {error}</source>
        <translation>HTTP-Status: &lt;b&gt;{status}&lt;/b&gt;&lt;br&gt;Fehler: {error}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>HTTP status: &lt;b&gt;{status}&lt;/b&gt;</source>
        <translation>HTTP-Status: &lt;b&gt;{status}&lt;/b&gt;</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Usage:
{usage}</source>
        <translation>Verbrauch:
{usage}</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Raw response:</source>
        <translation>Rohdaten der Antwort:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Response</source>
        <translation>Antwort</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Copy as curl</source>
        <translation>Als curl kopieren</translation>
    </message>
</context>
<context>
    <name>JobHeader</name>
    <message>
        <location filename="../../gui/ui/preview/job_header.py" line="+56"/>
        <source>no model</source>
        <translation>kein Modell</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>State</source>
        <translation>Status</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Job</source>
        <translation>Job</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Created</source>
        <translation>Erstellt</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>{duration} · {count} attempts</source>
        <translation>{duration} · {count} Versuche</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Elapsed</source>
        <translation>Dauer</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{seconds} s of audio</source>
        <translation>{seconds} s Audio</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Usage</source>
        <translation>Verbrauch</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Tokens</source>
        <translation>Tokens</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Server: {message}</source>
        <translation>Server: {message}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Error</source>
        <translation>Fehler</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Last error</source>
        <translation>Letzter Fehler</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Timeline</source>
        <translation>Ablauf</translation>
    </message>
</context>
<context>
    <name>JobTablePanel</name>
    <message>
        <location filename="../../gui/ui/jobs/table_view.py" line="+109"/>
        <source>Filter jobs (state, model, prompt, error…)</source>
        <translation>Jobs filtern (Status, Modell, Prompt, Fehler…)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Filter jobs</source>
        <translation>Jobs filtern</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Jobs</source>
        <translation>Jobs</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Cancel the selected jobs that are still running</source>
        <translation>Die ausgewählten Jobs abbrechen, die noch laufen</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Resubmit</source>
        <translation>Erneut senden</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Send the selected finished jobs again</source>
        <translation>Die ausgewählten fertigen Jobs erneut senden</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Delete from History…</source>
        <translation>Aus dem Verlauf löschen…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Remove the selected finished jobs and their results</source>
        <translation>Die ausgewählten fertigen Jobs und ihre Ergebnisse entfernen</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Show the jobs of one batch</source>
        <translation>Die Jobs eines Batches anzeigen</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+72"/>
        <source>All jobs</source>
        <translation>Alle Jobs</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Batch: {name}</source>
        <translation>Batch: {name}</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>Delete 1 finished job from the history?</source>
        <translation>1 fertigen Job aus dem Verlauf löschen?</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Delete {count} finished jobs from the history?</source>
        <translation>{count} fertige Jobs aus dem Verlauf löschen?</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Delete from history?</source>
        <translation>Aus dem Verlauf löschen?</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Their saved results are deleted too. This cannot be undone.</source>
        <translation>Die gespeicherten Ergebnisse werden ebenfalls gelöscht. Das lässt sich nicht rückgängig machen.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Delete</source>
        <translation>Löschen</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../gui/ui/window/main_window.py" line="+115"/>
        <source>Profile: {profile} ({url})</source>
        <translation>Profil: {profile} ({url})</translation>
    </message>
    <message>
        <location line="+151"/>
        <source>Language</source>
        <translation>Sprache</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Queue Desk will speak the chosen language the next time it starts.</source>
        <translation>Queue Desk verwendet die gewählte Sprache ab dem nächsten Start.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Select a finished job with a result to save it.</source>
        <translation>Wählen Sie einen fertigen Job mit Ergebnis aus, um es zu speichern.</translation>
    </message>
    <message>
        <location line="+36"/>
        <source>{profile} is already the active profile.</source>
        <translation>{profile} ist bereits das aktive Profil.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>1 job is still running or waiting on {profile}. Let it finish or cancel it, then switch to {target}.</source>
        <translation>1 Job im Profil {profile} läuft noch oder wartet. Lassen Sie ihn fertig werden oder brechen Sie ihn ab und wechseln Sie dann zu {target}.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{count} jobs are still running or waiting on {profile}. Let them finish or cancel them, then switch to {target}.</source>
        <translation>{count} Jobs im Profil {profile} laufen noch oder warten. Lassen Sie sie fertig werden oder brechen Sie sie ab und wechseln Sie dann zu {target}.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Jobs are still running</source>
        <translation>Es laufen noch Jobs</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Submitted job {id} ({kind})</source>
        <translation>Job {id} gesendet ({kind})</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Submitted {count} jobs ({kind})</source>
        <translation>{count} Jobs gesendet ({kind})</translation>
    </message>
    <message>
        <location line="+47"/>
        <source>1 job is still running.</source>
        <translation>1 Job läuft noch.</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>{count} jobs are still running.</source>
        <translation>{count} Jobs laufen noch.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Quit Queue Desk?</source>
        <translation>Queue Desk beenden?</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>If you quit now they are marked interrupted; you can resubmit them later.</source>
        <translation>Wenn Sie jetzt beenden, werden sie als unterbrochen markiert; Sie können sie später erneut senden.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Quit anyway</source>
        <translation>Trotzdem beenden</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Keep running</source>
        <translation>Weiterlaufen lassen</translation>
    </message>
</context>
<context>
    <name>MessageRow</name>
    <message>
        <location filename="../../gui/ui/tabs/conversation.py" line="-46"/>
        <source>Who says this message</source>
        <translation>Von wem diese Nachricht stammt</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Move this message up</source>
        <translation>Diese Nachricht nach oben verschieben</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Move this message down</source>
        <translation>Diese Nachricht nach unten verschieben</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Remove this message</source>
        <translation>Diese Nachricht entfernen</translation>
    </message>
</context>
<context>
    <name>ModelCatalog</name>
    <message>
        <location filename="../../gui/ui/widgets/model_picker.py" line="+53"/>
        <source>Could not load the model list: {message}</source>
        <translation>Die Modellliste konnte nicht geladen werden: {message}</translation>
    </message>
</context>
<context>
    <name>ModelPicker</name>
    <message>
        <location line="+20"/>
        <source>Model id</source>
        <translation>Modell-ID</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Model</source>
        <translation>Modell</translation>
    </message>
    <message>
        <location line="+4"/>
        <location line="+4"/>
        <source>Refresh</source>
        <translation>Aktualisieren</translation>
    </message>
    <message>
        <location line="-3"/>
        <source>Fetch the model list from the server again</source>
        <translation>Die Modellliste erneut vom Server abrufen</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>Loading models…</source>
        <translation>Modelle werden geladen…</translation>
    </message>
</context>
<context>
    <name>ModelsTab</name>
    <message>
        <location filename="../../gui/ui/tabs/models.py" line="+29"/>
        <source>Refresh</source>
        <translation>Aktualisieren</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Fetch the model list from the server again</source>
        <translation>Die Modellliste erneut vom Server abrufen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Save as job</source>
        <translation>Als Job speichern</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Send GET /models through the queue and keep the answer in the job history</source>
        <translation>GET /models über die Warteschlange senden und die Antwort im Jobverlauf behalten</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Loading models…</source>
        <translation>Modelle werden geladen…</translation>
    </message>
</context>
<context>
    <name>ModelsTableModel</name>
    <message>
        <location filename="../../gui/ui/widgets/models_table.py" line="+89"/>
        <source>Model id</source>
        <translation>Modell-ID</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Type</source>
        <translation>Typ</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Name</source>
        <translation>Name</translation>
    </message>
</context>
<context>
    <name>ModelsView</name>
    <message>
        <location line="+70"/>
        <source>Show only models of this meta_data.model_type</source>
        <translation>Nur Modelle mit diesem meta_data.model_type anzeigen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Filter models…</source>
        <translation>Modelle filtern…</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Type</source>
        <translation>Typ</translation>
    </message>
    <message>
        <location line="+35"/>
        <source>{shown} of {total}</source>
        <translation>{shown} von {total}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>1 model</source>
        <translation>1 Modell</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{total} models</source>
        <translation>{total} Modelle</translation>
    </message>
</context>
<context>
    <name>PreviewPanel</name>
    <message>
        <location filename="../../gui/ui/preview/panel.py" line="+70"/>
        <source>Job details and result</source>
        <translation>Jobdetails und Ergebnis</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Save as…</source>
        <translation>Speichern unter…</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Show or hide the job&apos;s state, times and timeline</source>
        <translation>Status, Zeiten und Ablauf des Jobs ein- oder ausblenden</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>Hide job header</source>
        <translation>Jobkopf ausblenden</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Show job header</source>
        <translation>Jobkopf einblenden</translation>
    </message>
    <message>
        <location line="+70"/>
        <source>Select a job to see its details and result.</source>
        <translation>Wählen Sie einen Job aus, um seine Details und sein Ergebnis zu sehen.</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>This job failed, so it has no result; the reason is above. Resubmit sends it again.</source>
        <translation>Dieser Job ist fehlgeschlagen und hat daher kein Ergebnis; der Grund steht oben. „Erneut senden“ schickt ihn noch einmal.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>This job was cancelled, so it has no result. Resubmit sends it again.</source>
        <translation>Dieser Job wurde abgebrochen und hat daher kein Ergebnis. „Erneut senden“ schickt ihn noch einmal.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>This job stopped when the app closed, before its answer came, so it has no result. Resubmit sends it again.</source>
        <translation>Dieser Job wurde beim Schließen der App unterbrochen, bevor seine Antwort kam, und hat daher kein Ergebnis. „Erneut senden“ schickt ihn noch einmal.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The result appears here when the job has succeeded.</source>
        <translation>Das Ergebnis erscheint hier, sobald der Job erfolgreich abgeschlossen ist.</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>The result is {size} MB, too big to show here. Use Save as… to keep it.</source>
        <translation>Das Ergebnis ist {size} MB groß und damit zu groß für die Anzeige. Sichern Sie es mit „Speichern unter…“.</translation>
    </message>
    <message>
        <location line="+6"/>
        <location line="+70"/>
        <source>The result file could not be read: {reason}</source>
        <translation>Die Ergebnisdatei konnte nicht gelesen werden: {reason}</translation>
    </message>
    <message>
        <location line="-20"/>
        <source>Text ({pattern})</source>
        <translation>Text ({pattern})</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Raw response, JSON ({pattern})</source>
        <translation>Rohdaten der Antwort, JSON ({pattern})</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Save result as</source>
        <translation>Ergebnis speichern unter</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>There is no result to save yet.</source>
        <translation>Es gibt noch kein Ergebnis zum Speichern.</translation>
    </message>
</context>
<context>
    <name>ProfilesDialog</name>
    <message>
        <location filename="../../gui/ui/window/profiles_dialog.py" line="+51"/>
        <location line="+7"/>
        <source>Profiles</source>
        <translation>Profile</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Add</source>
        <translation>&amp;Hinzufügen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Delete</source>
        <translation>&amp;Löschen</translation>
    </message>
    <message>
        <location line="+14"/>
        <location line="+2"/>
        <location line="+2"/>
        <location line="+2"/>
        <source>As in queue settings</source>
        <translation>Wie in den Einstellungen der Warteschlange</translation>
    </message>
    <message>
        <location line="-5"/>
        <source> min</source>
        <translation> min</translation>
    </message>
    <message>
        <location line="+2"/>
        <source> MiB</source>
        <translation> MiB</translation>
    </message>
    <message>
        <location line="+2"/>
        <source> h</source>
        <translation> h</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Allow unencrypted http:// to other computers</source>
        <translation>Unverschlüsseltes http:// zu anderen Computern erlauben</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Only the system&apos;s certificates</source>
        <translation>Nur die Zertifikate des Systems</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Browse…</source>
        <translation>Durchsuchen…</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>API key</source>
        <translation>API-Schlüssel</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Paste the API key</source>
        <translation>API-Schlüssel einfügen</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+202"/>
        <source>Show</source>
        <translation>Anzeigen</translation>
    </message>
    <message>
        <location line="-201"/>
        <source>Show the API key</source>
        <translation>API-Schlüssel anzeigen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Forget key</source>
        <translation>Schlüssel entfernen</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>&amp;Name</source>
        <translation>&amp;Name</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Base URL</source>
        <translation>&amp;Basis-URL</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Paths</source>
        <translation>&amp;Pfade</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Jobs at once</source>
        <translation>&amp;Jobs gleichzeitig</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Wait for an answer</source>
        <translation>&amp;Wartezeit auf Antwort</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Lar&amp;gest answer</source>
        <translation>&amp;Größte Antwort</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>L&amp;ongest wait for a job</source>
        <translation>Längste Wartezeit für einen J&amp;ob</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;CA bundle</source>
        <translation>&amp;CA-Bundle</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>API &amp;key</source>
        <translation>&amp;API-Schlüssel</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&amp;Save</source>
        <translation>&amp;Speichern</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Test connection</source>
        <translation>Verbindung &amp;testen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Use this profile</source>
        <translation>Dieses Profil &amp;verwenden</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>{name} (built in, active)</source>
        <translation>{name} (eingebaut, aktiv)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{name} (built in)</source>
        <translation>{name} (eingebaut)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{name} (active)</source>
        <translation>{name} (aktiv)</translation>
    </message>
    <message>
        <location line="+41"/>
        <source>No key stored yet.</source>
        <translation>Noch kein Schlüssel gespeichert.</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>The sandbox accepts any key.</source>
        <translation>Die Sandbox akzeptiert jeden Schlüssel.</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>The key is stored in the system keyring when you save.</source>
        <translation>Der Schlüssel wird beim Speichern im Schlüsselbund des Betriebssystems abgelegt.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A new profile: fill in a name and the base URL, then Save.</source>
        <translation>Ein neues Profil: Geben Sie einen Namen und die Basis-URL ein und klicken Sie dann auf „Speichern“.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>The active profile cannot be deleted; switch to another one first.</source>
        <translation>Das aktive Profil kann nicht gelöscht werden; wechseln Sie zuerst zu einem anderen.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Deleted the profile {name} and its key.</source>
        <translation>Das Profil {name} und sein Schlüssel wurden gelöscht.</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>Saved the profile {name}.</source>
        <translation>Das Profil {name} wurde gespeichert.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The key is in the system keyring.</source>
        <translation>Der Schlüssel liegt im Schlüsselbund des Betriebssystems.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Forgot the key of {name}.</source>
        <translation>Der Schlüssel von {name} wurde entfernt.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Hide</source>
        <translation>Ausblenden</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Certificates ({patterns})</source>
        <translation>Zertifikate ({patterns})</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>All files (*)</source>
        <translation>Alle Dateien (*)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>CA bundle (PEM)</source>
        <translation>CA-Bundle (PEM)</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Enter the API key first (or set OPENAI_API_KEY).</source>
        <translation>Geben Sie zuerst den API-Schlüssel ein (oder setzen Sie OPENAI_API_KEY).</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Connecting to {url} …</source>
        <translation>Verbindung zu {url} wird hergestellt …</translation>
    </message>
</context>
<context>
    <name>QueueControls</name>
    <message>
        <location filename="../../gui/ui/window/queue_controls.py" line="+30"/>
        <source>&amp;Pause queue</source>
        <translation>Warteschlange &amp;pausieren</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Start no new jobs; running jobs go on</source>
        <translation>Keine neuen Jobs starten; laufende Jobs laufen weiter</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Finish running jobs, then stop</source>
        <translation>Laufende Jobs &amp;fertigstellen, dann anhalten</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Let running jobs finish and start no new ones</source>
        <translation>Laufende Jobs zu Ende laufen lassen und keine neuen starten</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Resubmit all &amp;interrupted</source>
        <translation>Alle &amp;unterbrochenen Jobs erneut senden</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Send again every job the app was stopped during</source>
        <translation>Alle Jobs erneut senden, die beim Beenden der App unterbrochen wurden</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Queue &amp;settings…</source>
        <translation>&amp;Einstellungen der Warteschlange…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Jobs at once, requests per minute, attempts, timeouts</source>
        <translation>Jobs gleichzeitig, Anfragen pro Minute, Versuche, Zeitüberschreitungen</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Finishing the running jobs; no new job will start.</source>
        <translation>Die laufenden Jobs werden fertiggestellt; kein neuer Job wird gestartet.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Resubmitted {count} interrupted job.</source>
        <translation>{count} unterbrochener Job wurde erneut gesendet.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Resubmitted {count} interrupted jobs.</source>
        <translation>{count} unterbrochene Jobs wurden erneut gesendet.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>No interrupted jobs to resubmit.</source>
        <translation>Keine unterbrochenen Jobs zum erneuten Senden.</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Stopping: waiting for {count} running job</source>
        <translation>Anhalten: Warten auf {count} laufenden Job</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Stopping: waiting for {count} running jobs</source>
        <translation>Anhalten: Warten auf {count} laufende Jobs</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Stopped after the running jobs finished</source>
        <translation>Angehalten, nachdem die laufenden Jobs fertig waren</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Checking {count} job again in {duration}, as the server asked</source>
        <translation>{count} Job wird in {duration} erneut abgefragt, wie vom Server erbeten</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Checking {count} jobs again within {duration}, as the server asked</source>
        <translation>{count} Jobs werden innerhalb von {duration} erneut abgefragt, wie vom Server erbeten</translation>
    </message>
</context>
<context>
    <name>QueueSettingsDialog</name>
    <message>
        <location filename="../../gui/ui/window/queue_settings.py" line="+24"/>
        <source>Queue settings</source>
        <translation>Einstellungen der Warteschlange</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>No limit</source>
        <translation>Kein Limit</translation>
    </message>
    <message>
        <location line="+2"/>
        <source> min</source>
        <translation> min</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+1"/>
        <source> MiB</source>
        <translation> MiB</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A bigger answer fails at once and is not sent again</source>
        <translation>Eine größere Antwort schlägt sofort fehl und wird nicht erneut gesendet</translation>
    </message>
    <message>
        <location line="+1"/>
        <source> s</source>
        <translation> s</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The longest pause a server may ask for (Retry-After) before a retry</source>
        <translation>Die längste Pause, die ein Server vor einem erneuten Versuch verlangen darf (Retry-After)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source> h</source>
        <translation> h</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A job the server accepted but has not finished by then fails</source>
        <translation>Ein Job, den der Server angenommen, aber bis dahin nicht abgeschlossen hat, schlägt fehl</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Jobs at once</source>
        <translation>Jobs gleichzeitig</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Requests per minute</source>
        <translation>Anfragen pro Minute</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Attempts per job</source>
        <translation>Versuche pro Job</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Wait for an answer</source>
        <translation>Wartezeit auf Antwort</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Largest upload</source>
        <translation>Max. Dateigröße zum Hochladen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Largest answer</source>
        <translation>Größte Antwort</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Longest server pause</source>
        <translation>Längste Serverpause</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Longest wait for a job</source>
        <translation>Längste Wartezeit für einen Job</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The server holds each request open until the job is done, so the wait for an answer is long. It and the answer and wait limits apply from the next start.</source>
        <translation>Der Server hält jede Anfrage offen, bis der Job erledigt ist; daher ist die Wartezeit auf eine Antwort lang. Sie und die Grenzen für Antworten und Wartezeiten gelten ab dem nächsten Start.</translation>
    </message>
</context>
<context>
    <name>Recording</name>
    <message>
        <location filename="../../gui/core/formats/audio.py" line="+51"/>
        <source>{name} could not be read as a recording ({reason}). Check that it is an audio or video file and that it plays.</source>
        <translation>{name} konnte nicht als Aufnahme gelesen werden ({reason}). Prüfen Sie, ob es eine Audio- oder Videodatei ist und ob sie sich abspielen lässt.</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>{name} has no sound track. Choose a recording with audio.</source>
        <translation>{name} hat keine Tonspur. Wählen Sie eine Aufnahme mit Ton.</translation>
    </message>
    <message>
        <location line="+47"/>
        <source>The upload limit is too small to send any recording in pieces. Raise it in Queue settings.</source>
        <translation>Die Upload-Grenze ist zu klein, um eine Aufnahme in Teilen zu senden. Erhöhen Sie sie in den Einstellungen der Warteschlange.</translation>
    </message>
    <message>
        <location line="+112"/>
        <source>{name} could not be cut into pieces under the upload limit. Raise the limit in Queue settings.</source>
        <translation>{name} ließ sich nicht in Teile unter der Upload-Grenze schneiden. Erhöhen Sie die Grenze in den Einstellungen der Warteschlange.</translation>
    </message>
</context>
<context>
    <name>RequestForm</name>
    <message>
        <location filename="../../gui/ui/batch/request_form.py" line="+43"/>
        <source>Request</source>
        <translation>Anfrage</translation>
    </message>
    <message>
        <location line="+7"/>
        <location line="+2"/>
        <source>Server default</source>
        <translation>Server-Standard</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The column that holds each row&apos;s audio file</source>
        <translation>Die Spalte mit der Audiodatei jeder Zeile</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Further request body fields as a JSON object</source>
        <translation>Weitere Felder der Anfrage als JSON-Objekt</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Temperature</source>
        <translation>Temperatur</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Endpoint</source>
        <translation>Endpunkt</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Model</source>
        <translation>Modell</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Max tokens</source>
        <translation>Max. Tokens</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Audio column</source>
        <translation>Audiospalte</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>More parameters</source>
        <translation>Weitere Parameter</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Output fields</source>
        <translation>Ausgabefelder</translation>
    </message>
</context>
<context>
    <name>SaveSettingsBox</name>
    <message>
        <location filename="../../gui/ui/preview/transcript_settings.py" line="+37"/>
        <source>Saving transcripts</source>
        <translation>Transkripte speichern</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Next to the audio file</source>
        <translation>Neben der Audiodatei</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>In a folder:</source>
        <translation>In einem Ordner:</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Choose a folder</source>
        <translation>Ordner auswählen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Choose…</source>
        <translation>Auswählen…</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Placeholders: {names}. Subfolders are allowed; leaving the folder is not.</source>
        <translation>Platzhalter: {names}. Unterordner sind erlaubt, das Verlassen des Ordners nicht.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Save transcripts automatically</source>
        <translation>Transkripte automatisch speichern</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Each finished transcript is saved as set here</source>
        <translation>Jedes fertige Transkript wird wie hier eingestellt gespeichert</translation>
    </message>
    <message>
        <location line="+4"/>
        <source> MiB</source>
        <translation> MiB</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Files larger than this are refused before upload (OpenAI documents 25 MiB)</source>
        <translation>Größere Dateien werden vor dem Hochladen abgelehnt (OpenAI nennt 25 MiB)</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Format</source>
        <translation>Format</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Where</source>
        <translation>Speicherort</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>File name</source>
        <translation>Dateiname</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Upload limit</source>
        <translation>Max. Dateigröße</translation>
    </message>
    <message>
        <location line="+43"/>
        <source>e.g. {name}</source>
        <translation>z. B. {name}</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Save transcripts in</source>
        <translation>Transkripte speichern in</translation>
    </message>
</context>
<context>
    <name>SeedEdit</name>
    <message>
        <location filename="../../gui/ui/widgets/form.py" line="-77"/>
        <source>none</source>
        <translation>keiner</translation>
    </message>
</context>
<context>
    <name>TranscriptView</name>
    <message>
        <location filename="../../gui/ui/preview/transcript.py" line="+50"/>
        <source>Start</source>
        <translation>Beginn</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>End</source>
        <translation>Ende</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Text</source>
        <translation>Text</translation>
    </message>
    <message>
        <location line="+18"/>
        <location line="+78"/>
        <source>Play</source>
        <translation>Abspielen</translation>
    </message>
    <message>
        <location line="-77"/>
        <source>Play the audio; click a segment to play from its start</source>
        <translation>Audio abspielen; klicken Sie auf ein Segment, um ab dessen Beginn abzuspielen</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Save</source>
        <translation>Speichern</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Save as…</source>
        <translation>Speichern unter…</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Format</source>
        <translation>Format</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>The transcript could not be read: {reason}</source>
        <translation>Das Transkript konnte nicht gelesen werden: {reason}</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Click to play from here</source>
        <translation>Klicken, um ab hier abzuspielen</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>1 segment</source>
        <translation>1 Segment</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{count} segments</source>
        <translation>{count} Segmente</translation>
    </message>
    <message>
        <location line="-4"/>
        <source>no timings (ask for verbose_json, srt or vtt)</source>
        <translation>keine Zeitangaben (fordern Sie verbose_json, srt oder vtt an)</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>Save next to the audio file as {template} (set in the audio tabs)</source>
        <translation>Neben der Audiodatei als {template} speichern (in den Audio-Tabs eingestellt)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Save in {folder} as {template} (set in the audio tabs)</source>
        <translation>In {folder} als {template} speichern (in den Audio-Tabs eingestellt)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Pause</source>
        <translation>Pause</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>Saved to {path}</source>
        <translation>Gespeichert unter {path}</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Save the transcript as</source>
        <translation>Transkript speichern unter</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Text ({pattern})</source>
        <translation>Text ({pattern})</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>SubRip subtitles ({pattern})</source>
        <translation>SubRip-Untertitel ({pattern})</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>WebVTT subtitles ({pattern})</source>
        <translation>WebVTT-Untertitel ({pattern})</translation>
    </message>
</context>
<context>
    <name>WatchDialog</name>
    <message>
        <location filename="../../gui/ui/batch/watch.py" line="+128"/>
        <source>Watch folder</source>
        <translation>Überwachter Ordner</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Transcribe audio files that appear in this folder</source>
        <translation>Audiodateien transkribieren, die in diesem Ordner erscheinen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Next to each audio file (name.transcript.txt)</source>
        <translation>Neben jeder Audiodatei (name.transcript.txt)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Into this folder:</source>
        <translation>In diesen Ordner:</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>{endpoint} (to English)</source>
        <translation>{endpoint} (ins Englische)</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Each file is sent once: files are recognised by their content, so a copy or a renamed file is not sent again. Files are taken once they stop growing.</source>
        <translation>Jede Datei wird nur einmal gesendet: Dateien werden an ihrem Inhalt erkannt, daher wird eine Kopie oder umbenannte Datei nicht erneut gesendet. Dateien werden übernommen, sobald sie nicht mehr wachsen.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Folder</source>
        <translation>Ordner</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Transcripts</source>
        <translation>Transkripte</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Endpoint</source>
        <translation>Endpunkt</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Model</source>
        <translation>Modell</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Parameters</source>
        <translation>Parameter</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Save</source>
        <translation>Speichern</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Choose…</source>
        <translation>Auswählen…</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Choose a folder</source>
        <translation>Ordner auswählen</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Parameters must be a JSON object, e.g. {&quot;language&quot;: &quot;de&quot;}.</source>
        <translation>Parameter müssen ein JSON-Objekt sein, z. B. {&quot;language&quot;: &quot;de&quot;}.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Choose a folder that exists.</source>
        <translation>Wählen Sie einen vorhandenen Ordner.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Choose the folder the transcripts go into.</source>
        <translation>Wählen Sie den Ordner, in den die Transkripte geschrieben werden.</translation>
    </message>
</context>
<context>
    <name>WatchService</name>
    <message>
        <location line="-93"/>
        <source>Watch folder: sending {names}</source>
        <translation>Überwachter Ordner – wird gesendet: {names}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Watch folder: saved {path}</source>
        <translation>Überwachter Ordner – gespeichert: {path}</translation>
    </message>
</context>
<context>
    <name>app</name>
    <message>
        <location filename="../../gui/ui/app.py" line="+137"/>
        <source>The profile {profile} cannot be used: {problem} Using {fallback}; fix it under File → Profiles.</source>
        <translation>Das Profil {profile} kann nicht verwendet werden: {problem} Es wird {fallback} verwendet; beheben Sie das unter Datei → Profile.</translation>
    </message>
    <message>
        <location line="+74"/>
        <source>1 job was interrupted when Queue Desk last stopped; select it and Resubmit to send it again.</source>
        <translation>1 Job wurde beim letzten Beenden von Queue Desk unterbrochen; wählen Sie ihn aus und klicken Sie auf „Erneut senden“.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{count} jobs were interrupted when Queue Desk last stopped; select and Resubmit to send again.</source>
        <translation>{count} Jobs wurden beim letzten Beenden von Queue Desk unterbrochen; wählen Sie sie aus und klicken Sie auf „Erneut senden“.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Checking on 1 job the server still holds.</source>
        <translation>Der Status von 1 Job, der noch auf dem Server liegt, wird abgefragt.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Checking on {count} jobs the server still holds.</source>
        <translation>Der Status von {count} Jobs, die noch auf dem Server liegen, wird abgefragt.</translation>
    </message>
    <message>
        <location line="+54"/>
        <source>Could not switch to {profile}: {problem}</source>
        <translation>Wechsel zu {profile} nicht möglich: {problem}</translation>
    </message>
    <message>
        <location line="+50"/>
        <source>Queue Desk could not start</source>
        <translation>Queue Desk konnte nicht starten</translation>
    </message>
</context>
<context>
    <name>batch</name>
    <message>
        <location filename="../../gui/core/batch/jsonl.py" line="+37"/>
        <source>Cannot read {path}: {reason}.</source>
        <translation>{path} kann nicht gelesen werden: {reason}.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{path} is not UTF-8 text.</source>
        <translation>{path} ist kein UTF-8-Text.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>{file} line {line} is not valid JSON ({error}).</source>
        <translation>{file}, Zeile {line}, ist kein gültiges JSON ({error}).</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{file} line {line} is not a JSON object.</source>
        <translation>{file}, Zeile {line}, ist kein JSON-Objekt.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>{file} line {line} has no custom_id.</source>
        <translation>{file}, Zeile {line}, hat keine custom_id.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{file} line {line}: custom_id {custom_id} appears twice; each must be unique.</source>
        <translation>{file}, Zeile {line}: Die custom_id {custom_id} kommt doppelt vor; jede muss eindeutig sein.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>{file} line {line}: only POST requests can be batched.</source>
        <translation>{file}, Zeile {line}: Nur POST-Anfragen können in einem Batch laufen.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>{file} line {line}: the url {url} is not a supported endpoint.</source>
        <translation>{file}, Zeile {line}: Die URL {url} ist kein unterstützter Endpunkt.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{file} line {line}: {url} needs files and cannot come from a JSONL batch.</source>
        <translation>{file}, Zeile {line}: {url} braucht Dateien und kann nicht aus einem JSONL-Batch kommen.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{file} line {line} has no request body object.</source>
        <translation>{file}, Zeile {line}, hat kein Anfrageobjekt (body).</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>{path} contains no requests.</source>
        <translation>{path} enthält keine Anfragen.</translation>
    </message>
    <message>
        <location filename="../../gui/core/batch/folder_lock.py" line="+41"/>
        <source>Another Queue Desk process (pid {pid}) is running a batch into {folder}. Wait for it to finish, stop it, or choose another output folder.</source>
        <translation>Ein anderer Queue-Desk-Prozess (PID {pid}) führt gerade einen Batch in {folder} aus. Warten Sie, bis er fertig ist, beenden Sie ihn oder wählen Sie einen anderen Ausgabeordner.</translation>
    </message>
    <message>
        <location filename="../../gui/core/batch/headless.py" line="+46"/>
        <source>The input {source} is inside the output folder {folder}, where the results would overwrite it. Choose another --out folder.</source>
        <translation>Die Eingabe {source} liegt im Ausgabeordner {folder}, wo die Ergebnisse sie überschreiben würden. Wählen Sie einen anderen Ordner für --out.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>{name} is the name of a batch&apos;s output file. Rename the input if it really holds requests.</source>
        <translation>{name} ist der Name einer Ausgabedatei eines Batches. Benennen Sie die Eingabe um, wenn sie wirklich Anfragen enthält.</translation>
    </message>
    <message>
        <location filename="../../gui/core/batch/run.py" line="+217"/>
        <source>The batch {name} is still writing its results. Try again in a moment.</source>
        <translation>Der Batch {name} schreibt noch seine Ergebnisse. Bitte versuchen Sie es gleich noch einmal.</translation>
    </message>
</context>
<context>
    <name>batch_controller</name>
    <message>
        <location filename="../../gui/ui/batch/controller.py" line="+7"/>
        <source>Batches</source>
        <translation>Batches</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>&amp;New batch…</source>
        <translation>&amp;Neuer Batch…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Watch folder…</source>
        <translation>Überwachter &amp;Ordner…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Batch &amp;list</source>
        <translation>Batch-&amp;Liste</translation>
    </message>
</context>
<context>
    <name>batch_export</name>
    <message>
        <location filename="../../gui/core/batch/export.py" line="+292"/>
        <source>Row {row} holds {count} vectors; a matrix needs one per row. Export JSONL instead.</source>
        <translation>Zeile {row} enthält {count} Vektoren; eine Matrix braucht genau einen pro Zeile. Exportieren Sie stattdessen JSONL.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The vectors have different lengths ({lengths}).</source>
        <translation>Die Vektoren sind unterschiedlich lang ({lengths}).</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Unknown export format {format} (csv, xlsx or jsonl).</source>
        <translation>Unbekanntes Exportformat {format} (csv, xlsx oder jsonl).</translation>
    </message>
</context>
<context>
    <name>batch_export_dialog</name>
    <message>
        <location filename="../../gui/ui/batch/export_dialog.py" line="-93"/>
        <source>Table — CSV</source>
        <translation>Tabelle – CSV</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Table — Excel (.xlsx)</source>
        <translation>Tabelle – Excel (.xlsx)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>OpenAI batch output (JSONL)</source>
        <translation>OpenAI-Batch-Ausgabe (JSONL)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>One file per row (folder)</source>
        <translation>Eine Datei pro Zeile (Ordner)</translation>
    </message>
</context>
<context>
    <name>batch_fields</name>
    <message>
        <location filename="../../gui/core/batch/structured.py" line="+78"/>
        <source>The answer did not fit the fields: {reason}</source>
        <translation>Die Antwort passte nicht zu den Feldern: {reason}</translation>
    </message>
</context>
<context>
    <name>batch_files</name>
    <message>
        <location filename="../../gui/core/batch/row_files.py" line="+35"/>
        <source>Type a file-name template, for example {example}.</source>
        <translation>Geben Sie eine Dateinamen-Vorlage ein, zum Beispiel {example}.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The file-name template must name files inside the chosen folder, not an absolute path.</source>
        <translation>Die Dateinamen-Vorlage muss Dateien im gewählten Ordner benennen, keinen absoluten Pfad.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The file-name template must not leave the chosen folder (no .. in it).</source>
        <translation>Die Dateinamen-Vorlage darf den gewählten Ordner nicht verlassen (kein .. darin).</translation>
    </message>
    <message>
        <location line="+53"/>
        <source>The file name {name} would leave the chosen folder.</source>
        <translation>Der Dateiname {name} würde den gewählten Ordner verlassen.</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>Image {number} of {name} is not valid base64.</source>
        <translation>Bild {number} von {name} ist kein gültiges Base64.</translation>
    </message>
</context>
<context>
    <name>batch_list</name>
    <message>
        <location filename="../../gui/ui/batch/run_list.py" line="-155"/>
        <source>Stopped</source>
        <translation>Angehalten</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Running</source>
        <translation>Läuft</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Paused</source>
        <translation>Pausiert</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cancelling…</source>
        <translation>Wird abgebrochen…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Writing results…</source>
        <translation>Ergebnisse werden geschrieben…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Finished</source>
        <translation>Abgeschlossen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cancelled</source>
        <translation>Abgebrochen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Interrupted</source>
        <translation>Unterbrochen</translation>
    </message>
    <message>
        <location line="+58"/>
        <source>{done} done · {failed} failed · {remaining} remaining</source>
        <translation>{done} fertig · {failed} fehlgeschlagen · {remaining} offen</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>{rate} rows/s</source>
        <translation>{rate} Zeilen/s</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{rate} rows/min</source>
        <translation>{rate} Zeilen/min</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>ETA {duration}</source>
        <translation>Restzeit {duration}</translation>
    </message>
</context>
<context>
    <name>batch_plan</name>
    <message>
        <location filename="../../gui/core/batch/plan.py" line="+111"/>
        <source>Choose a model.</source>
        <translation>Wählen Sie ein Modell.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{endpoint} cannot be run as a batch from a table.</source>
        <translation>{endpoint} kann nicht als Batch aus einer Tabelle ausgeführt werden.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Output fields need the chat endpoint.</source>
        <translation>Ausgabefelder brauchen den Chat-Endpunkt.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Choose the column that holds the audio files (there is no column {column}).</source>
        <translation>Wählen Sie die Spalte mit den Audiodateien (es gibt keine Spalte {column}).</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>{count} file in column {column} cannot be found (row {row}: {value}).</source>
        <translation>{count} Datei aus Spalte {column} wurde nicht gefunden (Zeile {row}: {value}).</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{count} files in column {column} cannot be found (row {row}: {value}).</source>
        <translation>{count} Dateien aus Spalte {column} wurden nicht gefunden (Zeile {row}: {value}).</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>empty</source>
        <translation>leer</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Write a prompt template, e.g. “Summarise: {{{column}}}”.</source>
        <translation>Schreiben Sie eine Prompt-Vorlage, z. B. „Zusammenfassen: {{{column}}}“.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>column</source>
        <translation>Spalte</translation>
    </message>
    <message>
        <location line="+116"/>
        <source>{folder} holds no batch (no readable {manifest}).</source>
        <translation>{folder} enthält keinen Batch (keine lesbare Datei {manifest}).</translation>
    </message>
</context>
<context>
    <name>batch_preview</name>
    <message>
        <location filename="../../gui/ui/batch/preview.py" line="+24"/>
        <source>(empty)</source>
        <translation>(leer)</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>file</source>
        <translation>Datei</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>system</source>
        <translation>System</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>user</source>
        <translation>Benutzer</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>input</source>
        <translation>Eingabe</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>prompt</source>
        <translation>Prompt</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>… and more rows (counting)</source>
        <translation>… und weitere Zeilen (werden gezählt)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>… and {count} more row</source>
        <translation>… und {count} weitere Zeile</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>… and {count} more rows</source>
        <translation>… und {count} weitere Zeilen</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Counting rows…</source>
        <translation>Zeilen werden gezählt…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{count} row</source>
        <translation>{count} Zeile</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{count} rows</source>
        <translation>{count} Zeilen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{rows} · one audio file each</source>
        <translation>{rows} · je eine Audiodatei</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{rows} · estimating input tokens…</source>
        <translation>{rows} · Eingabe-Tokens werden geschätzt…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{rows} · about {tokens} input tokens</source>
        <translation>{rows} · etwa {tokens} Eingabe-Tokens</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Estimated at about {chars} characters per token (plus a few per message), the usual rule of thumb for English text. The model&apos;s own tokenizer decides the real count.</source>
        <translation>Geschätzt mit etwa {chars} Zeichen pro Token (plus einige pro Nachricht), der üblichen Faustregel für englischen Text. Die tatsächliche Anzahl bestimmt der Tokenizer des Modells.</translation>
    </message>
</context>
<context>
    <name>batch_table</name>
    <message>
        <location filename="../../gui/core/batch/table.py" line="+66"/>
        <source>counting rows…</source>
        <translation>Zeilen werden gezählt…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>1 audio file</source>
        <translation>1 Audiodatei</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{count} audio files</source>
        <translation>{count} Audiodateien</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>1 row</source>
        <translation>1 Zeile</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>{count} rows</source>
        <translation>{count} Zeilen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>1 column</source>
        <translation>1 Spalte</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{count} columns</source>
        <translation>{count} Spalten</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>{encoding}, tab-separated</source>
        <translation>{encoding}, tabulatorgetrennt</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{encoding}, comma-separated</source>
        <translation>{encoding}, kommagetrennt</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{encoding}, semicolon-separated</source>
        <translation>{encoding}, semikolongetrennt</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{encoding}, pipe-separated</source>
        <translation>{encoding}, durch | getrennt</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{encoding}, {delimiter}-separated</source>
        <translation>{encoding}, durch {delimiter} getrennt</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>sheet “{sheet}”</source>
        <translation>Tabellenblatt „{sheet}“</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>{path} is not a regular file (a pipe or a device). Save the input to a file first.</source>
        <translation>{path} ist keine gewöhnliche Datei (eine Pipe oder ein Gerät). Speichern Sie die Eingabe zuerst in einer Datei.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{path} does not exist.</source>
        <translation>{path} existiert nicht.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>{name} is an old Excel file (.xls); save it as .xlsx or CSV first.</source>
        <translation>{name} ist eine alte Excel-Datei (.xls); speichern Sie sie zuerst als .xlsx oder CSV.</translation>
    </message>
    <message>
        <location line="+61"/>
        <source>Cannot read {path}: {reason}.</source>
        <translation>{path} kann nicht gelesen werden: {reason}.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>{name} is not a readable CSV file ({error}).</source>
        <translation>{name} ist keine lesbare CSV-Datei ({error}).</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>{name} is empty.</source>
        <translation>{name} ist leer.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>{name} has a header row but no data rows.</source>
        <translation>{name} hat eine Kopfzeile, aber keine Datenzeilen.</translation>
    </message>
    <message>
        <location line="+16"/>
        <location line="+4"/>
        <source>{name} is not a readable .xlsx workbook ({error}).</source>
        <translation>{name} ist keine lesbare .xlsx-Arbeitsmappe ({error}).</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>{name} has no sheet {sheet} (sheets: {sheets}).</source>
        <translation>{name} hat kein Tabellenblatt {sheet} (vorhandene Blätter: {sheets}).</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Cannot read the folder {folder}: {reason}.</source>
        <translation>Der Ordner {folder} kann nicht gelesen werden: {reason}.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{folder} holds no audio files ({suffixes}).</source>
        <translation>{folder} enthält keine Audiodateien ({suffixes}).</translation>
    </message>
</context>
<context>
    <name>batch_template</name>
    <message>
        <location filename="../../gui/core/batch/template.py" line="+67"/>
        <source>The template uses {names}, which is not a column of the input (columns: {columns}). For a literal brace write {open} or {close}.</source>
        <translation>Die Vorlage verwendet {names}, aber das ist keine Spalte der Eingabe (Spalten: {columns}). Für eine geschweifte Klammer als Text schreiben Sie {open} bzw. {close}.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The template uses {names}, which are not columns of the input (columns: {columns}). For a literal brace write {open} or {close}.</source>
        <translation>Die Vorlage verwendet {names}, aber das sind keine Spalten der Eingabe (Spalten: {columns}). Für eine geschweifte Klammer als Text schreiben Sie {open} bzw. {close}.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The template has a lone {lone_open} or {lone_close}; write {open} or {close} for a literal brace.</source>
        <translation>Die Vorlage enthält eine einzelne Klammer {lone_open} oder {lone_close}; für eine geschweifte Klammer als Text schreiben Sie {open} bzw. {close}.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The prompt template uses {names}, which is not a column of the input (columns: {columns}). For a literal brace write {open} or {close}.</source>
        <translation>Die Prompt-Vorlage verwendet {names}, aber das ist keine Spalte der Eingabe (Spalten: {columns}). Für eine geschweifte Klammer als Text schreiben Sie {open} bzw. {close}.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The prompt template uses {names}, which are not columns of the input (columns: {columns}). For a literal brace write {open} or {close}.</source>
        <translation>Die Prompt-Vorlage verwendet {names}, aber das sind keine Spalten der Eingabe (Spalten: {columns}). Für eine geschweifte Klammer als Text schreiben Sie {open} bzw. {close}.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The prompt template has a lone {lone_open} or {lone_close}; write {open} or {close} for a literal brace.</source>
        <translation>Die Prompt-Vorlage enthält eine einzelne Klammer {lone_open} oder {lone_close}; für eine geschweifte Klammer als Text schreiben Sie {open} bzw. {close}.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The system template uses {names}, which is not a column of the input (columns: {columns}). For a literal brace write {open} or {close}.</source>
        <translation>Die System-Vorlage verwendet {names}, aber das ist keine Spalte der Eingabe (Spalten: {columns}). Für eine geschweifte Klammer als Text schreiben Sie {open} bzw. {close}.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The system template uses {names}, which are not columns of the input (columns: {columns}). For a literal brace write {open} or {close}.</source>
        <translation>Die System-Vorlage verwendet {names}, aber das sind keine Spalten der Eingabe (Spalten: {columns}). Für eine geschweifte Klammer als Text schreiben Sie {open} bzw. {close}.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The system template has a lone {lone_open} or {lone_close}; write {open} or {close} for a literal brace.</source>
        <translation>Die System-Vorlage enthält eine einzelne Klammer {lone_open} oder {lone_close}; für eine geschweifte Klammer als Text schreiben Sie {open} bzw. {close}.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The file-name template uses {names}, which is not a column of the input (columns: {columns}). For a literal brace write {open} or {close}.</source>
        <translation>Die Dateinamen-Vorlage verwendet {names}, aber das ist keine Spalte der Eingabe (Spalten: {columns}). Für eine geschweifte Klammer als Text schreiben Sie {open} bzw. {close}.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The file-name template uses {names}, which are not columns of the input (columns: {columns}). For a literal brace write {open} or {close}.</source>
        <translation>Die Dateinamen-Vorlage verwendet {names}, aber das sind keine Spalten der Eingabe (Spalten: {columns}). Für eine geschweifte Klammer als Text schreiben Sie {open} bzw. {close}.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The file-name template has a lone {lone_open} or {lone_close}; write {open} or {close} for a literal brace.</source>
        <translation>Die Dateinamen-Vorlage enthält eine einzelne Klammer {lone_open} oder {lone_close}; für eine geschweifte Klammer als Text schreiben Sie {open} bzw. {close}.</translation>
    </message>
</context>
<context>
    <name>bodies</name>
    <message>
        <location filename="../../gui/core/builders/bodies.py" line="+88"/>
        <source>Choose a model from the list or type its id.</source>
        <translation>Wählen Sie ein Modell aus der Liste oder geben Sie seine ID ein.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The queue does not stream answers: remove &quot;stream&quot; from the advanced settings.</source>
        <translation>Die Warteschlange streamt keine Antworten: Entfernen Sie „stream“ aus den erweiterten Einstellungen.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>{name} must be one of {choices} (not {value}).</source>
        <translation>{name} muss einer dieser Werte sein: {choices} (nicht {value}).</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Give at most 4 stop sequences, none of them empty.</source>
        <translation>Geben Sie höchstens 4 Stoppsequenzen an, keine davon leer.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Stop sequences must be text.</source>
        <translation>Stoppsequenzen müssen Text sein.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>{name} must be a whole number between {low} and {high}.</source>
        <translation>{name} muss eine ganze Zahl zwischen {low} und {high} sein.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{name} must be a whole number of at least {low}.</source>
        <translation>{name} muss eine ganze Zahl von mindestens {low} sein.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{name} must be a whole number.</source>
        <translation>{name} muss eine ganze Zahl sein.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{name} must be a number between {low} and {high}.</source>
        <translation>{name} muss eine Zahl zwischen {low} und {high} sein.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{name} must be a number of at least {low}.</source>
        <translation>{name} muss eine Zahl von mindestens {low} sein.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{name} must be a number.</source>
        <translation>{name} muss eine Zahl sein.</translation>
    </message>
    <message>
        <location line="+43"/>
        <source>Type a user message first: it is what the model answers.</source>
        <translation>Geben Sie zuerst eine Benutzernachricht ein: Auf sie antwortet das Modell.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Message {number} has an unknown role {role}: use system, user or assistant.</source>
        <translation>Nachricht {number} hat eine unbekannte Rolle {role}: Verwenden Sie system, user oder assistant.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Message {number} ({role}) is empty: type it or remove it.</source>
        <translation>Nachricht {number} ({role}) ist leer: Geben Sie sie ein oder entfernen Sie sie.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Type a prompt first: the model continues it.</source>
        <translation>Geben Sie zuerst einen Prompt ein: Das Modell setzt ihn fort.</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Type at least one input line (or load a text file).</source>
        <translation>Geben Sie mindestens eine Eingabezeile ein (oder laden Sie eine Textdatei).</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{count} inputs: the limit is {limit} per request. Split them up.</source>
        <translation>{count} Eingaben: Die Grenze liegt bei {limit} pro Anfrage. Teilen Sie sie auf.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Describe the image you want first.</source>
        <translation>Beschreiben Sie zuerst das gewünschte Bild.</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>Give at most 4 stop sequences.</source>
        <translation>Geben Sie höchstens 4 Stoppsequenzen an.</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Not valid JSON at line {line}, column {column}: {problem}.</source>
        <translation>Kein gültiges JSON in Zeile {line}, Spalte {column}: {problem}.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>remove the comma before the closing bracket</source>
        <translation>Entfernen Sie das Komma vor der schließenden Klammer</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The advanced settings must be one JSON object, like {&quot;top_p&quot;: 0.9}.</source>
        <translation>Die erweiterten Einstellungen müssen ein einzelnes JSON-Objekt sein, etwa {&quot;top_p&quot;: 0.9}.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>a comma is missing</source>
        <translation>ein Komma fehlt</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>a colon is missing after the key</source>
        <translation>nach dem Schlüssel fehlt ein Doppelpunkt</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>keys need double quotes (and no comma before })</source>
        <translation>Schlüssel brauchen doppelte Anführungszeichen (und kein Komma vor })</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>a value is missing (strings need double quotes)</source>
        <translation>ein Wert fehlt (Zeichenketten brauchen doppelte Anführungszeichen)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>there is text after the closing }</source>
        <translation>nach der schließenden } steht noch Text</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>a string is not closed with &quot;</source>
        <translation>eine Zeichenkette ist nicht mit &quot; abgeschlossen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>a line break inside a string (write \n)</source>
        <translation>ein Zeilenumbruch in einer Zeichenkette (schreiben Sie \n)</translation>
    </message>
</context>
<context>
    <name>bounded</name>
    <message>
        <location filename="../../gui/core/api/bounded.py" line="+25"/>
        <source>The server&apos;s answer is larger than {size} MiB, the limit set as &quot;Largest answer&quot; in the Queue settings (or the profile). It was not read further and not sent again; raise the limit if you expect answers this big.</source>
        <translation>Die Antwort des Servers ist größer als {size} MiB, die Grenze „Größte Antwort“ in den Warteschlangen-Einstellungen (oder im Profil). Sie wurde nicht weiter gelesen und nicht erneut gesendet; erhöhen Sie die Grenze, wenn Sie so große Antworten erwarten.</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>The server compressed its answer as {encoding}, which Queue Desk did not ask for and cannot read.</source>
        <translation>Der Server hat seine Antwort als {encoding} komprimiert; das hat Queue Desk nicht angefragt und kann es nicht lesen.</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>The server&apos;s compressed answer is damaged and cannot be read.</source>
        <translation>Die komprimierte Antwort des Servers ist beschädigt und kann nicht gelesen werden.</translation>
    </message>
</context>
<context>
    <name>chat_tab</name>
    <message>
        <location filename="../../gui/ui/tabs/chat.py" line="-67"/>
        <source>Server default</source>
        <translation>Server-Standard</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Upper limit for the answer&apos;s length in tokens (0: leave it to the server)</source>
        <translation>Höchstlänge der Antwort in Tokens (0: dem Server überlassen)</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>none</source>
        <translation>keine</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Up to 4 sequences that end the answer, separated by |. Write \n for a line break.</source>
        <translation>Bis zu 4 Stoppsequenzen, die die Antwort beenden, getrennt durch |. Schreiben Sie \n für einen Zeilenumbruch.</translation>
    </message>
</context>
<context>
    <name>client</name>
    <message>
        <location filename="../../gui/core/api/client.py" line="+184"/>
        <source>The link answered {status}; it may have expired.</source>
        <translation>Der Link antwortete mit {status}; er ist möglicherweise abgelaufen.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>The file is larger than {size} MiB.</source>
        <translation>Die Datei ist größer als {size} MiB.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The link redirected too many times: {url}</source>
        <translation>Der Link leitet zu oft weiter: {url}</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>The server did not finish the job within {duration}, the longest wait set for this profile; Queue Desk stopped asking. Submit it again or raise the longest wait.</source>
        <translation>Der Server hat den Auftrag nicht innerhalb von {duration} abgeschlossen, der längsten Wartezeit dieses Profils; Queue Desk fragt nicht mehr nach. Senden Sie ihn erneut oder erhöhen Sie die längste Wartezeit.</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>no reason given</source>
        <translation>kein Grund angegeben</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The server reports that the job failed: {reason}</source>
        <translation>Der Server meldet, dass der Job fehlgeschlagen ist: {reason}</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The server reports that the job was cancelled.</source>
        <translation>Der Server meldet, dass der Job abgebrochen wurde.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The server reported an unknown job status {status}.</source>
        <translation>Der Server hat einen unbekannten Jobstatus gemeldet: {status}.</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Cannot read the file {path}: {reason}.</source>
        <translation>Die Datei {path} kann nicht gelesen werden: {reason}.</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>The server accepted the job but did not say where to ask for its result.</source>
        <translation>Der Server hat den Job angenommen, aber nicht mitgeteilt, wo das Ergebnis abgefragt werden kann.</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>The server says the job is done but gave no result.</source>
        <translation>Der Server meldet den Job als fertig, hat aber kein Ergebnis geliefert.</translation>
    </message>
    <message>
        <location line="+39"/>
        <source>The server no longer has this job (its result expired or was removed). Submit it again.</source>
        <translation>Der Server hat diesen Job nicht mehr (das Ergebnis ist abgelaufen oder wurde entfernt). Senden Sie ihn erneut.</translation>
    </message>
</context>
<context>
    <name>connection</name>
    <message>
        <location filename="../../gui/core/profiles/connection.py" line="+27"/>
        <source>Connected to {url}: 1 model available.</source>
        <translation>Verbunden mit {url}: 1 Modell verfügbar.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Connected to {url}: {count} models available.</source>
        <translation>Verbunden mit {url}: {count} Modelle verfügbar.</translation>
    </message>
</context>
<context>
    <name>conversation</name>
    <message>
        <location filename="../../gui/ui/tabs/conversation.py" line="-26"/>
        <source>system</source>
        <translation>System</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>user</source>
        <translation>Benutzer</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>assistant</source>
        <translation>Assistent</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Optional: how the assistant should behave</source>
        <translation>Optional: wie sich der Assistent verhalten soll</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>What you want to ask. Ctrl+Enter submits.</source>
        <translation>Was Sie fragen möchten. Strg+Enter sendet.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>An earlier answer of the assistant (for a conversation with history)</source>
        <translation>Eine frühere Antwort des Assistenten (für eine Unterhaltung mit Verlauf)</translation>
    </message>
</context>
<context>
    <name>decoding</name>
    <message>
        <location filename="../../gui/core/api/decoding.py" line="+80"/>
        <source>The server&apos;s answer is unusable: its JSON is nested too deep to read. Ask the server&apos;s operator; sending it again would give the same answer.</source>
        <translation>Die Antwort des Servers ist unbrauchbar: Ihr JSON ist zu tief verschachtelt, um gelesen zu werden. Fragen Sie den Betreiber des Servers; ein erneutes Senden ergäbe dieselbe Antwort.</translation>
    </message>
</context>
<context>
    <name>endpoints</name>
    <message>
        <location filename="../../gui/core/endpoints.py" line="+82"/>
        <source>Chat</source>
        <translation>Chat</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Completions</source>
        <translation>Vervollständigung</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Embeddings</source>
        <translation>Embeddings</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Transcription</source>
        <translation>Transkription</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Translation</source>
        <translation>Übersetzung</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Image generation</source>
        <translation>Bilderzeugung</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Image edit</source>
        <translation>Bildbearbeitung</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Models</source>
        <translation>Modelle</translation>
    </message>
</context>
<context>
    <name>errors</name>
    <message>
        <location filename="../../gui/core/errors.py" line="+199"/>
        <source>The server rejected the request ({status}). The server said: {detail} Check the fields and try again.</source>
        <translation>Der Server hat die Anfrage abgelehnt ({status}). Meldung des Servers: {detail} Prüfen Sie die Felder und versuchen Sie es erneut.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The server rejected the request ({status}). Check the fields and try again.</source>
        <translation>Der Server hat die Anfrage abgelehnt ({status}). Prüfen Sie die Felder und versuchen Sie es erneut.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The API key was not accepted (401). Check the key in the profile settings or in OPENAI_API_KEY.</source>
        <translation>Der API-Schlüssel wurde nicht akzeptiert (401). Prüfen Sie den Schlüssel in den Profileinstellungen oder in OPENAI_API_KEY.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Access denied (403). The server said: {detail} Your plan may not include this model or endpoint.</source>
        <translation>Zugriff verweigert (403). Meldung des Servers: {detail} Ihr Tarif umfasst dieses Modell oder diesen Endpunkt möglicherweise nicht.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Access denied (403). Your plan may not include this model or endpoint.</source>
        <translation>Zugriff verweigert (403). Ihr Tarif umfasst dieses Modell oder diesen Endpunkt möglicherweise nicht.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Not found (404). The server said: {detail} Check the model name and that the base URL points at the Queue API.</source>
        <translation>Nicht gefunden (404). Meldung des Servers: {detail} Prüfen Sie den Modellnamen und ob die Basis-URL auf die Queue-API zeigt.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Not found (404). Check the model name and that the base URL points at the Queue API.</source>
        <translation>Nicht gefunden (404). Prüfen Sie den Modellnamen und ob die Basis-URL auf die Queue-API zeigt.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The server reported a conflict (409). The server said: {detail} Try again.</source>
        <translation>Der Server hat einen Konflikt gemeldet (409). Meldung des Servers: {detail} Versuchen Sie es erneut.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The server reported a conflict (409). Try again.</source>
        <translation>Der Server hat einen Konflikt gemeldet (409). Versuchen Sie es erneut.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Too many requests: the server is rate limiting (429). It asked to wait {asked}; Queue Desk waits at most {wait} before it tries again. Try again later or lower the concurrency.</source>
        <translation>Zu viele Anfragen: Der Server bremst wegen seines Ratenlimits (429). Er bittet, {asked} zu warten; Queue Desk wartet höchstens {wait}, bevor es erneut versucht. Versuchen Sie es später erneut oder verringern Sie die Zahl gleichzeitiger Jobs.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Too many requests: the server is rate limiting (429). It asked to wait {wait}. Try again later or lower the concurrency.</source>
        <translation>Zu viele Anfragen: Der Server bremst wegen seines Ratenlimits (429). Er bittet, {wait} zu warten. Versuchen Sie es später erneut oder verringern Sie die Zahl gleichzeitiger Jobs.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Too many requests: the server is rate limiting (429). Try again later or lower the concurrency.</source>
        <translation>Zu viele Anfragen: Der Server bremst wegen seines Ratenlimits (429). Versuchen Sie es später erneut oder verringern Sie die Zahl gleichzeitiger Jobs.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The server had a problem ({status}). The server said: {detail} This is usually temporary; try again in a moment.</source>
        <translation>Der Server hatte ein Problem ({status}). Meldung des Servers: {detail} Das ist meist vorübergehend; versuchen Sie es gleich noch einmal.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The server had a problem ({status}). This is usually temporary; try again in a moment.</source>
        <translation>Der Server hatte ein Problem ({status}). Das ist meist vorübergehend; versuchen Sie es gleich noch einmal.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Unexpected answer from the server ({status}). The server said: {detail}</source>
        <translation>Unerwartete Antwort vom Server ({status}). Meldung des Servers: {detail}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Unexpected answer from the server ({status}).</source>
        <translation>Unerwartete Antwort vom Server ({status}).</translation>
    </message>
</context>
<context>
    <name>extraction</name>
    <message>
        <location filename="../../gui/core/extraction/fields.py" line="+63"/>
        <source>The field name &quot;{name}&quot; cannot be used: start with a letter and use letters, digits, spaces, _ or - (at most 64).</source>
        <translation>Der Feldname „{name}“ ist nicht möglich: Beginnen Sie mit einem Buchstaben und verwenden Sie Buchstaben, Ziffern, Leerzeichen, _ oder - (höchstens 64).</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>The field &quot;{text}&quot; needs a type: NAME:TYPE, e.g. score:integer or sentiment:positive|negative.</source>
        <translation>Das Feld „{text}“ braucht einen Typ: NAME:TYP, z. B. score:integer oder sentiment:positive|negative.</translation>
    </message>
    <message>
        <location line="+7"/>
        <location line="+12"/>
        <source>The field &quot;{name}&quot; needs at least two choices.</source>
        <translation>Das Feld „{name}“ braucht mindestens zwei Auswahlwerte.</translation>
    </message>
    <message>
        <location line="-4"/>
        <source>The field &quot;{name}&quot; has an unknown type &quot;{kind}&quot;: use text, number, integer, boolean, list, or choices like a|b|c.</source>
        <translation>Das Feld „{name}“ hat den unbekannten Typ „{kind}“: Verwenden Sie text, number, integer, boolean, list oder Auswahlwerte wie a|b|c.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Add at least one output field.</source>
        <translation>Fügen Sie mindestens ein Ausgabefeld hinzu.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Two output fields have the same name.</source>
        <translation>Zwei Ausgabefelder haben denselben Namen.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>The schema must describe a JSON object with properties.</source>
        <translation>Das Schema muss ein JSON-Objekt mit Eigenschaften beschreiben.</translation>
    </message>
    <message>
        <location line="+65"/>
        <source>Give the output fields either one by one or as a schema file, not both.</source>
        <translation>Geben Sie die Ausgabefelder entweder einzeln oder als Schema-Datei an, nicht beides.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The schema file {path} cannot be read as JSON ({reason}).</source>
        <translation>Die Schema-Datei {path} lässt sich nicht als JSON lesen ({reason}).</translation>
    </message>
</context>
<context>
    <name>image_loading</name>
    <message>
        <location filename="../../gui/ui/widgets/image_loading.py" line="+38"/>
        <source>{name} is not an image that can be shown ({reason}).</source>
        <translation>{name} ist kein Bild, das angezeigt werden kann ({reason}).</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{name} is not an image that can be shown.</source>
        <translation>{name} ist kein Bild, das angezeigt werden kann.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{name} claims to be {width}×{height} pixels, too large to open safely. It may be damaged or made to exhaust memory; it was not opened.</source>
        <translation>{name} gibt eine Größe von {width}×{height} Pixeln an – zu groß, um die Datei sicher zu öffnen. Sie ist vielleicht beschädigt oder soll den Arbeitsspeicher erschöpfen; sie wurde nicht geöffnet.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>{name} could not be read: {reason}</source>
        <translation>{name} konnte nicht gelesen werden: {reason}</translation>
    </message>
</context>
<context>
    <name>image_results</name>
    <message>
        <location filename="../../gui/core/jobs/result_images.py" line="+55"/>
        <source>the link did not return an image</source>
        <translation>der Link lieferte kein Bild</translation>
    </message>
</context>
<context>
    <name>image_tab</name>
    <message>
        <location filename="../../gui/ui/tabs/image.py" line="-31"/>
        <source>How many images to make (each one is charged)</source>
        <translation>Wie viele Bilder erzeugt werden (jedes wird berechnet)</translation>
    </message>
</context>
<context>
    <name>job_columns</name>
    <message>
        <location filename="../../gui/ui/jobs/columns.py" line="+33"/>
        <source>Uploading {percent}%</source>
        <translation>Hochladen {percent} %</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{done} of {total} pieces</source>
        <translation>{done} von {total} Teilen</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Retrying in {seconds} s</source>
        <translation>Neuer Versuch in {seconds} s</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Retrying…</source>
        <translation>Neuer Versuch…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Polling (#{position} in queue)</source>
        <translation>Platz {position} in der Warteschlange</translation>
    </message>
    <message>
        <location line="+39"/>
        <source>State</source>
        <translation>Status</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Endpoint</source>
        <translation>Endpunkt</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Model</source>
        <translation>Modell</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Prompt</source>
        <translation>Prompt</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Created</source>
        <translation>Erstellt</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Elapsed</source>
        <translation>Dauer</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Attempts</source>
        <translation>Versuche</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Error</source>
        <translation>Fehler</translation>
    </message>
</context>
<context>
    <name>job_details</name>
    <message>
        <location filename="../../gui/ui/jobs/details.py" line="-98"/>
        <source>{count} bytes</source>
        <translation>{count} Bytes</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>file missing now</source>
        <translation>Datei fehlt inzwischen</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Body fields (as built):</source>
        <translation>Body-Felder (wie erzeugt):</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Created</source>
        <translation>Erstellt</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Started</source>
        <translation>Gestartet</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Finished</source>
        <translation>Beendet</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Elapsed</source>
        <translation>Dauer</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Attempts</source>
        <translation>Versuche</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>State</source>
        <translation>Status</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Server job id</source>
        <translation>Job-ID des Servers</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Status URL</source>
        <translation>Status-URL</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>No response stored (the job has not succeeded).</source>
        <translation>Keine Antwort gespeichert (der Job wurde nicht erfolgreich abgeschlossen).</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The response file could not be read: {reason}</source>
        <translation>Die Antwortdatei konnte nicht gelesen werden: {reason}</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>… {count} more bytes in {path}</source>
        <translation>… {count} weitere Bytes in {path}</translation>
    </message>
</context>
<context>
    <name>jobs</name>
    <message>
        <location filename="../../gui/core/jobs/job.py" line="+42"/>
        <source>Queued</source>
        <translation>Wartend</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Submitting</source>
        <translation>Wird gesendet</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Waiting</source>
        <translation>In Bearbeitung</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Polling</source>
        <translation>Wird abgefragt</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Retrying</source>
        <translation>Neuer Versuch</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Succeeded</source>
        <translation>Erfolgreich</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Failed</source>
        <translation>Fehlgeschlagen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cancelled</source>
        <translation>Abgebrochen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Interrupted</source>
        <translation>Unterbrochen</translation>
    </message>
</context>
<context>
    <name>keys</name>
    <message>
        <location filename="../../gui/core/profiles/keys.py" line="+41"/>
        <source>No system keyring (password store) is available on this computer, so the API key is kept in memory until Queue Desk closes and is not saved anywhere. To keep it, unlock or install a keyring (GNOME Keyring, KWallet, macOS Keychain, Windows Credential Manager), or set OPENAI_API_KEY.</source>
        <translation>Kein Schlüsselbund (Passwortspeicher) verfügbar: Der API-Schlüssel bleibt nur bis zum Beenden von Queue Desk erhalten und wird nicht gespeichert. Um ihn zu behalten, entsperren oder installieren Sie einen Schlüsselbund (GNOME Keyring, KWallet, macOS-Schlüsselbund, Windows-Anmeldeinformationsverwaltung) oder setzen Sie OPENAI_API_KEY.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The system keyring could not be used ({reason}), so the API key is kept in memory until Queue Desk closes and is not saved anywhere. To keep it, unlock or install a keyring (GNOME Keyring, KWallet, macOS Keychain, Windows Credential Manager), or set OPENAI_API_KEY.</source>
        <translation>Der Schlüsselbund konnte nicht verwendet werden ({reason}): Der API-Schlüssel bleibt nur bis zum Beenden von Queue Desk erhalten und wird nicht gespeichert. Um ihn zu behalten, entsperren oder installieren Sie einen Schlüsselbund (GNOME Keyring, KWallet, macOS-Schlüsselbund, Windows-Anmeldeinformationsverwaltung) oder setzen Sie OPENAI_API_KEY.</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>No API key for the profile {profile}: store one in Profiles, or set OPENAI_API_KEY to the key from the provider&apos;s API key portal.</source>
        <translation>Kein API-Schlüssel für das Profil {profile}: Hinterlegen Sie einen unter „Profile“ oder setzen Sie OPENAI_API_KEY auf den Schlüssel aus dem API-Schlüssel-Portal des Anbieters.</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>The API key is empty.</source>
        <translation>Der API-Schlüssel ist leer.</translation>
    </message>
</context>
<context>
    <name>media_requests</name>
    <message>
        <location filename="../../gui/core/builders/media_bodies.py" line="+46"/>
        <source>{name} is a folder, not an audio file. Choose a file.</source>
        <translation>{name} ist ein Ordner, keine Audiodatei. Wählen Sie eine Datei.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{name} is a folder, not a PNG image. Choose a file.</source>
        <translation>{name} ist ein Ordner, kein PNG-Bild. Wählen Sie eine Datei.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{name} is a folder, not an image. Choose a file.</source>
        <translation>{name} ist ein Ordner, kein Bild. Wählen Sie eine Datei.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{name} does not exist (any more). Choose the file again.</source>
        <translation>{name} existiert nicht (mehr). Wählen Sie die Datei erneut.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{items} or {last}</source>
        <translation>{items} oder {last}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{name} is not an audio file the service accepts. Use {kinds}.</source>
        <translation>{name} ist keine Audiodatei, die der Dienst annimmt. Verwenden Sie {kinds}.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{name} is not a PNG image the service accepts. Use {kinds}.</source>
        <translation>{name} ist kein PNG-Bild, das der Dienst annimmt. Verwenden Sie {kinds}.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{name} is not an image the service accepts. Use {kinds}.</source>
        <translation>{name} ist kein Bild, das der Dienst annimmt. Verwenden Sie {kinds}.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>{name} is empty (0 bytes). Choose the file that holds the content.</source>
        <translation>{name} ist leer (0 Byte). Wählen Sie die Datei, die den Inhalt enthält.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{name} is {size} MiB, over the upload limit of {limit} MiB. Split or compress it, or raise the limit in the settings.</source>
        <translation>{name} ist {size} MiB groß und überschreitet die maximale Dateigröße zum Hochladen ({limit} MiB). Teilen oder komprimieren Sie die Datei oder erhöhen Sie die maximale Dateigröße in den Einstellungen.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>permission denied</source>
        <translation>Zugriff verweigert</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{name} cannot be read ({reason}). Check the file&apos;s permissions or copy it somewhere you can read it.</source>
        <translation>{name} kann nicht gelesen werden ({reason}). Prüfen Sie die Zugriffsrechte der Datei oder kopieren Sie sie an einen Ort, an dem Sie sie lesen können.</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>{name} does not contain a PNG image (its content is not PNG).</source>
        <translation>{name} enthält kein PNG-Bild (der Inhalt ist kein PNG).</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{name} does not contain an image (its content is not PNG, WebP or JPEG).</source>
        <translation>{name} enthält kein Bild (der Inhalt ist weder PNG noch WebP noch JPEG).</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Word or segment timestamps need the verbose_json format: choose it, or untick them.</source>
        <translation>Zeitstempel für Wörter oder Segmente brauchen das Format verbose_json: Wählen Sie es aus oder entfernen Sie die Häkchen.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Add the image to edit first.</source>
        <translation>Fügen Sie zuerst das Bild hinzu, das bearbeitet werden soll.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{count} images: at most {limit} can be edited together.</source>
        <translation>{count} Bilder: Höchstens {limit} können zusammen bearbeitet werden.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The mask is {mask_width}×{mask_height} pixels but the image is {width}×{height}: they must be the same size.</source>
        <translation>Die Maske ist {mask_width}×{mask_height} Pixel groß, das Bild aber {width}×{height}: Beide müssen gleich groß sein.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Describe the change you want first.</source>
        <translation>Beschreiben Sie zuerst die gewünschte Änderung.</translation>
    </message>
</context>
<context>
    <name>models_table</name>
    <message>
        <location filename="../../gui/ui/widgets/models_table.py" line="-180"/>
        <source>All types</source>
        <translation>Alle Typen</translation>
    </message>
</context>
<context>
    <name>naming</name>
    <message>
        <location filename="../../gui/core/export/naming.py" line="+23"/>
        <source>Type a file-name template, for example {example}.</source>
        <translation>Geben Sie eine Dateinamen-Vorlage ein, zum Beispiel {example}.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The template has an unmatched {open} or {close}. Write placeholders as {example}.</source>
        <translation>Zu einer Klammer {open} oder {close} in der Vorlage fehlt das Gegenstück. Schreiben Sie Platzhalter als {example}.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Unknown placeholder {placeholder}: use {known}.</source>
        <translation>Unbekannter Platzhalter {placeholder}: Verwenden Sie {known}.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The template must be a file name inside the output folder, not an absolute path. Choose the folder separately.</source>
        <translation>Die Vorlage muss ein Dateiname im Ausgabeordner sein, kein absoluter Pfad. Wählen Sie den Ordner separat.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The template must not leave the output folder (no .. in it).</source>
        <translation>Die Vorlage darf nicht aus dem Ausgabeordner herausführen (kein .. darin).</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Add an extension to the template, e.g. {example}.</source>
        <translation>Ergänzen Sie die Vorlage um eine Dateiendung, z. B. {example}.</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>The template would write outside the output folder. Use a plain name such as {example}.</source>
        <translation>Die Vorlage würde außerhalb des Ausgabeordners schreiben. Verwenden Sie einen einfachen Namen wie {example}.</translation>
    </message>
</context>
<context>
    <name>network</name>
    <message>
        <location filename="../../gui/core/api/network.py" line="+110"/>
        <source>The CA bundle {path} could not be read as PEM certificates ({reason}).</source>
        <translation>Das CA-Bundle {path} konnte nicht als PEM-Zertifikate gelesen werden ({reason}).</translation>
    </message>
</context>
<context>
    <name>preview</name>
    <message>
        <location filename="../../gui/ui/preview/job_header.py" line="-64"/>
        <source>prompt</source>
        <translation>Prompt</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>completion</source>
        <translation>Antwort</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>total</source>
        <translation>gesamt</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>input</source>
        <translation>Eingabe</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>output</source>
        <translation>Ausgabe</translation>
    </message>
</context>
<context>
    <name>profiles</name>
    <message>
        <location filename="../../gui/core/profiles/profile.py" line="+44"/>
        <source>Queue (/queue)</source>
        <translation>Warteschlange (/queue)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Standard (/v2)</source>
        <translation>Standard (/v2)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Exactly as given (e.g. …/v1)</source>
        <translation>Genau wie angegeben (z. B. …/v1)</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>The profile needs a name.</source>
        <translation>Das Profil braucht einen Namen.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The profile {name} has no base URL yet.</source>
        <translation>Das Profil {name} hat noch keine Basis-URL.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The CA bundle {path} does not exist. Choose the PEM file IT gave you, or clear the field to use the system&apos;s certificates only.</source>
        <translation>Das CA-Bundle {path} existiert nicht. Wählen Sie die PEM-Datei, die Sie von der IT erhalten haben, oder leeren Sie das Feld, um nur die Zertifikate des Systems zu verwenden.</translation>
    </message>
    <message>
        <location line="+100"/>
        <source>There is no profile called {name}. Known profiles: {names}.</source>
        <translation>Es gibt kein Profil namens {name}. Vorhandene Profile: {names}.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>The built-in profile {name} cannot be renamed.</source>
        <translation>Das eingebaute Profil {name} kann nicht umbenannt werden.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>A profile called {name} already exists.</source>
        <translation>Ein Profil namens {name} gibt es bereits.</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>The built-in profile {name} cannot be deleted.</source>
        <translation>Das eingebaute Profil {name} kann nicht gelöscht werden.</translation>
    </message>
</context>
<context>
    <name>profiles_dialog</name>
    <message>
        <location filename="../../gui/ui/window/profiles_dialog.py" line="-288"/>
        <source>The key is stored in the system keyring.</source>
        <translation>Der Schlüssel ist im Schlüsselbund des Betriebssystems gespeichert.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The key is kept in memory for this session only (no keyring available).</source>
        <translation>Der Schlüssel wird nur für diese Sitzung im Arbeitsspeicher gehalten (kein Schlüsselbund verfügbar).</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>No key stored for this profile; OPENAI_API_KEY from the environment is used.</source>
        <translation>Für dieses Profil ist kein Schlüssel gespeichert; OPENAI_API_KEY aus der Umgebung wird verwendet.</translation>
    </message>
</context>
<context>
    <name>recordings</name>
    <message>
        <location filename="../../gui/core/jobs/recordings.py" line="+73"/>
        <source>reading the recording</source>
        <translation>Aufnahme wird gelesen</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>cutting and sending the pieces</source>
        <translation>Teile werden geschnitten und gesendet</translation>
    </message>
    <message>
        <location line="+59"/>
        <source>Piece {number} of {total} did not come back: {reason} Resubmit the recording to send only the missing pieces.</source>
        <translation>Teil {number} von {total} kam nicht zurück: {reason} Senden Sie die Aufnahme erneut, um nur die fehlenden Teile zu senden.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>{total} pieces</source>
        <translation>{total} Teile</translation>
    </message>
    <message>
        <location line="+48"/>
        <source>A piece&apos;s answer could not be read ({reason}).</source>
        <translation>Die Antwort eines Teils konnte nicht gelesen werden ({reason}).</translation>
    </message>
</context>
<context>
    <name>results</name>
    <message>
        <location filename="../../gui/core/jobs/results.py" line="+86"/>
        <source>The server&apos;s answer is not valid JSON.</source>
        <translation>Die Antwort des Servers ist kein gültiges JSON.</translation>
    </message>
    <message>
        <location line="+84"/>
        <source>Image {number} in the server&apos;s answer is not valid base64.</source>
        <translation>Bild {number} in der Antwort des Servers ist kein gültiges Base64.</translation>
    </message>
</context>
<context>
    <name>save_dialog</name>
    <message>
        <location filename="../../gui/ui/widgets/save_dialog.py" line="+63"/>
        <source>Saved to {path}</source>
        <translation>Gespeichert unter {path}</translation>
    </message>
</context>
<context>
    <name>saving</name>
    <message>
        <location filename="../../gui/core/export/saving.py" line="+19"/>
        <source>Choose an output folder.</source>
        <translation>Wählen Sie einen Ausgabeordner.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The output folder {path} does not exist. Create it or choose another one.</source>
        <translation>Der Ausgabeordner {path} existiert nicht. Legen Sie ihn an oder wählen Sie einen anderen.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{path} is a file, not a folder. Choose a folder.</source>
        <translation>{path} ist eine Datei, kein Ordner. Wählen Sie einen Ordner.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The output folder {path} is read-only. Choose a folder you can write to.</source>
        <translation>Der Ausgabeordner {path} ist schreibgeschützt. Wählen Sie einen Ordner, in den Sie schreiben dürfen.</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>The disk is full: {name} could not be saved. Free some space or choose another folder.</source>
        <translation>Der Datenträger ist voll: {name} konnte nicht gespeichert werden. Geben Sie Speicherplatz frei oder wählen Sie einen anderen Ordner.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{folder} is read-only: {name} could not be saved. Choose a folder you can write to.</source>
        <translation>{folder} ist schreibgeschützt: {name} konnte nicht gespeichert werden. Wählen Sie einen Ordner, in den Sie schreiben dürfen.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The folder {folder} does not exist (any more). Choose another folder.</source>
        <translation>Der Ordner {folder} existiert nicht (mehr). Wählen Sie einen anderen Ordner.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The file name {name}… is too long. Shorten the file-name template.</source>
        <translation>Der Dateiname {name}… ist zu lang. Kürzen Sie die Dateinamen-Vorlage.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{name} could not be saved: {reason}.</source>
        <translation>{name} konnte nicht gespeichert werden: {reason}.</translation>
    </message>
</context>
<context>
    <name>scheduler</name>
    <message>
        <location filename="../../gui/core/jobs/scheduler.py" line="+121"/>
        <source>resubmitted</source>
        <translation>erneut gesendet</translation>
    </message>
    <message>
        <location line="+104"/>
        <location line="+88"/>
        <source>Internal error: {reason}</source>
        <translation>Interner Fehler: {reason}</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>attempt {number}</source>
        <translation>Versuch {number}</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>resumed</source>
        <translation>fortgesetzt</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>{saved} of {total} images saved</source>
        <translation>{saved} von {total} Bildern gespeichert</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>accepted (202)</source>
        <translation>angenommen (202)</translation>
    </message>
    <message>
        <location line="+38"/>
        <source>app closed</source>
        <translation>App geschlossen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>cancelled by the user</source>
        <translation>vom Benutzer abgebrochen</translation>
    </message>
</context>
<context>
    <name>store</name>
    <message>
        <location filename="../../gui/core/jobs/store.py" line="+48"/>
        <source>The job database {path} is locked by another program. Wait a moment and try again; if it stays locked, close other programs that use this data folder.</source>
        <translation>Die Auftragsdatenbank {path} ist von einem anderen Programm gesperrt. Warten Sie einen Moment und versuchen Sie es erneut; bleibt sie gesperrt, schließen Sie andere Programme, die diesen Datenordner verwenden.</translation>
    </message>
    <message>
        <location line="+57"/>
        <source>The job database {path} was written by a newer Queue Desk. Update the app.</source>
        <translation>Die Jobdatenbank {path} stammt von einer neueren Version von Queue Desk. Aktualisieren Sie die App.</translation>
    </message>
    <message>
        <location line="+143"/>
        <source>app stopped</source>
        <translation>App beendet</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>resumed after restart</source>
        <translation>nach dem Neustart fortgesetzt</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>answer saved before the app stopped</source>
        <translation>Antwort vor dem Beenden der App gespeichert</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>app stopped while the job was in flight</source>
        <translation>App beendet, während der Job lief</translation>
    </message>
    <message>
        <location filename="../../gui/core/jobs/write_behind.py" line="+80"/>
        <source>{locked} Job changes are kept and written once it is free.</source>
        <translation>{locked} Die Änderungen an den Aufträgen bleiben erhalten und werden geschrieben, sobald sie frei ist.</translation>
    </message>
</context>
<context>
    <name>subtitles</name>
    <message>
        <location filename="../../gui/core/formats/subtitles.py" line="+52"/>
        <source>the transcript is not a JSON object</source>
        <translation>das Transkript ist kein JSON-Objekt</translation>
    </message>
    <message>
        <location line="+84"/>
        <source>This transcript has no timings, so it cannot be saved as {format}. Ask for verbose_json, srt or vtt to get them.</source>
        <translation>Dieses Transkript hat keine Zeitangaben und kann daher nicht als {format} gespeichert werden. Fordern Sie verbose_json, srt oder vtt an, um Zeitangaben zu erhalten.</translation>
    </message>
</context>
<context>
    <name>tabs</name>
    <message>
        <location filename="../../gui/ui/tabs/audio.py" line="-153"/>
        <source>Submit files</source>
        <translation>Dateien senden</translation>
    </message>
    <message>
        <location filename="../../gui/ui/tabs/base.py" line="-73"/>
        <source>Transcription</source>
        <translation>Transkription</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Translation</source>
        <translation>Übersetzung</translation>
    </message>
    <message>
        <location line="-4"/>
        <source>Chat</source>
        <translation>Chat</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Completions</source>
        <translation>Vervollständigung</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Embeddings</source>
        <translation>Embeddings</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Image edit</source>
        <translation>Bildbearbeitung</translation>
    </message>
    <message>
        <location line="-1"/>
        <source>Images</source>
        <translation>Bilder</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Models</source>
        <translation>Modelle</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Submit</source>
        <translation>Senden</translation>
    </message>
</context>
<context>
    <name>throttle</name>
    <message>
        <location filename="../../gui/core/jobs/throttle.py" line="+88"/>
        <source>Queue paused</source>
        <translation>Warteschlange pausiert</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Waiting {duration} for the rate limit</source>
        <translation>Wartet {duration} wegen des Ratenlimits</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Limited to {count} requests per minute</source>
        <translation>Begrenzt auf {count} Anfragen pro Minute</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Slowed down by the server: {current} of {limit} jobs at once</source>
        <translation>Vom Server gebremst: {current} von {limit} Jobs gleichzeitig</translation>
    </message>
</context>
<context>
    <name>transcript_export</name>
    <message>
        <location filename="../../gui/core/export/transcripts.py" line="+34"/>
        <source>Choose one of {formats}.</source>
        <translation>Wählen Sie eines dieser Formate: {formats}.</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>This job has no audio file to save next to. Choose a folder.</source>
        <translation>Dieser Job hat keine Audiodatei, neben der gespeichert werden könnte. Wählen Sie einen Ordner.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The audio&apos;s folder {folder} no longer exists. Choose a folder.</source>
        <translation>Der Ordner der Audiodatei ({folder}) existiert nicht mehr. Wählen Sie einen Ordner.</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Only a finished transcription or translation can be saved as a transcript.</source>
        <translation>Nur eine fertige Transkription oder Übersetzung kann als Transkript gespeichert werden.</translation>
    </message>
</context>
<context>
    <name>transport_errors</name>
    <message>
        <location filename="../../gui/core/api/transport_errors.py" line="+29"/>
        <source>The secure connection to {host} could not be verified (TLS). Check the base URL, or ask IT for the company&apos;s CA certificate.</source>
        <translation>Die sichere Verbindung zu {host} konnte nicht überprüft werden (TLS). Prüfen Sie die Basis-URL oder fragen Sie die IT nach dem CA-Zertifikat des Unternehmens.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Could not reach {host} through the proxy server (HTTPS_PROXY/HTTP_PROXY). Check the proxy settings, or add the host to NO_PROXY if it should be reached directly.</source>
        <translation>{host} ist über den Proxyserver (HTTPS_PROXY/HTTP_PROXY) nicht erreichbar. Prüfen Sie die Proxy-Einstellungen oder tragen Sie den Host in NO_PROXY ein, wenn er direkt erreicht werden soll.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>The server name {host} could not be found. Check the base URL.</source>
        <translation>Der Servername {host} wurde nicht gefunden. Prüfen Sie die Basis-URL.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Could not connect to {host}. Check the base URL and your network connection.</source>
        <translation>Keine Verbindung zu {host} möglich. Prüfen Sie die Basis-URL und Ihre Netzwerkverbindung.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The connection to {host} was lost before the answer arrived. Try again.</source>
        <translation>Die Verbindung zu {host} ist abgebrochen, bevor die Antwort ankam. Versuchen Sie es erneut.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The server did not answer within {duration}. Long jobs may need a longer read timeout.</source>
        <translation>Der Server hat nicht innerhalb von {duration} geantwortet. Lange Jobs brauchen eventuell ein längeres Lese-Timeout.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Timed out connecting to {host}. Check the base URL and your network or proxy.</source>
        <translation>Zeitüberschreitung beim Verbinden mit {host}. Prüfen Sie die Basis-URL sowie Ihr Netzwerk oder Ihren Proxy.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The base URL {url} is not a valid http(s) address.</source>
        <translation>Die Basis-URL {url} ist keine gültige http(s)-Adresse.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The request to {host} failed ({detail}).</source>
        <translation>Die Anfrage an {host} ist fehlgeschlagen ({detail}).</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>The server answered with a web page. The base URL may point at a web page or proxy rather than the Queue API.</source>
        <translation>Der Server hat mit einer Webseite geantwortet. Die Basis-URL zeigt möglicherweise auf eine Webseite oder einen Proxy statt auf die Queue-API.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The server answered with something that is not JSON ({type}). The base URL may point at a web page or proxy rather than the Queue API.</source>
        <translation>Der Server hat mit etwas geantwortet, das kein JSON ist ({type}). Die Basis-URL zeigt möglicherweise auf eine Webseite oder einen Proxy statt auf die Queue-API.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The server answered with something that is not JSON (no content type). The base URL may point at a web page or proxy rather than the Queue API.</source>
        <translation>Der Server hat mit etwas geantwortet, das kein JSON ist (kein Inhaltstyp). Die Basis-URL zeigt möglicherweise auf eine Webseite oder einen Proxy statt auf die Queue-API.</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>The server redirected the request ({status}) to {host}. Queue Desk does not follow redirects, so the request and your API key went nowhere else. If the service has moved, put its new address in the base URL.</source>
        <translation>Der Server hat die Anfrage umgeleitet ({status}), nach {host}. Queue Desk folgt keinen Umleitungen, daher gingen die Anfrage und Ihr API-Schlüssel nirgendwo anders hin. Ist der Dienst umgezogen, tragen Sie seine neue Adresse als Basis-URL ein.</translation>
    </message>
</context>
<context>
    <name>urls</name>
    <message>
        <location filename="../../gui/core/api/urls.py" line="+26"/>
        <source>The base URL {url} is not a web address. It should look like https://llm-server.llmhub.t-systems.net/queue.</source>
        <translation>Die Basis-URL {url} ist keine Webadresse. Sie sollte etwa so aussehen: https://llm-server.llmhub.t-systems.net/queue.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The base URL {url} uses unencrypted http:// to {host}, so your API key and data would cross the network in clear text. Use https://, or allow plain HTTP for this profile if you are sure.</source>
        <translation>Die Basis-URL {url} verwendet unverschlüsseltes http:// zu {host}; Ihr API-Schlüssel und Ihre Daten würden im Klartext durch das Netzwerk gehen. Verwenden Sie https:// oder erlauben Sie unverschlüsseltes HTTP für dieses Profil, wenn Sie sicher sind.</translation>
    </message>
    <message>
        <location line="+38"/>
        <source>The server gave an unusable link: {url}</source>
        <translation>Der Server hat einen unbrauchbaren Link geliefert: {url}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The server pointed at {host} over unencrypted http://; Queue Desk does not send anything there. Ask the server&apos;s operator to use https://.</source>
        <translation>Der Server verweist über unverschlüsseltes http:// auf {host}; Queue Desk sendet dorthin nichts. Bitten Sie den Betreiber des Servers, https:// zu verwenden.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The server asked Queue Desk to send your API key to another host, {host}; it was refused. Check the base URL, or ask the server&apos;s operator.</source>
        <translation>Der Server wollte, dass Queue Desk Ihren API-Schlüssel an einen anderen Host sendet, {host}; das wurde abgelehnt. Prüfen Sie die Basis-URL oder fragen Sie den Betreiber des Servers.</translation>
    </message>
</context>
<context>
    <name>vectors</name>
    <message>
        <location filename="../../gui/core/formats/vectors.py" line="+49"/>
        <source>The answer holds no embeddings (no data list).</source>
        <translation>Die Antwort enthält keine Embeddings (keine data-Liste).</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The vectors have different lengths ({lengths}).</source>
        <translation>Die Vektoren sind unterschiedlich lang ({lengths}).</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Vector {number} is not valid base64.</source>
        <translation>Vektor {number} ist kein gültiges Base64.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Vector {number} is not a whole number of float32 values.</source>
        <translation>Vektor {number} besteht nicht aus einer ganzen Zahl von float32-Werten.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Vector {number} is not a list of numbers.</source>
        <translation>Vektor {number} ist keine Liste von Zahlen.</translation>
    </message>
</context>
<context>
    <name>window_drops</name>
    <message>
        <location filename="../../gui/ui/window/drops.py" line="+50"/>
        <source>Queue Desk has no use for {kinds} files. Drop audio or video (to transcribe), images (to edit) or a CSV, TSV, XLSX or JSONL table (for a batch).</source>
        <translation>Mit {kinds}-Dateien kann Queue Desk nichts anfangen. Legen Sie Audio oder Video (zum Transkribieren), Bilder (zum Bearbeiten) oder eine CSV-, TSV-, XLSX- oder JSONL-Tabelle (für einen Batch) ab.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>transcribe 1 audio file</source>
        <translation>1 Audiodatei transkribieren</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>transcribe {count} audio files</source>
        <translation>{count} Audiodateien transkribieren</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>edit 1 image</source>
        <translation>1 Bild bearbeiten</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>edit {count} images</source>
        <translation>{count} Bilder bearbeiten</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>open {name} as a batch</source>
        <translation>{name} als Batch öffnen</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Drop to {what}</source>
        <translation>Ablegen, um {what}</translation>
    </message>
</context>
<context>
    <name>window_help</name>
    <message>
        <location filename="../../gui/ui/window/help.py" line="+24"/>
        <source>Submit the current form</source>
        <translation>Das aktuelle Formular senden</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Delete the selected finished jobs (asks first)</source>
        <translation>Die ausgewählten fertigen Jobs löschen (mit Rückfrage)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Close a dialog; in the filter box, clear it</source>
        <translation>Einen Dialog schließen; im Filterfeld: es leeren</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Keyboard shortcuts</source>
        <translation>Tastenkürzel</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>&lt;h3&gt;Queue Desk {version}&lt;/h3&gt;&lt;p&gt;Send AI work to an OpenAI-compatible Queue API and keep the results.&lt;/p&gt;&lt;p&gt;Data folder: {home}&lt;/p&gt;&lt;p&gt;&lt;b&gt;Bundled parts and their licences&lt;/b&gt;&lt;br&gt;Qt {qt} and PySide6: LGPL-3.0&lt;br&gt;qasync: BSD-2-Clause · httpx, httpx-aiohttp: BSD-3-Clause · aiohttp: Apache-2.0&lt;br&gt;keyring, truststore, openpyxl: MIT&lt;br&gt;psutil: BSD-3-Clause · Starlette, uvicorn, python-multipart (the sandbox): BSD-3-Clause&lt;br&gt;Icons: Queue Desk&apos;s own line icons and Qt&apos;s standard icons&lt;/p&gt;</source>
        <translation>&lt;h3&gt;Queue Desk {version}&lt;/h3&gt;&lt;p&gt;KI-Aufträge an eine OpenAI-kompatible Queue-API senden und die Ergebnisse behalten.&lt;/p&gt;&lt;p&gt;Datenordner: {home}&lt;/p&gt;&lt;p&gt;&lt;b&gt;Mitgelieferte Teile und ihre Lizenzen&lt;/b&gt;&lt;br&gt;Qt {qt} und PySide6: LGPL-3.0&lt;br&gt;qasync: BSD-2-Clause · httpx, httpx-aiohttp: BSD-3-Clause · aiohttp: Apache-2.0&lt;br&gt;keyring, truststore, openpyxl: MIT&lt;br&gt;psutil: BSD-3-Clause · Starlette, uvicorn, python-multipart (die Sandbox): BSD-3-Clause&lt;br&gt;Symbole: die eigenen Liniensymbole von Queue Desk und die Standardsymbole von Qt&lt;/p&gt;</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>About Queue Desk</source>
        <translation>Über Queue Desk</translation>
    </message>
</context>
<context>
    <name>window_menus</name>
    <message>
        <location filename="../../gui/ui/window/menus.py" line="+33"/>
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Batch</source>
        <translation>Ba&amp;tch</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&amp;Profiles…</source>
        <translation>&amp;Profile…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Connection profiles and API keys</source>
        <translation>Verbindungsprofile und API-Schlüssel</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Save Result As…</source>
        <translation>Ergebnis &amp;speichern unter…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Save the selected job&apos;s result</source>
        <translation>Das Ergebnis des ausgewählten Jobs speichern</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Open &amp;Data Folder</source>
        <translation>&amp;Datenordner öffnen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The folder with the job history, results and logs</source>
        <translation>Der Ordner mit Jobverlauf, Ergebnissen und Protokollen</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <location line="-21"/>
        <source>&amp;Edit</source>
        <translation>&amp;Bearbeiten</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>&amp;Find Jobs</source>
        <translation>Jobs &amp;suchen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Filter the job table</source>
        <translation>Die Jobtabelle filtern</translation>
    </message>
    <message>
        <location line="-25"/>
        <source>&amp;Jobs</source>
        <translation>&amp;Jobs</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>&amp;Refresh Models</source>
        <translation>&amp;Modelle aktualisieren</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Fetch the server&apos;s model list again</source>
        <translation>Die Modellliste erneut vom Server abrufen</translation>
    </message>
    <message>
        <location line="-33"/>
        <source>&amp;View</source>
        <translation>&amp;Ansicht</translation>
    </message>
    <message>
        <location line="+44"/>
        <source>&amp;Appearance</source>
        <translation>&amp;Erscheinungsbild</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+6"/>
        <source>Follow &amp;System</source>
        <translation>Wie im &amp;System</translation>
    </message>
    <message>
        <location line="-5"/>
        <source>&amp;Light</source>
        <translation>&amp;Hell</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Dark</source>
        <translation>&amp;Dunkel</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Language</source>
        <translation>S&amp;prache</translation>
    </message>
    <message>
        <location line="-47"/>
        <source>&amp;Help</source>
        <translation>&amp;Hilfe</translation>
    </message>
    <message>
        <location line="+53"/>
        <source>&amp;Keyboard Shortcuts</source>
        <translation>&amp;Tastenkürzel</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;About Queue Desk</source>
        <translation>Ü&amp;ber Queue Desk</translation>
    </message>
</context>
<context>
    <name>window_tools</name>
    <message>
        <location filename="../../gui/ui/window/job_tools.py" line="+97"/>
        <source>Transcript saved to {path}</source>
        <translation>Transkript gespeichert unter {path}</translation>
    </message>
</context>
</TS>
