// Dates as a European leader types and reads them, whatever locale WebKit's process runs in: day first, in
// the app's language — `1-12-2026` in Dutch, `01/12/2026` in (British) English — never `12/01/2026` for
// 1 December. WebKitGTK's own <input type="date"> follows the process locale (month first under C.UTF-8), so
// Cadence's date fields are text fields that read and write through these two functions.
export type DateLang = 'en' | 'nl';

/** `YYYY-MM-DD` shown in the language's own short form. */
export function formatDate(iso: string, lang: DateLang): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!m) return iso;
  const [, y, mo, d] = m;
  return lang === 'nl' ? `${Number(d)}-${Number(mo)}-${y}` : `${d}/${mo}/${y}`;
}

/** The short form a person is asked to type. */
export function datePattern(lang: DateLang): string {
  return lang === 'nl' ? 'd-m-jjjj' : 'dd/mm/yyyy';
}

/** A typed date as `YYYY-MM-DD`, or null when it is no date. Day first (`1-12-2026`, `01/12/2026`,
 * `1.12.26`), or ISO `2026-12-01`; separators `-`, `/`, `.` or a space; a two-digit year is this century. */
export function parseDate(text: string): string | null {
  const s = text.trim();
  let y: number, mo: number, d: number;
  const isoMatch = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})$/.exec(s);
  const dayFirst = /^(\d{1,2})[-/. ](\d{1,2})[-/. ](\d{2}|\d{4})$/.exec(s);
  if (isoMatch) {
    [y, mo, d] = [Number(isoMatch[1]), Number(isoMatch[2]), Number(isoMatch[3])];
  } else if (dayFirst) {
    [d, mo, y] = [Number(dayFirst[1]), Number(dayFirst[2]), Number(dayFirst[3])];
    if (dayFirst[3].length === 2) y += 2000;
  } else {
    return null;
  }
  if (y < 1 || mo < 1 || mo > 12 || d < 1) return null;
  const date = new Date(Date.UTC(y, mo - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== mo - 1 || date.getUTCDate() !== d) return null;
  return `${String(y).padStart(4, '0')}-${String(mo).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}
