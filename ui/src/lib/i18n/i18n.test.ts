// The catalogue's promises, checked: both languages have the same keys, the same placeholders and the
// same plural shape; no component shows text that bypasses the catalogue; formatting follows the locale.
import { describe, expect, it } from 'vitest';
import { parse } from 'svelte/compiler';
import { catalogue, type Namespace } from './messages';
import type { Message } from './messages/types';
import { formatDay, formatMonth, formatPercent, setLocale, t } from './index.svelte';

const placeholders = (m: Message) =>
  [...(typeof m === 'string' ? m : `${m.one} ${m.other}`).matchAll(/\{(\w+)\}/g)].map((x) => x[1]).sort().join(',');

describe('message catalogue', () => {
  const namespaces = Object.keys(catalogue) as Namespace[];

  it.each(namespaces)('namespace %s has the same keys in English and Dutch', (ns) => {
    const { en, nl } = catalogue[ns] as unknown as Record<'en' | 'nl', Record<string, Message>>;
    expect(Object.keys(nl).sort()).toEqual(Object.keys(en).sort());
  });

  it.each(namespaces)('namespace %s has the same placeholders and plural shape in both languages', (ns) => {
    const { en, nl } = catalogue[ns] as unknown as Record<'en' | 'nl', Record<string, Message>>;
    for (const key of Object.keys(en)) {
      expect(typeof nl[key], `${ns}.${key}`).toBe(typeof en[key]);
      expect(placeholders(nl[key]), `${ns}.${key}`).toBe(placeholders(en[key]));
      for (const text of typeof nl[key] === 'string' ? [nl[key] as string] : Object.values(nl[key] as object)) {
        expect((text as string).trim(), `${ns}.${key} is empty in Dutch`).not.toBe('');
      }
    }
  });

  it('detects a key missing from one language', () => {
    const broken = { en: { a: 'x', b: 'y' }, nl: { a: 'x' } };
    expect(Object.keys(broken.nl).sort()).not.toEqual(Object.keys(broken.en).sort());
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
// user-facing attribute of any component fails this test. Proper nouns that are the same in every
// language are allowed.
const allowed = new Set(['Cadence', 'CSV', 'JSON', 'ICS', 'PDF', 'Ctrl', 'Alt', 'Enter', 'Esc']);
const textAttributes = new Set(['aria-label', 'placeholder', 'title', 'alt', 'aria-description', 'aria-roledescription', 'label']);

function hardCoded(source: string): string[] {
  const found: string[] = [];
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
    if (n.type === 'Attribute') return;
    for (const [k, v] of Object.entries(n)) if (k !== 'parent' && k !== 'instance' && k !== 'module' && k !== 'css') visit(v);
  };
  visit((parse(source, { modern: true }) as unknown as { fragment: unknown }).fragment);
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

  it.each(files)('%s has no hard-coded text', (_name, source) => {
    expect(hardCoded(source)).toEqual([]);
  });
});
