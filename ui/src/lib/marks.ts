// Start-up marks for the measuring script (tests/perf/measure_ui.py): the page's steps to the first painted
// Today view, sent with `ui_painted`, which writes them only when the app runs under measurement.
const marks: [string, number][] = [];

/** Notes that the step `name` happened now (epoch milliseconds). */
export function mark(name: string) {
  marks.push([name, performance.timeOrigin + performance.now()]);
}

/** Notes that the step `name` happened at `at`, a `performance.now()` time (an animation frame's start). */
export function markAt(name: string, at: number) {
  marks.push([name, performance.timeOrigin + at]);
}

let sent = false;

/** The page's marks for `ui_painted`, the first time only (the Today view mounts again at every visit). */
export function pageMarksOnce(): [string, number][] | null {
  if (sent) return null;
  sent = true;
  return pageMarks();
}

/** The page's marks so far, with the browser's own: navigation start, the document and the bundle loaded. */
export function pageMarks(): [string, number][] {
  const at = (ms: number) => performance.timeOrigin + ms;
  const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming | undefined;
  const own: [string, number][] = [['navigation', performance.timeOrigin]];
  if (nav) own.push(['document', at(nav.responseEnd)], ['dom-interactive', at(nav.domInteractive)]);
  for (const p of performance.getEntriesByType('paint')) own.push([p.name, at(p.startTime)]);
  for (const r of performance.getEntriesByType('resource') as PerformanceResourceTiming[]) {
    const file = r.name.split('/').pop() ?? r.name;
    if (/\.(js|css)$/.test(file)) own.push([`loaded:${file.replace(/-[\w-]{6,}\./, '.')}`, at(r.responseEnd)]);
  }
  return [...own, ...marks];
}
