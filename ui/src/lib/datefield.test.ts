// The date fields' reading and writing, against dates written out by hand: day first in both languages, ISO
// accepted, impossible dates refused.
import { describe, expect, it } from 'vitest';
import { formatDate, parseDate } from './datefield';

describe('date fields', () => {
  it('write 1 December 2026 day first in each language', () => {
    expect(formatDate('2026-12-01', 'nl')).toBe('1-12-2026');
    expect(formatDate('2026-12-01', 'en')).toBe('01/12/2026');
    expect(formatDate('2026-03-09', 'nl')).toBe('9-3-2026');
  });

  it('read what people type, day first', () => {
    const cases: [string, string | null][] = [
      ['1-12-2026', '2026-12-01'], ['01/12/2026', '2026-12-01'], ['1.12.26', '2026-12-01'], ['1 12 2026', '2026-12-01'],
      ['2026-12-01', '2026-12-01'], [' 31-1-2027 ', '2027-01-31'], ['29-2-2028', '2028-02-29'],
      ['29-2-2027', null], ['31/04/2026', null], ['12/31/2026', null], ['0-1-2026', null], ['1-13-2026', null],
      ['', null], ['tomorrow', null], ['1-12', null], ['2026-12', null],
    ];
    for (const [text, want] of cases) expect(parseDate(text), text).toBe(want);
  });

  it('read back what they write', () => {
    for (const iso of ['2026-01-01', '2026-12-31', '2028-02-29', '1999-07-04']) {
      expect(parseDate(formatDate(iso, 'nl'))).toBe(iso);
      expect(parseDate(formatDate(iso, 'en'))).toBe(iso);
    }
  });
});
