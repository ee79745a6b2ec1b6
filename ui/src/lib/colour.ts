// Colour maths in one module so the app can use the WCAG sums that contrast.test.ts checks app.css with.
//
// The Organisation view warns when a category colour would make its label hard to read. CSS colours are parsed
// (hex, rgb(), white, black, transparent, `var()`, and `color-mix(in srgb, …)` as CSS Color 5 defines it),
// composited and compared with the WCAG 2.1 contrast ratio.

/** sRGB channels 0–255 and alpha 0–1. */
export type RGBA = [number, number, number, number];

export type Scheme = 'light' | 'dark';

/** Splits at `sep` (a character, or ' ' for any whitespace) where not inside parentheses. */
export function splitTop(text: string, sep: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (ch === '(') depth++;
    else if (ch === ')') depth--;
    else if (depth === 0 && (sep === ' ' ? /\s/.test(ch) : ch === sep)) {
      out.push(text.slice(start, i));
      start = i + 1;
    }
  }
  out.push(text.slice(start));
  return out.map((s) => s.trim()).filter((s) => s !== '');
}

/** Replaces every `var(--name, fallback)` with the value of `--name` (or the fallback), until none is left. */
export function substituteVars(expr: string, vars: Record<string, string>, depth = 0): string {
  if (depth > 20) throw new Error(`var() cycle in ${expr}`);
  const next = expr.replace(/var\(\s*(--[\w-]+)\s*(?:,\s*([^()]*))?\)/g, (_, name: string, fallback?: string) => {
    const value = vars[name] ?? fallback;
    if (value === undefined) throw new Error(`${name} is not defined`);
    return value;
  });
  return next === expr ? expr : substituteVars(next, vars, depth + 1);
}

/** Reads a CSS colour expression; throws on anything it does not understand. */
export function parseColour(expr: string, vars: Record<string, string> = {}): RGBA {
  const value = substituteVars(expr.trim(), vars).trim().toLowerCase();
  if (value === 'transparent') return [0, 0, 0, 0];
  if (value === 'white') return [255, 255, 255, 1];
  if (value === 'black') return [0, 0, 0, 1];
  const hex = /^#([0-9a-f]{3,8})$/.exec(value);
  if (hex) {
    let h = hex[1];
    if (h.length === 3 || h.length === 4) h = [...h].map((c) => c + c).join('');
    if (h.length !== 6 && h.length !== 8) throw new Error(`bad hex colour ${value}`);
    const n = (k: number) => parseInt(h.slice(k, k + 2), 16);
    return [n(0), n(2), n(4), h.length === 8 ? n(6) / 255 : 1];
  }
  const rgb = /^rgba?\((.*)\)$/.exec(value);
  if (rgb) {
    const parts = rgb[1].split(/[\s,/]+/).filter(Boolean);
    const channel = (p: string) => (p.endsWith('%') ? (parseFloat(p) * 255) / 100 : parseFloat(p));
    const alpha = parts[3] === undefined ? 1 : parts[3].endsWith('%') ? parseFloat(parts[3]) / 100 : parseFloat(parts[3]);
    return [channel(parts[0]), channel(parts[1]), channel(parts[2]), alpha];
  }
  const mix = /^color-mix\((.*)\)$/.exec(value);
  if (mix) {
    const [space, ...items] = splitTop(mix[1], ',');
    if (space !== 'in srgb' || items.length !== 2) throw new Error(`only color-mix(in srgb, a, b) is supported: ${value}`);
    const [a, b] = items.map((item) => {
      const m = /^(.*?)\s+(\d+(?:\.\d+)?)%$/.exec(item) ?? /^(\d+(?:\.\d+)?)%\s+(.*)$/.exec(item);
      if (!m) return { colour: parseColour(item), pct: undefined as number | undefined };
      return /%$/.test(item) ? { colour: parseColour(m[1]), pct: Number(m[2]) } : { colour: parseColour(m[2]), pct: Number(m[1]) };
    });
    return colorMix(a.colour, a.pct, b.colour, b.pct);
  }
  throw new Error(`cannot read colour "${expr}"${value !== expr ? ` (= ${value})` : ''}`);
}

/** color-mix(in srgb, a p1%, b p2%) per CSS Color 5: normalised percentages, premultiplied alpha. */
export function colorMix(a: RGBA, p1: number | undefined, b: RGBA, p2: number | undefined): RGBA {
  if (p1 === undefined && p2 === undefined) [p1, p2] = [50, 50];
  else if (p1 === undefined) p1 = 100 - p2!;
  else if (p2 === undefined) p2 = 100 - p1;
  const sum = p1 + p2!;
  const alphaMultiplier = sum < 100 ? sum / 100 : 1;
  const w1 = p1 / sum;
  const w2 = p2! / sum;
  const alpha = a[3] * w1 + b[3] * w2;
  const channel = (k: number) => (alpha === 0 ? 0 : (a[k] * a[3] * w1 + b[k] * b[3] * w2) / alpha);
  return [channel(0), channel(1), channel(2), alpha * alphaMultiplier];
}

/** Paints `top` over an opaque `bottom`. */
export function over(top: RGBA, bottom: RGBA): RGBA {
  const a = top[3];
  return [0, 1, 2].map((k) => top[k] * a + bottom[k] * (1 - a)).concat(1) as RGBA;
}

/** WCAG 2.1 relative luminance. */
export function luminance([r, g, b]: RGBA): number {
  const lin = (c: number) => {
    const s = c / 255;
    return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b);
}

/** WCAG contrast ratio of two opaque colours. */
export function ratio(a: RGBA, b: RGBA): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi + 0.05) / (lo + 0.05);
}

/** `#rrggbb` of a colour (alpha dropped). */
export const hexOf = (c: RGBA): string => '#' + c.slice(0, 3).map((v) => Math.round(v).toString(16).padStart(2, '0')).join('');

// ---------------------------------------------------------------- category colours as text

/** WCAG 2.1 SC 1.4.3: normal text needs 4.5:1. */
export const TEXT_MIN = 4.5;

/**
 * The tokens category text is drawn with, per colour scheme: `--ink` and `--panel` of `:root` in app.css and of
 * its `prefers-color-scheme: dark` block. Repeated here because only the active scheme can be read at runtime;
 * contrast.test.ts checks that they equal what app.css declares.
 */
export const SCHEME_TOKENS: Record<Scheme, { '--ink': string; '--panel': string }> = {
  light: { '--ink': '#0f172a', '--panel': '#ffffff' },
  dark: { '--ink': '#e6eaf3', '--panel': '#121a2e' },
};

/** `--cat-ink` in app.css: the colour of category labels (contrast.test.ts checks they match). */
export const CATEGORY_INK = 'color-mix(in srgb, var(--cat) 65%, var(--ink))';

/** The contrast of a category's label text (`--cat-ink` on `--panel`) in light and dark mode. */
export function categoryTextContrast(colour: string): Record<Scheme, number> {
  const inScheme = (scheme: Scheme) => {
    const vars = { ...SCHEME_TOKENS[scheme], '--cat': colour };
    const panel = parseColour('var(--panel)', vars);
    return ratio(over(parseColour(CATEGORY_INK, vars), panel), panel);
  };
  return { light: inScheme('light'), dark: inScheme('dark') };
}

/** The schemes in which a category colour makes its label text too faint (below 4.5:1); none for an unreadable value. */
export function hardToReadIn(colour: string | undefined): Scheme[] {
  if (!colour) return [];
  try {
    const contrast = categoryTextContrast(colour);
    return (['light', 'dark'] as const).filter((scheme) => contrast[scheme] < TEXT_MIN);
  } catch {
    return [];
  }
}
