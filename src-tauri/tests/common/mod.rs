//! The app on Tauri's mock runtime, for command tests: the real invoke handler, capability and
//! serialisation, over a real database file in `dir`.
#![allow(dead_code)]

use std::path::Path;

use serde_json::Value;
use tauri::ipc::{CallbackFn, InvokeBody};
use tauri::test::{get_ipc_response, mock_builder, MockRuntime, INVOKE_KEY};
use tauri::webview::InvokeRequest;
use tauri::{App, WebviewWindow, WebviewWindowBuilder};

pub struct MockApp {
    _app: App<MockRuntime>,
    pub webview: WebviewWindow<MockRuntime>,
}

impl MockApp {
    pub fn new(dir: &Path) -> MockApp {
        let app = cadence_app::builder(mock_builder(), cadence_app::open_state(Some(dir.to_path_buf())))
            .build(tauri::generate_context!())
            .expect("mock app");
        let webview = WebviewWindowBuilder::new(&app, "main", Default::default()).build().expect("main window");
        MockApp { _app: app, webview }
    }

    /// Opens another window of the app, such as the quick log (`quicklog`), under its own capability.
    pub fn window(&self, label: &str) -> WebviewWindow<MockRuntime> {
        WebviewWindowBuilder::new(&self._app, label, Default::default()).build().expect("window")
    }

    /// The app's handle, for what the scheduler or the window's lifecycle would call.
    pub fn handle(&self) -> &tauri::AppHandle<MockRuntime> {
        self._app.handle()
    }

    /// Invokes a command as the main window would; `Err` holds the error the UI would receive.
    pub fn invoke(&self, cmd: &str, body: Value) -> Result<Value, Value> {
        invoke_in(&self.webview, cmd, body)
    }
}

/// Invokes a command as `webview` would, through the capability of its window.
pub fn invoke_in(webview: &WebviewWindow<MockRuntime>, cmd: &str, body: Value) -> Result<Value, Value> {
    get_ipc_response(
        webview,
        InvokeRequest {
            cmd: cmd.into(),
            callback: CallbackFn(0),
            error: CallbackFn(1),
            // Linux serves the app from tauri://localhost; the capability allows local URLs only.
            url: "tauri://localhost".parse().expect("url"),
            body: InvokeBody::Json(body),
            headers: Default::default(),
            invoke_key: INVOKE_KEY.to_string(),
        },
    )
    .map(|b| b.deserialize::<Value>().unwrap_or(Value::Null))
}
