//! What this desktop offers Cadence: a tray to live in while the window is closed, and global shortcuts.
//! Neither is everywhere (a bare X server, GNOME without its AppIndicator extension, Wayland), and the window
//! must behave well without them: closing asks instead of hiding where no tray would show the app, and the
//! Reminders view offers `cadence quick-log` where no global shortcut can be had.

use serde::Serialize;

/// Whether a tray host is there to show Cadence's icon now: on Linux, a StatusNotifier watcher on the session
/// bus with a host registered (what libayatana-appindicator needs). Asked at every close, since a panel can
/// come and go during a session; the bus answers at once when nobody owns the name. A desktop with only an
/// old XEmbed tray counts as none (GDK cannot see a foreign selection owner): there the window asks, and the
/// answer can be remembered. Windows and macOS always have one.
#[cfg(target_os = "linux")]
pub fn tray_host_present() -> bool {
    use gio::prelude::*;
    let Ok(bus) = gio::bus_get_sync(gio::BusType::Session, gio::Cancellable::NONE) else { return false };
    let args = ("org.kde.StatusNotifierWatcher", "IsStatusNotifierHostRegistered").to_variant();
    // No auto-start, a short timeout: the answer is "no" at once when nobody owns the name.
    let reply = bus.call_sync(
        Some("org.kde.StatusNotifierWatcher"),
        "/StatusNotifierWatcher",
        "org.freedesktop.DBus.Properties",
        "Get",
        Some(&args),
        None,
        gio::DBusCallFlags::NO_AUTO_START,
        300,
        gio::Cancellable::NONE,
    );
    reply.ok().and_then(|v| v.child_value(0).as_variant()).and_then(|v| v.get::<bool>()).unwrap_or(false)
}

#[cfg(not(target_os = "linux"))]
pub fn tray_host_present() -> bool {
    true
}

/// Ends Cadence as Quit does when the session ends (logout sends SIGTERM, a closed terminal SIGHUP, Ctrl+C
/// SIGINT): the database is closed, so its session marker goes and the next start is not taken for a crash
/// (which would read the whole file before showing the window). Installed before the app is built, on GLib's
/// main loop: a signal that comes while Cadence is still starting waits for the loop, by which time `setup`
/// has put the app's handle in the returned slot.
#[cfg(target_os = "linux")]
pub fn end_with_the_session() -> std::sync::Arc<std::sync::OnceLock<tauri::AppHandle>> {
    let slot: std::sync::Arc<std::sync::OnceLock<tauri::AppHandle>> = Default::default();
    // SIGHUP, SIGINT, SIGTERM (the same numbers on every Linux).
    for signal in [1, 2, 15] {
        let slot = slot.clone();
        glib::unix_signal_add_local(signal, move || {
            use tauri::Manager;
            match slot.get() {
                Some(app) => {
                    app.state::<crate::state::AppState>().close();
                    app.exit(0);
                }
                None => std::process::exit(0),
            }
            glib::ControlFlow::Break
        });
    }
    slot
}

#[cfg(not(target_os = "linux"))]
pub fn end_with_the_session() -> std::sync::Arc<std::sync::OnceLock<tauri::AppHandle>> {
    Default::default()
}

/// A Wayland session: global shortcuts of X11 programs do not reach Cadence there (only keys pressed in
/// its own windows would), so the shortcut counts as unavailable even when registering it "worked".
pub fn is_wayland() -> bool {
    std::env::var("XDG_SESSION_TYPE").is_ok_and(|s| s.eq_ignore_ascii_case("wayland")) || std::env::var_os("WAYLAND_DISPLAY").is_some()
}

/// Whether the quick log's global shortcut works here, and what to bind instead when it does not.
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ShortcutStatus {
    pub available: bool,
    /// `wayland` or `refused` (the desktop or another program would not let Cadence have it); none when available.
    pub reason: Option<String>,
    /// The error the desktop gave, when it refused.
    pub detail: Option<String>,
    /// The command to bind to a key in the desktop's keyboard settings: this very binary with `quick-log`.
    pub command: String,
}

/// The command that opens the running app's quick log, as a desktop's keyboard settings want it.
pub fn quick_log_command() -> String {
    let exe = std::env::current_exe().map(|p| p.display().to_string()).unwrap_or_else(|_| "cadence".into());
    format!("{exe} quick-log")
}
