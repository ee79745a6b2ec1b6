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
/// On a machine without a GPU (no DRM render node: a VM, a remote desktop, a server's X display), Mesa can
/// only emulate one (llvmpipe), and WebKit's default, painting with Skia on the GPU, then costs about twice
/// what Skia's own CPU painting does: measured here, each frame of the Today view 140 ms against 70 ms,
/// for the first paint and every frame after it (`script/measure`). So Cadence asks WebKit to paint with the
/// CPU there, unless the person chose otherwise by setting the variable. With a GPU nothing changes.
/// Called by `main` before the window starts, while no other thread exists (setting a variable is only sound then).
#[cfg(target_os = "linux")]
pub fn paint_with_the_cpu_without_a_gpu() {
    const VAR: &str = "WEBKIT_SKIA_ENABLE_CPU_RENDERING";
    if std::env::var_os(VAR).is_none() && !has_render_node(std::path::Path::new("/dev/dri")) {
        std::env::set_var(VAR, "1");
    }
}

#[cfg(not(target_os = "linux"))]
pub fn paint_with_the_cpu_without_a_gpu() {}

/// Whether `dri` (the kernel's `/dev/dri`) holds a render node (`renderD128`, ...): a GPU a program may draw on.
pub fn has_render_node(dri: &std::path::Path) -> bool {
    std::fs::read_dir(dri)
        .map(|entries| entries.flatten().any(|e| e.file_name().to_string_lossy().starts_with("renderD")))
        .unwrap_or(false)
}

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
#[derive(Debug, Clone, Serialize, ts_rs::TS)]
#[serde(rename_all = "camelCase")]
pub struct ShortcutStatus {
    pub available: bool,
    /// `wayland` or `refused` (the desktop or another program would not let Cadence have it); none when available.
    #[ts(type = r#""wayland" | "refused" | null"#)]
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

#[cfg(test)]
mod tests {
    use super::has_render_node;

    #[test]
    fn a_render_node_is_a_renderd_device_in_the_folder() {
        let dri = tempfile::tempdir().unwrap();
        assert!(!has_render_node(dri.path()), "an empty folder has none");
        assert!(!has_render_node(&dri.path().join("absent")), "no folder, no GPU");
        std::fs::write(dri.path().join("card0"), "").unwrap();
        assert!(!has_render_node(dri.path()), "a display card alone is not a render node");
        std::fs::write(dri.path().join("renderD128"), "").unwrap();
        assert!(has_render_node(dri.path()));
    }
}
