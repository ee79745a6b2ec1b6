//! The floor under Cadence's start-up figure: the least a Tauri 2 window does on this machine. One window on a
//! near-empty page (ui/public/floor.html) that, two animation frames after it is shown, reports its paint as
//! the app's Today view does (`ui_painted`, a `first-paint <µs>` line in CADENCE_MEASURE_FILE). No database,
//! no plugins. `tests/perf/measure_ui.py` starts it as it starts Cadence, in the same run, so the README can
//! say how much of the start-up is Cadence's own.

use tauri::{WebviewUrl, WebviewWindowBuilder};

#[tauri::command]
fn ui_painted() -> Result<(), String> {
    let Some(file) = std::env::var_os("CADENCE_MEASURE_FILE") else { return Ok(()) };
    let line = format!("first-paint {}\n", chrono::Utc::now().timestamp_micros());
    std::fs::write(&file, line).map_err(|e| e.to_string())
}

fn main() {
    let mut context = tauri::generate_context!();
    // Cadence's own window (index.html) is not built: only the floor page's.
    context.config_mut().app.windows.clear();
    let result = tauri::Builder::default()
        .invoke_handler(tauri::generate_handler![ui_painted])
        .setup(|app| {
            WebviewWindowBuilder::new(app, "main", WebviewUrl::App("floor.html".into())).title("Floor").inner_size(1180.0, 800.0).build()?;
            Ok(())
        })
        .run(context);
    if let Err(e) = result {
        eprintln!("floor: {e}");
        std::process::exit(1);
    }
}
