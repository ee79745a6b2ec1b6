// What closing the main window does on a desktop without a tray (Rust asks through `close-asked`): ask, keep
// reminders running in the background, or quit. A choice of this machine, kept in the window's storage.
export type OnClose = 'ask' | 'background' | 'quit';

const KEY = 'cadence.onClose';

export function onClose(): OnClose {
  const v = localStorage.getItem(KEY);
  return v === 'background' || v === 'quit' ? v : 'ask';
}

export function setOnClose(v: OnClose) {
  if (v === 'ask') localStorage.removeItem(KEY);
  else localStorage.setItem(KEY, v);
}
