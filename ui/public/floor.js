// The floor page's one act: report the paint two animation frames after showing, as Cadence's Today view does.
requestAnimationFrame(() => requestAnimationFrame(() => window.__TAURI_INTERNALS__.invoke('ui_painted')));
