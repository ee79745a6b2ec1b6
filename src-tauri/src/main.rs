//! `cadence`: with a subcommand, a headless CLI that needs no display; without one, the desktop window.
#![cfg_attr(not(debug_assertions), windows_subsystem = "windows")]

use std::process::ExitCode;

use clap::Parser;

fn main() -> ExitCode {
    let cli = cadence_app::cli::Cli::parse();
    match cli.command {
        Some(cadence_app::cli::Command::QuickLog) => gui(cli.data_dir, true),
        Some(command) => cadence_app::cli::run(command, cli.data_dir, cli.json),
        None => gui(cli.data_dir, false),
    }
}

fn gui(data_dir: Option<std::path::PathBuf>, quick_log: bool) -> ExitCode {
    // Before the window's first thread: see the function.
    cadence_app::desktop::paint_with_the_cpu_without_a_gpu();
    match cadence_app::run_gui(data_dir, quick_log) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("cadence: cannot start the window: {e}");
            ExitCode::FAILURE
        }
    }
}
