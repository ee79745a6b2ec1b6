//! The app's `#[tauri::command]`s, one module per area; each body is a call into cadence-core.

pub mod actions;
pub mod data;
pub mod organisation;
pub mod reminders;
pub mod rhythm;
pub mod setup;
pub mod stats;

/// The invoke handler with every command; keep in step with `COMMANDS` in build.rs.
pub fn handler<R: tauri::Runtime>() -> impl Fn(tauri::ipc::Invoke<R>) -> bool + Send + Sync + 'static {
    tauri::generate_handler![
        setup::app_status,
        setup::onboard,
        setup::catalog,
        setup::people,
        setup::ui_painted,
        setup::quit_app,
        setup::run_in_background,
        setup::shortcut_status,
        setup::person_today,
        setup::close_quicklog,
        setup::quicklog_shortcut,
        setup::set_locale,
        actions::log_action,
        actions::update_action,
        actions::delete_action,
        actions::restore_action,
        actions::list_actions,
        actions::day_counts,
        stats::stats,
        stats::team,
        rhythm::targets,
        rhythm::set_target,
        rhythm::set_schedule,
        rhythm::absences,
        rhythm::add_absence,
        rhythm::delete_absence,
        reminders::rules,
        reminders::add_rule,
        reminders::update_rule,
        reminders::set_rule_paused,
        reminders::delete_rule,
        reminders::inbox,
        reminders::unread_count,
        reminders::inbox_action,
        reminders::mark_seen,
        reminders::run_reminders,
        reminders::followups,
        reminders::add_followup,
        reminders::close_followup,
        reminders::update_followup,
        reminders::delete_followup,
        reminders::restore_followup,
        reminders::autostart,
        data::export_data,
        data::monthly_review,
        data::review_pdf,
        data::import_preview,
        data::import_data,
        data::backups,
        data::backup_now,
        organisation::catalog_all,
        organisation::add_catalog_entry,
        organisation::update_catalog_entry,
        organisation::add_person,
        organisation::update_person,
        organisation::people_all,
        organisation::archive_person,
        organisation::restore_person,
        data::restore_backup,
        data::recovery_info,
        data::recover_backup,
    ]
}
