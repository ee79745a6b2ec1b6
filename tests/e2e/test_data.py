"""Issue 5 end to end: export from the window, import a CSV with its column mapping, and the recovery
screen that offers the newest good backup when the database is damaged."""
import json

from conftest import until


def test_export_and_import_csv_in_the_window(app, tmp_path):
    downloads = tmp_path / "downloads"
    downloads.mkdir()
    app.extra_env["XDG_DOWNLOAD_DIR"] = str(downloads)
    app.cli("person", "add", "--name", "Anna de Vries", "--tz", "Europe/Amsterdam", "--me")
    app.cli("log", "--person", "Anna de Vries", "--category", "follow-up", "--note", "Exported", "--date", "2026-11-02")
    sheet = tmp_path / "sheet.csv"
    sheet.write_text("Datum,Naam,Categorie,Notitie\n2026-11-03,Anna de Vries,open-communication,\"Town hall, Q&A\"\n"
                     "2026-11-04,Anna de Vries,follow-up,Sent notes\n", encoding="utf-8")
    app.start()
    app.wait("[data-testid=today-view]")
    app.find("[data-nav=data]").click()
    app.wait("[data-testid=data]")

    app.find("[data-testid=export-json]").click()
    saved = app.wait("[data-testid=exported] code").text
    doc = json.loads(open(saved, encoding="utf-8").read())
    assert doc["format"] == "cadence-export" and doc["actions"][0]["note"] == "Exported"
    assert saved.startswith(str(downloads))

    app.find("[data-testid=import-file]").send_keys(str(sheet))
    dry = app.wait("[data-testid=import-dry]")
    assert "Would add 2 actions" in dry.text
    app.screenshot("import-preview")
    app.find("[data-testid=import-go]").click()
    assert "Imported: 2 actions" in app.wait("[data-testid=import-done]").text
    listed = app.cli("list", "--person", "Anna de Vries")
    assert "Town hall, Q&A" in listed and "Sent notes" in listed
    # The same file again adds nothing.
    app.find("[data-testid=import-file]").send_keys(str(sheet))
    assert "Would add nothing new; 2 already there" in app.wait("[data-testid=import-dry]").text


def test_recovery_screen_restores_the_newest_good_backup(app):
    app.cli("person", "add", "--name", "Anna de Vries", "--tz", "Europe/Amsterdam", "--me")
    app.cli("log", "--person", "Anna de Vries", "--category", "follow-up", "--note", "Before the damage")
    app.cli("backup")
    data = bytearray(app.db_file.read_bytes())
    for i in range(4096, min(len(data), 4096 * 6)):
        data[i] = 0x55
    app.db_file.write_bytes(bytes(data))
    for side in ("cadence.sqlite3-wal", "cadence.sqlite3-shm"):
        (app.data / side).unlink(missing_ok=True)
    app.start()
    app.wait("[data-testid=error-screen]")
    app.screenshot("damaged")
    assert app.db_file.read_bytes() == bytes(data), "nothing is written to a damaged file"
    app.wait("[data-testid=recovery]")
    app.screenshot("recovery")
    app.find("[data-testid=recover]").click()
    app.wait("[data-testid=today-view]")
    assert "Before the damage" in app.cli("list")
    assert list(app.data.glob("cadence.sqlite3.broken-*")), "the damaged file is kept aside"


def test_a_failed_backup_says_why_and_a_restore_asks_first(app):
    app.cli("person", "add", "--name", "Anna de Vries", "--tz", "Europe/Amsterdam", "--me")
    app.cli("log", "--person", "Anna de Vries", "--category", "follow-up", "--note", "Before the backup")
    # The backups folder cannot be made: a file of that name is in the way.
    blocker = app.data / "backups"
    blocker.write_text("not a folder")
    app.extra_env["CADENCE_TICK_SECONDS"] = "3600"  # no daily backup of the scheduler's beside the test's own
    app.start()
    app.wait("[data-testid=today-view]")
    app.find("[data-nav=data]").click()
    app.wait("[data-testid=data]")
    app.find("[data-testid=backup-now]").click()
    error = app.wait("[data-testid=data-error]")
    assert "backups" in error.text, error.text
    assert not [b for b in app.find_all("[role=status]") if "Backup written" in b.text], "a failure never reads as written"
    app.screenshot("backup-failed")

    blocker.unlink()
    app.find("[data-testid=backup-now]").click()
    app.wait_text("[role=status]", "Backup written")
    app.cli("log", "--person", "Anna de Vries", "--category", "follow-up", "--note", "After the backup")
    # Restore asks in place; Cancel changes nothing, Yes restores.
    restore = app.wait("[data-testid=backups] li button")
    restore.click()
    ask = app.wait("[data-testid=restore-confirm]")
    assert "kept as a backup" in ask.text
    app.screenshot("restore-confirm")
    assert app.driver.execute_script("return document.activeElement.dataset.testid") == "restore-yes", "the question has the focus"
    app.find("[data-testid=restore-cancel]").click()
    assert until(lambda: not app.find_all("[data-testid=restore-confirm]"), 5)
    assert "After the backup" in app.cli("list"), "cancel restores nothing"
    app.find("[data-testid=backups] li button").click()
    app.wait("[data-testid=restore-yes]").click()
    app.wait_text("[role=status]", "Restored")
    listed = app.cli("list")
    assert "Before the backup" in listed and "After the backup" not in listed
