// The catalogue's promises, checked: both languages have the same keys, the same placeholders and the
// same plural shape; no component shows text that bypasses the catalogue; formatting follows the locale.
import { describe, expect, it } from 'vitest';
import { parse } from 'svelte/compiler';
import { catalogue, type Namespace } from './messages';
import type { Message } from './messages/types';
import { formatDay, formatMonth, formatPercent, setLocale, t } from './index.svelte';

const placeholders = (m: Message) =>
  [...(typeof m === 'string' ? m : `${m.one} ${m.other}`).matchAll(/\{(\w+)\}/g)].map((x) => x[1]).sort().join(',');

/**
 * What differs between the English and the Dutch side of a namespace: keys on one side only, a plain message
 * on one side and plural forms on the other, other placeholders, or an empty Dutch text. Empty: they match.
 */
function parityProblems(en: Record<string, Message>, nl: Record<string, Message>, ns = ''): string[] {
  const problems: string[] = [];
  const name = (key: string) => (ns ? `${ns}.${key}` : key);
  for (const key of Object.keys(en)) {
    if (!(key in nl)) {
      problems.push(`${name(key)}: missing in Dutch`);
      continue;
    }
    const [e, n] = [en[key], nl[key]];
    if (typeof e !== typeof n) problems.push(`${name(key)}: ${typeof e === 'string' ? 'plain' : 'plural'} in English, ${typeof n === 'string' ? 'plain' : 'plural'} in Dutch`);
    else if (placeholders(e) !== placeholders(n)) problems.push(`${name(key)}: placeholders {${placeholders(e)}} in English, {${placeholders(n)}} in Dutch`);
    for (const text of typeof n === 'string' ? [n] : Object.values(n)) {
      if (text.trim() === '') problems.push(`${name(key)}: empty in Dutch`);
    }
  }
  for (const key of Object.keys(nl)) if (!(key in en)) problems.push(`${name(key)}: only in Dutch`);
  return problems;
}

describe('message catalogue', () => {
  const namespaces = Object.keys(catalogue) as Namespace[];

  it.each(namespaces)('namespace %s has the same keys, placeholders and plural shape in English and Dutch', (ns) => {
    const { en, nl } = catalogue[ns] as unknown as Record<'en' | 'nl', Record<string, Message>>;
    expect(parityProblems(en, nl, ns)).toEqual([]);
  });

  it('finds every kind of mismatch between the languages', () => {
    const en: Record<string, Message> = { same: 'Hi {name}', gone: 'x', plural: { one: '{n} day', other: '{n} days' }, holes: 'From {from}', blank: 'Text' };
    const nl: Record<string, Message> = { same: 'Hoi {name}', plural: '{n} dagen', holes: 'Vanaf {van}', blank: ' ', extra: 'y' };
    expect(parityProblems(en, nl, 'test')).toEqual([
      'test.gone: missing in Dutch',
      'test.plural: plural in English, plain in Dutch',
      'test.holes: placeholders {from} in English, {van} in Dutch',
      'test.blank: empty in Dutch',
      'test.extra: only in Dutch',
    ]);
    expect(parityProblems(en, { ...en })).toEqual([]);
  });
});

describe('t() and formatting', () => {
  it('switches language, fills placeholders and chooses plural forms', () => {
    setLocale('en');
    expect(t('common.nav.today')).toBe('Today');
    expect(t('common.daysAgo', { n: 1 })).toBe('1 day ago');
    expect(t('common.daysAgo', { n: 3 })).toBe('3 days ago');
    setLocale('nl');
    expect(t('common.nav.today')).toBe('Vandaag');
    expect(t('common.daysAgo', { n: 3 })).toBe('3 dagen geleden');
    expect(document.documentElement.lang).toBe('nl');
    setLocale('en');
  });

  it('formats dates, months and numbers per locale', () => {
    setLocale('nl');
    expect(formatDay('2026-11-27', { weekday: 'long', day: 'numeric', month: 'long' })).toBe('vrijdag 27 november');
    expect(formatMonth('2026-03')).toBe('maart 2026');
    expect(t('common.daysAgo', { n: 1234 })).toBe('1.234 dagen geleden');
    setLocale('en');
    expect(formatDay('2026-11-27', { weekday: 'long', day: 'numeric', month: 'long' })).toBe('Friday 27 November');
    expect(formatMonth('2026-03')).toBe('March 2026');
    expect(formatPercent(0.634)).toBe('63%');
    expect(t('common.daysAgo', { n: 1234 })).toBe('1,234 days ago');
  });
});

// Text a user reads must come from the catalogue: a literal letter in a template's text or in a
// user-facing attribute of any component fails this test, and so does a string literal that reads like prose
// in a component's <script> or in a template's `{...}` expression. Proper nouns that are the same in every
// language are allowed.
const allowed = new Set(['Cadence', 'CSV', 'JSON', 'ICS', 'PDF', 'Ctrl', 'Alt', 'Enter', 'Esc']);
const textAttributes = new Set(['aria-label', 'placeholder', 'title', 'alt', 'aria-description', 'aria-roledescription', 'label']);

/**
 * A string literal that looks like a sentence or a label for people: it has a letter and either a space and
 * a capital first letter ("Choose a category") or sentence punctuation at its end ("Saved.", "Why?", "Note:").
 * Keys ('review.month'), class lists ('ghost small'), Intl options ('numeric'), selectors, test ids and colours
 * do not have that shape.
 */
const looksLikeProse = (text: string) => {
  const s = text.trim();
  // A message key or the start of one ('rhythm.day.' in `rhythm.day.${d}`) ends with a dot but is no sentence.
  if (/^[\w-]+(\.[\w-]+)+\.?$/.test(s)) return false;
  return /\p{L}/u.test(s) && ((/\s/.test(text) && /^\p{Lu}/u.test(s)) || /[.?!…:]$/.test(s));
};

// Literals that look like prose but are not shown as text. Keep this list short, and say why each is here.
const allowedLiterals = new Set<string>([]);

function hardCoded(source: string): string[] {
  const found: string[] = [];
  const ast = parse(source, { modern: true }) as unknown as { fragment: unknown; instance?: unknown; module?: unknown };
  const visit = (node: unknown): void => {
    if (Array.isArray(node)) return node.forEach(visit);
    if (!node || typeof node !== 'object') return;
    const n = node as Record<string, unknown>;
    if (n.type === 'Text' && typeof n.data === 'string') {
      const text = n.data.trim();
      if (/\p{L}/u.test(text) && !allowed.has(text)) found.push(text);
    }
    if (n.type === 'Attribute' && textAttributes.has(n.name as string) && Array.isArray(n.value)) {
      for (const part of n.value as { type: string; data?: string }[]) {
        if (part.type === 'Text' && /\p{L}/u.test(part.data ?? '') && !allowed.has((part.data ?? '').trim())) {
          found.push(`${n.name as string}="${part.data}"`);
        }
      }
    }
    // An attribute's own text is judged above; its `{...}` parts are scripts and are searched for literals.
    if (n.type === 'Attribute' && Array.isArray(n.value)) return visitScript(n.value.filter((part: { type: string }) => part.type !== 'Text'));
    if (n.type === 'Attribute') return visitScript(n.value);
    // `{...}` tags, and the expressions of blocks, `{@const}` and directives, which the walk below reaches.
    if (n.type === 'ExpressionTag' || n.type === 'Literal' || n.type === 'TemplateElement') return visitScript(n);
    for (const [k, v] of Object.entries(n)) if (k !== 'parent' && k !== 'instance' && k !== 'module' && k !== 'css') visit(v);
  };
  // Inside script (a <script> or a template's `{...}`): string literals and the text of template literals.
  const visitScript = (node: unknown): void => {
    if (Array.isArray(node)) return node.forEach(visitScript);
    if (!node || typeof node !== 'object') return;
    const n = node as Record<string, unknown>;
    const literal = (text: string) => {
      if (looksLikeProse(text) && !allowedLiterals.has(text.trim()) && !allowed.has(text.trim())) found.push(`'${text}'`);
    };
    if (n.type === 'Literal' && typeof n.value === 'string') literal(n.value);
    if (n.type === 'TemplateElement') literal((n.value as { cooked?: string }).cooked ?? '');
    // Module and type imports name files, not text.
    if (n.type === 'ImportDeclaration' || n.type === 'ExportAllDeclaration' || (n.type === 'ExportNamedDeclaration' && n.source)) return;
    for (const [k, v] of Object.entries(n)) if (k !== 'parent' && k !== 'loc' && k !== 'leadingComments' && k !== 'trailingComments') visitScript(v);
  };
  visitScript(ast.module);
  visitScript(ast.instance);
  visit(ast.fragment);
  return found;
}

describe('components', () => {
  // Every component's source, read by Vite at test time.
  const sources = import.meta.glob('../../**/*.svelte', { query: '?raw', import: 'default', eager: true }) as Record<string, string>;
  const files = Object.entries(sources);

  it('finds the components', () => {
    expect(files.length).toBeGreaterThan(10);
  });

  it('flags a hard-coded string', () => {
    expect(hardCoded('<p>Hello there</p><input placeholder="Name" /><p>{t("x")}</p>')).toEqual(['Hello there', 'placeholder="Name"']);
  });

  it('flags prose in a script and in a template expression', () => {
    expect(hardCoded("<script>let x = 'Choose a category.'</script>")).toEqual(["'Choose a category.'"]);
    expect(hardCoded('<p>{ok ? t("a.b") : "Not saved"}</p><b title={`Due ${d}`}></b>')).toEqual(["'Not saved'", "'Due '"]);
    expect(hardCoded("{#if a}{@const b = 'Why?'}<i class:x={c === 'Nothing yet'}>{b}</i>{/if}")).toEqual(["'Why?'", "'Nothing yet'"]);
    expect(hardCoded("<script>import x from './a.svelte'; const c = 'ghost small'; const k = t('review.month'); const o = { month: 'long' };</script>")).toEqual([]);
  });

  it.each(files)('%s has no hard-coded text', (_name, source) => {
    expect(hardCoded(source)).toEqual([]);
  });
});
