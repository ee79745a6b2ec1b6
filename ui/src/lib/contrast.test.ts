// WCAG 2.1 AA colour contrast, proven on the real stylesheet in light and dark mode.
//
// The test reads app.css itself: the colour tokens of `:root` and of the `prefers-color-scheme: dark` block, and
// the colour declarations of the rules that paint text on a background (looked up by selector, so a renamed or
// recoloured rule is checked as it is). With the colour maths of colour.ts it resolves `var()`, composites
// translucent layers and `color-mix(in srgb, …)` the way CSS Color 5 defines it, then computes the WCAG contrast
// ratio of every pair.
//
// Thresholds (WCAG 2.1): normal text 4.5:1 (SC 1.4.3); large text — 24px, or 18.66px bold — 3:1; component
// boundaries, state indicators and focus outlines 3:1 (SC 1.4.11). Disabled controls are exempt (SC 1.4.3).
//
// Decorative, not checked, and why:
// - `--line` (card and table borders, dividers, the borders of ghost buttons, chips, week days and category
//   buttons, kbd). Those controls are identified by their text, not by their outline, so the border is not
//   needed to see the component (Understanding 1.4.11, "Boundaries"). Text inputs, selects and text areas are
//   different: on a card they have the card's own background, so their border is the only thing that shows
//   where to type. They use `--field-line`, which is checked at 3:1 against the card and the page.
// - The category stripe on an entry, the top border of a score card, the score ring and the audience bars: the
//   same information is written next to them as text (the category label, the score, "n days ago").
// - Chart marks (heatmap cells, trend lines): each chart has a table alternative with the numbers.
import { describe, expect, it } from 'vitest';
import css from '../app.css?raw';
import { CATEGORY_INK, SCHEME_TOKENS, categoryTextContrast, hexOf, over, parseColour, ratio, splitTop, type Scheme } from './colour';

// ---------------------------------------------------------------- stylesheet parsing

type Rule = { media: string | null; selectors: string[]; decls: Record<string, string> };

/** A small CSS parser: style rules, one level of @media, declarations as written (last one wins). */
function parseRules(source: string, media: string | null = null): Rule[] {
  const text = source.replace(/\/\*[\s\S]*?\*\//g, '');
  const rules: Rule[] = [];
  let i = 0;
  while (i < text.length) {
    const open = text.indexOf('{', i);
    if (open < 0) break;
    const prelude = text.slice(i, open).trim();
    let depth = 1;
    let j = open + 1;
    while (j < text.length && depth > 0) {
      if (text[j] === '{') depth++;
      else if (text[j] === '}') depth--;
      j++;
    }
    const body = text.slice(open + 1, j - 1);
    if (prelude.startsWith('@media')) {
      rules.push(...parseRules(body, prelude.slice('@media'.length).trim()));
    } else if (!prelude.startsWith('@')) {
      const decls: Record<string, string> = {};
      for (const decl of splitTop(body, ';')) {
        const colon = decl.indexOf(':');
        if (colon > 0) decls[decl.slice(0, colon).trim()] = decl.slice(colon + 1).trim().replace(/\s+/g, ' ');
      }
      rules.push({ media, selectors: splitTop(prelude, ',').map((s) => s.replace(/\s+/g, ' ')), decls });
    }
    i = j;
  }
  return rules;
}

const rules = parseRules(css);
const isDark = (media: string | null) => media !== null && /prefers-color-scheme:\s*dark/.test(media);

/** The custom properties of `:root` for a colour scheme (the dark block overrides the light one). */
function rootVars(scheme: Scheme): Record<string, string> {
  const vars: Record<string, string> = {};
  for (const rule of rules) {
    if (!rule.selectors.includes(':root')) continue;
    if (rule.media !== null && !(scheme === 'dark' && isDark(rule.media))) continue;
    for (const [name, value] of Object.entries(rule.decls)) if (name.startsWith('--')) vars[name] = value;
  }
  return vars;
}

/** The custom properties a rule sets on its element (e.g. `.category { --cat: …; --cat-ink: … }`). */
function scopeVars(selector: string): Record<string, string> {
  const vars: Record<string, string> = {};
  for (const rule of rules) {
    if (rule.media !== null || !rule.selectors.includes(selector)) continue;
    for (const [name, value] of Object.entries(rule.decls)) if (name.startsWith('--')) vars[name] = value;
  }
  return vars;
}

const COLOUR_TOKEN = /^(#[0-9a-f]{3,8}|(rgba?|color-mix|var)\(.*\)|transparent|white|black)$/i;

/**
 * The colour a rule gives a property, as written in app.css (`var(--accent)`, `color-mix(…)`, `#fff`). Shorthands
 * are searched for their colour: `border`, `outline`, `box-shadow`. A missing declaration yields a value that fails
 * to parse, so the pair using it fails with the selector in its message.
 */
function style(selector: string, prop: 'color' | 'background' | 'border-color' | 'outline-color' | 'box-shadow'): string {
  const candidates: Record<typeof prop, string[]> = {
    color: ['color'],
    background: ['background-color', 'background'],
    'border-color': ['border-color', 'border'],
    'outline-color': ['outline-color', 'outline'],
    'box-shadow': ['box-shadow'],
  };
  for (const rule of [...rules].reverse()) {
    if (rule.media !== null || !rule.selectors.includes(selector)) continue;
    for (const name of candidates[prop]) {
      const value = rule.decls[name];
      if (value === undefined) continue;
      if (COLOUR_TOKEN.test(value)) return value;
      const token = splitTop(value, ' ').reverse().find((t) => COLOUR_TOKEN.test(t));
      if (token) return token;
    }
  }
  return `missing(${prop} of "${selector}" in app.css)`;
}

// ---------------------------------------------------------------- pairs

type Need = 'text' | 'large' | 'ui';
const MIN: Record<Need, number> = { text: 4.5, large: 3, ui: 3 };

type Pair = {
  name: string;
  /** The foreground colour (text, outline, border, indicator) as a CSS colour expression. */
  fg: string;
  /** Background layers, bottom first; the first must be opaque. */
  on: string[];
  need: Need;
  /** Opacity of the foreground's element (e.g. `.primary kbd { opacity: 0.7 }`). */
  opacity?: number;
  /** Rules whose custom properties apply on the element (e.g. `.entry` sets --cat and --cat-ink). */
  scope?: string[];
  /** Inline custom properties, as a component sets them (`style:--cat={colour}`). */
  vars?: Record<string, string>;
};

type Verdict = { ok: boolean; ratio: number; fg: string; bg: string; message: string };

function verdict(pair: Pair, scheme: Scheme): Verdict {
  const vars = { ...rootVars(scheme), ...Object.assign({}, ...(pair.scope ?? []).map(scopeVars)), ...pair.vars };
  try {
    const [first, ...rest] = pair.on.map((layer) => parseColour(layer, vars));
    if (first[3] !== 1) throw new Error(`the bottom background layer of "${pair.name}" is not opaque`);
    const bg = rest.reduce((under, layer) => over(layer, under), first);
    const raw = parseColour(pair.fg, vars);
    const fg = over([raw[0], raw[1], raw[2], raw[3] * (pair.opacity ?? 1)], bg);
    const r = ratio(fg, bg);
    const ok = r >= MIN[pair.need];
    const message = `${scheme}: ${pair.name} — ${hexOf(fg)} on ${hexOf(bg)} is ${r.toFixed(2)}:1, needs ${MIN[pair.need]}:1 (${pair.need})`;
    return { ok, ratio: r, fg: hexOf(fg), bg: hexOf(bg), message };
  } catch (e) {
    return { ok: false, ratio: NaN, fg: '?', bg: '?', message: `${scheme}: ${pair.name} — ${(e as Error).message}` };
  }
}

const P = 'var(--panel)';
const B = 'var(--bg)';

// The default category colours: DEFAULT_CATEGORIES in src-tauri/core/src/catalog.rs (Vite may not read files outside
// ui/, so they are repeated here; change both together). Plus the fallback `.entry` uses for an unknown category.
const defaultCategories = ['#2563eb', '#16a34a', '#d97706'];
const categoryColours = [...defaultCategories, scopeVars('.entry')['--cat']];

function pairs(): Pair[] {
  const list: Pair[] = [
    // Body and muted text on the page and on cards.
    { name: 'body text (--ink) on --bg', fg: 'var(--ink)', on: [B], need: 'text' },
    { name: 'body text (--ink) on --panel', fg: 'var(--ink)', on: [P], need: 'text' },
    { name: 'muted text (--muted) on --bg', fg: style('.muted', 'color'), on: [B], need: 'text' },
    { name: 'muted text (--muted) on --panel', fg: style('.muted', 'color'), on: [P], need: 'text' },
    { name: 'input placeholder on its field', fg: style('::placeholder', 'color'), on: [style('input', 'background')], need: 'text' },
    { name: 'archived entry name (Organisation) on its field', fg: style('.org-list li.archived input.grow', 'color'), on: [style('input', 'background')], need: 'text' },
    { name: 'snoozed inbox item text on card', fg: style('.inbox-item.snoozed .inbox-main', 'color'), on: [P], need: 'text' },
    { name: 'paused reminder row text on card', fg: style('tr.paused td:not(.row-tools)', 'color'), on: [P], need: 'text' },
    { name: 'kbd text on kbd', fg: style('kbd', 'color'), on: [P, style('kbd', 'background')], need: 'text' },
    { name: 'code text on code', fg: 'var(--ink)', on: [P, style('code', 'background')], need: 'text' },
    { name: 'splash (large, --muted) on --bg', fg: style('.splash', 'color'), on: [B], need: 'large' },
    // Accent text and primary controls.
    { name: 'eyebrow (--accent) on --bg', fg: style('.eyebrow', 'color'), on: [B], need: 'text' },
    { name: 'link / eyebrow (--accent) on --panel', fg: style('.link', 'color'), on: [P], need: 'text' },
    { name: 'table toggle (details summary) on --panel', fg: style('details.alt summary', 'color'), on: [P], need: 'text' },
    { name: 'today in week strip (--accent) on week day', fg: style('.week-day.is-today .dm', 'color'), on: [style('.week-day', 'background')], need: 'text' },
    { name: 'week-day name (--muted) on week day', fg: style('.week-day .wd', 'color'), on: [style('.week-day', 'background')], need: 'text' },
    { name: 'primary button (--accent-ink on --accent)', fg: style('.primary', 'color'), on: [style('.primary', 'background')], need: 'text' },
    { name: 'kbd inside primary button (opacity .7)', fg: style('.primary', 'color'), on: [style('.primary', 'background')], need: 'text', opacity: 0.7 },
    { name: 'segmented selected (--accent-ink on --accent)', fg: style('.segmented button.selected', 'color'), on: [P, style('.segmented button.selected', 'background')], need: 'text' },
    { name: 'nav item on sidebar', fg: style('.nav-item', 'color'), on: [P], need: 'text' },
    { name: 'nav item hovered', fg: style('.nav-item', 'color'), on: [P, style('.nav-item:hover', 'background')], need: 'text' },
    { name: 'nav item active', fg: style('.nav-item.active', 'color'), on: [P, style('.nav-item.active', 'background')], need: 'text' },
    { name: 'unread badge (white on red)', fg: style('.badge-count', 'color'), on: [P, style('.badge-count', 'background')], need: 'text' },
    // Chips, tags, pills.
    { name: 'chip on --panel', fg: 'var(--ink)', on: [style('.chip', 'background')], need: 'text' },
    { name: 'chip selected', fg: style('.chip.selected', 'color'), on: [P, style('.chip.selected', 'background')], need: 'text' },
    { name: 'value chip selected', fg: style('.chip.value.selected', 'color'), on: [P, style('.chip.value.selected', 'background')], need: 'text' },
    { name: 'audience tag', fg: style('.tag', 'color'), on: [P, style('.tag', 'background')], need: 'text' },
    { name: 'audience tag on a fresh entry', fg: style('.tag', 'color'), on: [P, style('.entry.fresh', 'background'), style('.tag', 'background')], need: 'text' },
    { name: 'value tag', fg: style('.tag.value', 'color'), on: [P, style('.tag.value', 'background')], need: 'text' },
    { name: 'value tag on a fresh entry', fg: style('.tag.value', 'color'), on: [P, style('.entry.fresh', 'background'), style('.tag.value', 'background')], need: 'text' },
    { name: 'pill "on track"', fg: style('.pill.ok', 'color'), on: [P, style('.pill.ok', 'background')], need: 'text' },
    { name: 'pill "slipping"', fg: style('.pill.warn', 'color'), on: [P, style('.pill.warn', 'background')], need: 'text' },
    // Banners, errors, warnings.
    { name: 'banner.info text', fg: style('.banner.info', 'color'), on: [B, style('.banner.info', 'background')], need: 'text' },
    { name: 'link inside banner.info', fg: style('.link', 'color'), on: [B, style('.banner.info', 'background')], need: 'text' },
    { name: 'banner.error text', fg: style('.banner.error', 'color'), on: [B, style('.banner.error', 'background')], need: 'text' },
    { name: 'field error (--danger) on --panel', fg: style('.field-error', 'color'), on: [P], need: 'text' },
    { name: 'field error on recovery box', fg: style('.field-error', 'color'), on: [P, style('.recovery', 'background')], need: 'text' },
    { name: 'recovery box text', fg: 'var(--ink)', on: [P, style('.recovery', 'background')], need: 'text' },
    { name: 'recovery box muted text', fg: style('.muted', 'color'), on: [P, style('.recovery', 'background')], need: 'text' },
    { name: 'slip note on score card', fg: style('.slip-note', 'color'), on: [P], need: 'text' },
    { name: 'neglected value label', fg: style('.bars li.neglected .bar-label', 'color'), on: [P], need: 'text' },
    { name: 'overdue follow-up', fg: style('.followup-list li.overdue .grow', 'color'), on: [P], need: 'text' },
    { name: 'error icon "!" (large)', fg: style('.error-icon', 'color'), on: [P, style('.error-icon', 'background')], need: 'large' },
    { name: '"why" explanation', fg: 'var(--ink)', on: [P, style('.why', 'background')], need: 'text' },
    // Timeline and toast.
    { name: 'entry time / meta (--muted) on a fresh entry', fg: style('.entry-time', 'color'), on: [P, style('.entry.fresh', 'background')], need: 'text' },
    { name: 'entry tool icons (opacity .55, non-text)', fg: 'var(--ink)', on: [P, style('.entry.fresh', 'background')], need: 'ui', opacity: 0.55 },
    { name: 'toast text', fg: style('.toast', 'color'), on: [style('.toast', 'background')], need: 'text' },
    { name: 'toast link (Undo)', fg: style('.toast .link', 'color'), on: [style('.toast', 'background')], need: 'text' },
    // Non-text: focus, field boundaries, state indicators.
    { name: 'focus outline vs --bg', fg: style(':focus-visible', 'outline-color'), on: [B], need: 'ui' },
    { name: 'focus outline vs --panel', fg: style(':focus-visible', 'outline-color'), on: [P], need: 'ui' },
    { name: 'focus outline vs banner.info', fg: style(':focus-visible', 'outline-color'), on: [B, style('.banner.info', 'background')], need: 'ui' },
    { name: 'focus outline vs recovery box', fg: style(':focus-visible', 'outline-color'), on: [P, style('.recovery', 'background')], need: 'ui' },
    { name: 'focus outline inside the toast', fg: style('.toast :focus-visible', 'outline-color'), on: [style('.toast', 'background')], need: 'ui' },
    { name: 'input/select border vs --panel', fg: style('input', 'border-color'), on: [P], need: 'ui' },
    { name: 'input/select border vs --bg', fg: style('input', 'border-color'), on: [B], need: 'ui' },
    { name: 'invalid input border vs --panel', fg: style("input[aria-invalid='true']", 'border-color'), on: [P], need: 'ui' },
    { name: 'selected chip border vs --panel', fg: style('.chip.selected', 'border-color'), on: [P], need: 'ui' },
    { name: 'selected value chip border vs --panel', fg: style('.chip.value.selected', 'border-color'), on: [P], need: 'ui' },
    { name: 'selected segment vs --panel', fg: style('.segmented button.selected', 'background'), on: [P], need: 'ui' },
    { name: 'selected week day border vs --panel', fg: style('.week-day.selected', 'border-color'), on: [P], need: 'ui' },
    { name: 'activity dots in week strip vs week day', fg: style('.week-day .dots i', 'background'), on: [style('.week-day', 'background')], need: 'ui' },
    { name: 'active nav marker vs sidebar', fg: style('.nav-item.active', 'box-shadow'), on: [P], need: 'ui' },
    { name: 'active nav marker vs active background', fg: style('.nav-item.active', 'box-shadow'), on: [P, style('.nav-item.active', 'background')], need: 'ui' },
    // The channel mix's bars (ChannelMix.svelte draws them in --accent and --warm): not needed to read the
    // numbers (the table has them), but a bar that vanishes into the card, as the light accent did in dark
    // mode, leaves the chart empty. Checked as graphics.
    { name: 'channel mix bar, internal (--accent) vs --panel', fg: 'var(--accent)', on: [P], need: 'ui' },
    { name: 'channel mix bar, external (--warm) vs --panel', fg: 'var(--warm)', on: [P], need: 'ui' },
    // The warning under a hard-to-read category colour (Organisation.svelte colours it --warm-ink).
    { name: 'category colour warning (--warm-ink) on --panel', fg: 'var(--warm-ink)', on: [P], need: 'text' },
  ];
  // Category colours where they colour text or show a state.
  for (const cat of categoryColours) {
    const vars = { '--cat': cat };
    list.push(
      { name: `${cat} category label (timeline) on --panel`, fg: style('.badge', 'color'), on: [P], need: 'text', scope: ['.entry'], vars },
      { name: `${cat} category label on a fresh entry`, fg: style('.badge', 'color'), on: [P, style('.entry.fresh', 'background')], need: 'text', scope: ['.entry'], vars },
      { name: `${cat} category key (1/2/3)`, fg: style('.category .category-key', 'color'), on: [P, style('.category .category-key', 'background')], need: 'text', scope: ['.category'], vars },
      { name: `${cat} selected category label`, fg: style('.category.selected', 'color'), on: [style('.category.selected', 'background')], need: 'text', scope: ['.category'], vars },
      { name: `${cat} selected category key`, fg: style('.category.selected .category-key', 'color'), on: [style('.category.selected', 'background'), style('.category.selected .category-key', 'background')], need: 'text', scope: ['.category'], vars },
      { name: `${cat} selected category fill vs --panel`, fg: style('.category.selected', 'background'), on: [P], need: 'ui', scope: ['.category'], vars },
      { name: `${cat} category score (large) on --panel`, fg: style('.score-big', 'color'), on: [P], need: 'large', scope: ['.score-card'], vars },
    );
  }
  return list;
}

// ---------------------------------------------------------------- tests

describe('contrast maths', () => {
  // The maths itself (parsing, color-mix, ratios) is tested in colour.test.ts.
  it('rejects a known failing pair', () => {
    const grey = verdict({ name: 'grey #777 on white', fg: '#777', on: ['#fff'], need: 'text' }, 'light');
    expect(grey.ratio).toBeCloseTo(4.48, 2);
    expect(grey.ok).toBe(false);
    expect(grey.message).toContain('grey #777 on white');
    expect(grey.message).toContain('4.48:1, needs 4.5:1');
    expect(verdict({ name: 'as large text', fg: '#777', on: ['#fff'], need: 'large' }, 'light').ok).toBe(true);
  });

  it('reads both colour schemes and the default category colours', () => {
    const light = rootVars('light');
    const dark = rootVars('dark');
    for (const token of ['--bg', '--panel', '--ink', '--muted', '--accent', '--accent-ink', '--danger', '--focus']) {
      expect(light[token], token).toMatch(/^#/);
      expect(dark[token], token).toMatch(/^#/);
    }
    expect(dark['--bg']).not.toBe(light['--bg']);
    expect(defaultCategories).toHaveLength(3);
  });

  it("colour.ts's copy of the tokens and of --cat-ink is what app.css declares", () => {
    for (const scheme of ['light', 'dark'] as const) {
      const vars = rootVars(scheme);
      expect(SCHEME_TOKENS[scheme], scheme).toEqual({ '--ink': vars['--ink'], '--panel': vars['--panel'] });
    }
    for (const scope of ['.category', '.entry', '.score-card']) expect(scopeVars(scope)['--cat-ink'], scope).toBe(CATEGORY_INK);
    // And the Organisation view's warning agrees with this test about the category label on the timeline.
    for (const cat of [...categoryColours, '#ffff00', '#111111']) {
      const contrast = categoryTextContrast(cat);
      for (const scheme of ['light', 'dark'] as const) {
        const label = verdict({ name: cat, fg: style('.badge', 'color'), on: [P], need: 'text', scope: ['.entry'], vars: { '--cat': cat } }, scheme);
        expect(contrast[scheme], `${scheme} ${cat}`).toBeCloseTo(label.ratio, 6);
      }
    }
  });

  it('every var() in app.css names a defined property', () => {
    const defined = new Set(rules.flatMap((r) => Object.keys(r.decls).filter((n) => n.startsWith('--'))));
    const used = [...css.matchAll(/var\(\s*(--[\w-]+)/g)].map((m) => m[1]);
    expect(used.filter((name) => !defined.has(name))).toEqual([]);
  });
});

describe.each<Scheme>(['light', 'dark'])('WCAG 2.1 AA contrast in %s mode', (scheme) => {
  const all = pairs().map((pair) => ({ pair, v: verdict(pair, scheme) }));

  it('prints the table of pairs', () => {
    console.table(
      all.map(({ pair, v }) => ({ scheme, pair: pair.name, fg: v.fg, bg: v.bg, ratio: v.ratio.toFixed(2), min: MIN[pair.need], ok: v.ok ? 'pass' : 'FAIL' })),
    );
    expect(all.length).toBeGreaterThan(60);
  });

  it.each(all.map(({ pair, v }) => [pair.name, v] as const))('%s', (_, v) => {
    expect(v.ok, v.message).toBe(true);
  });
});

describe('focus is always visible', () => {
  it('the global :focus-visible rule draws a solid outline of at least 2px', () => {
    const rule = rules.find((r) => r.media === null && r.selectors.includes(':focus-visible'));
    expect(rule?.decls.outline).toMatch(/^([2-9]|\d\d)px solid var\(--focus\)$/);
  });

  it('no rule removes the outline of a focusable control', () => {
    const removers = rules
      .filter((r) => /^(none|0(px)?)$/.test(r.decls.outline ?? r.decls['outline-style'] ?? r.decls['outline-width'] ?? ''))
      .flatMap((r) => r.selectors)
      .filter((s) => !s.includes(':not(:focus-visible)'));
    expect(removers, `rules setting outline: none: ${removers.join(', ')}`).toEqual([]);
  });

  it('no group of controls clips the outline of its buttons', () => {
    // An outline drawn outside a button is cut off by a parent with overflow: hidden (the segmented control).
    const clippers = rules.filter((r) => r.selectors.includes('.segmented') && /hidden|auto|scroll/.test(r.decls.overflow ?? ''));
    expect(clippers).toEqual([]);
  });
});
