"""The Profiles dialog and switching profiles: a key stored in the keyring (in memory here),
show/hide and paste, "Test connection" against the sandbox (success, 401, refused port), and
a switch that rebuilds the engine on the same job history."""
from __future__ import annotations

import pytest
from canned import closed_port
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QApplication, QLineEdit

from gui.core.profiles.keys import SERVICE
from gui.core.profiles.profile import PROVIDER_PROFILE, SANDBOX_PROFILE, ProfileStore
from gui.ui.window.profiles_dialog import ProfilesDialog

pytestmark = pytest.mark.usefixtures("qt_loop")

ODD_KEY = "sk-ä€/+=?&%20\"'`\\$(x)  {ß}"


@pytest.fixture
def dialog(qtbot, qt_settings, home, sandbox):
    profiles = ProfileStore(sandbox_url=sandbox.url)
    box = ProfilesDialog(profiles, SANDBOX_PROFILE)
    qtbot.addWidget(box)
    box.show()
    return box


def fill(dialog, name: str, url: str, key: str = "") -> None:
    dialog.add_profile()
    dialog.name_edit.setText(name)
    dialog.url_edit.setText(url)
    dialog.key_edit.setText(key)


def test_a_new_profile_keeps_its_key_in_the_keyring_only(dialog, qtbot, memory_keyring, home):
    assert not dialog.delete_button.isEnabled()  # the Sandbox, built in
    dialog.select(PROVIDER_PROFILE)
    assert not dialog.delete_button.isEnabled() and dialog.name_edit.isReadOnly()
    fill(dialog, "Team", "https://llm.example.com/queue")
    QApplication.clipboard().setText("  " + ODD_KEY + "\n")
    dialog.key_edit.setFocus()
    dialog.key_edit.paste()
    assert dialog.key_edit.echoMode() is QLineEdit.EchoMode.Password
    qtbot.mouseClick(dialog.show_key, Qt.MouseButton.LeftButton)
    assert dialog.key_edit.echoMode() is QLineEdit.EchoMode.Normal and dialog.show_key.text() == "Hide"
    qtbot.mouseClick(dialog.show_key, Qt.MouseButton.LeftButton)
    assert dialog.key_edit.echoMode() is QLineEdit.EchoMode.Password
    assert dialog.form_key() == ODD_KEY
    assert dialog.save_profile()
    assert memory_keyring.passwords == {(SERVICE, "Team"): ODD_KEY}
    assert "system keyring" in dialog.status.text()
    assert "sk-ä€" not in (home / "profiles.json").read_text(encoding="utf-8")
    assert "Team" in ProfileStore().names()
    dialog.select("Team")
    assert dialog.key_edit.text() == ODD_KEY and dialog.delete_button.isEnabled()
    dialog.delete_profile()
    assert "Team" not in ProfileStore().names() and not memory_keyring.passwords


def test_a_bad_profile_is_not_saved(dialog):
    fill(dialog, "Plain", "http://llm.example.com/queue")
    assert not dialog.save_profile()
    assert "unencrypted" in dialog.status.text()
    dialog.plain_http.setChecked(True)
    assert dialog.save_profile()


def test_connection_success_names_the_model_count(dialog, qtbot, sandbox):
    with qtbot.waitSignal(dialog.tested, timeout=10000) as signal:
        qtbot.mouseClick(dialog.test_button, Qt.MouseButton.LeftButton)
    ok, message = signal.args
    assert ok and "models available" in message and message == dialog.status.text()
    assert sandbox.requests[-1].path.endswith("/queue/models")


def test_connection_with_a_wrong_key_says_so(dialog, qtbot, sandbox):
    sandbox.config.api_key = "the-right-key"
    fill(dialog, "Local", sandbox.url, key="a-wrong-key")
    with qtbot.waitSignal(dialog.tested, timeout=10000) as signal:
        dialog.test_connection()
    assert signal.args == [False, "The API key was not accepted (401). Check the key in the profile settings "
                                  "or in OPENAI_API_KEY."]
    dialog.key_edit.setText("the-right-key")
    with qtbot.waitSignal(dialog.tested, timeout=10000) as signal:
        dialog.test_connection()
    assert signal.args[0] is True


def test_connection_refused_says_so(dialog, qtbot):
    port = closed_port()
    fill(dialog, "Nobody", f"http://127.0.0.1:{port}/queue", key="sk-x")
    with qtbot.waitSignal(dialog.tested, timeout=10000) as signal:
        dialog.test_connection()
    ok, message = signal.args
    assert not ok and message.startswith(f"Could not connect to 127.0.0.1:{port}")
    assert dialog.test_button.isEnabled()


def test_switching_profile_rebuilds_the_engine(qtbot, qt_settings, home, sandbox, memory_keyring, run_async):
    from gui.core.profiles.profile import Profile
    from gui.ui.app import (
        open_session,
        shutdown,
        start_window,
        switch_profile,
    )
    from gui.ui.tabs.chat import ChatTab

    ProfileStore(sandbox_url=sandbox.url).save(Profile("Second", sandbox.url, concurrency=3))
    memory_keyring.set_password(SERVICE, "Second", "sk-second")
    session = open_session(sandbox_url=sandbox.url)
    window = start_window(session)  # not qtbot.addWidget: the switch deletes it
    window.show()
    new_window = new_session = None
    try:
        assert window.windowTitle() == "Sandbox" and window.profile_label.text() == "Sandbox"
        tab = window.tab(ChatTab)
        tab.user_edit.setPlainText("before the switch")
        job = tab.submit()
        qtbot.waitUntil(lambda: job.state.value == "succeeded", timeout=10000)

        sandbox.config.latency = 2.0
        tab.user_edit.setPlainText("still running")
        running = tab.submit()
        with qtbot.assertNotEmitted(window.switch_requested):
            assert not window.request_switch("Second")
        assert window.switch_box.isVisible() and "still running" in window.switch_box.text()
        window.switch_box.close()
        window.engine.scheduler.cancel(running.id)
        qtbot.waitUntil(lambda: window.engine.scheduler.active == 0, timeout=10000)

        dialog = window.open_profiles()
        dialog.select("Second")
        with qtbot.waitSignal(window.switch_requested, timeout=2000) as signal:
            qtbot.mouseClick(dialog.use_button, Qt.MouseButton.LeftButton)
        assert signal.args == ["Second"]
        old_engine = session.engine
        new_window, new_session = run_async(switch_profile(window, session, "Second"))
        qtbot.addWidget(new_window)
        assert new_session.engine is not old_engine and old_engine.client._http.is_closed
        assert new_session.engine.scheduler.throttle.limit == 3
        assert new_window.windowTitle() == "Second" and new_window.profile_label.text() == "Second"
        assert new_window.isVisible()
        assert QSettings().value("profiles/active", "", type=str) == "Second"
        assert new_session.engine.store.get(job.id) is not None  # the same history
        sandbox.config.latency = 0.0
        sandbox.config.api_key = "sk-second"  # the new engine sends the new profile's key
        new_tab = new_window.tab(ChatTab)
        new_tab.user_edit.setPlainText("after the switch")
        after = new_tab.submit()
        qtbot.waitUntil(lambda: after.state.value == "succeeded", timeout=10000)
        # The next start opens the remembered profile.
        again = open_session()
        assert again.profile == "Second"
        run_async(shutdown(None, again.engine))
    finally:
        if new_window is not None:
            new_window.close_without_asking()
            run_async(shutdown(new_window, new_session.engine))
        else:
            window.close_without_asking()
            run_async(shutdown(window, session.engine))
            window.deleteLater()


def test_a_broken_remembered_profile_falls_back_with_a_note(qt_loop, qt_settings, home, tmp_path, run_async):
    from gui.core.profiles.profile import Profile
    from gui.ui.app import open_session, remember_active_profile, shutdown

    bundle = tmp_path / "company.pem"
    bundle.write_text("placeholder")
    ProfileStore().save(Profile("Office", "https://llm.example.com/queue", ca_bundle=str(bundle)))
    remember_active_profile("Office")
    bundle.unlink()
    session = open_session()
    try:
        assert session.profile == PROVIDER_PROFILE
        assert "'Office' cannot be used" in session.notes[0] and "CA bundle" in session.notes[0]
    finally:
        run_async(shutdown(None, session.engine))


def test_a_profile_exactly_as_given_tests_a_v1_gateway_in_the_window(dialog, qtbot):
    from hostile import Hostile, json_answer

    from gui.core.profiles.profile import PathStyle

    with Hostile() as gateway:
        gateway.on("/v1/models", json_answer(b'{"object": "list", "data": [{"id": "mock-chat", "mode": "chat"}]}'))
        fill(dialog, "Gateway", gateway.origin + "/v1", "sk-gateway-key")
        dialog.style_box.setCurrentIndex(dialog.style_box.findData(PathStyle.EXACT))
        assert "Exactly as given" in dialog.style_box.currentText()
        assert dialog.save_profile()
        with qtbot.waitSignal(dialog.tested, timeout=10000) as signal:
            qtbot.mouseClick(dialog.test_button, Qt.MouseButton.LeftButton)
    ok, message = signal.args
    assert ok and "1 model available" in message, message
    assert [s.path for s in gateway.seen] == ["/v1/models"]
    assert ProfileStore().get("Gateway").path_style is PathStyle.EXACT


def test_without_a_keyring_the_dialog_says_so_once_and_promises_nothing(qtbot, qt_settings, home, sandbox):
    import keyring
    import keyring.backends.fail

    previous = keyring.get_keyring()
    keyring.set_keyring(keyring.backends.fail.Keyring())
    try:
        box = ProfilesDialog(ProfileStore(sandbox_url=sandbox.url), SANDBOX_PROFILE)
        qtbot.addWidget(box)
        box.show()
        box.add_profile()
        note = box.key_note.text()
        assert "keyring when you save" not in note and "No system keyring" in note
        fill(box, "Work", "https://example.invalid/queue", "sk-session")
        assert box.save_profile()
        box.select("Work")
        note = box.key_note.text()
        assert note.count("keyring") == 1, note  # the in-memory note, not that plus the keyring problem again
    finally:
        keyring.set_keyring(previous)
