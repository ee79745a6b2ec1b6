//! Declares the app's own commands to Tauri's ACL, so a command missing from this list (and from the
//! capability file) is refused at the IPC boundary instead of being reachable by default.

/// Every `#[tauri::command]` of the app; keep in step with `commands::handler`.
const COMMANDS: &[&str] = &[
    "app_status",
    "onboard",
    "catalog",
    "people",
    "log_action",
    "update_action",
    "delete_action",
    "restore_action",
    "list_actions",
    "day_counts",
    "ui_painted",
    "person_today",
    "close_quicklog",
    "stats",
    "team",
    "targets",
    "set_target",
    "set_schedule",
    "absences",
    "add_absence",
    "delete_absence",
    "rules",
    "add_rule",
    "update_rule",
    "set_rule_paused",
    "delete_rule",
    "inbox",
    "unread_count",
    "inbox_action",
    "mark_seen",
    "run_reminders",
    "followups",
    "add_followup",
    "close_followup",
    "autostart",
    "export_data",
    "import_preview",
    "import_data",
    "backups",
    "backup_now",
    "restore_backup",
    "recovery_info",
    "recover_backup",
    "catalog_all",
    "add_catalog_entry",
    "update_catalog_entry",
    "add_person",
    "update_person",
];

fn main() {
    tauri_build::try_build(tauri_build::Attributes::new().app_manifest(tauri_build::AppManifest::new().commands(COMMANDS)))
        .expect("tauri build script failed");
}
