// The colour maths of colour.ts, and the warning the Organisation view shows for a category colour that is hard
// to read. That its tokens and --cat-ink match app.css is checked in contrast.test.ts, which parses the stylesheet.
import { describe, expect, it } from 'vitest';
import { categoryTextContrast, colorMix, hardToReadIn, hexOf, luminance, over, parseColour, ratio, splitTop, substituteVars, TEXT_MIN } from './colour';

describe('colour maths', () => {
  it('computes WCAG luminance and ratios', () => {
    expect(luminance(parseColour('#fff'))).toBeCloseTo(1, 10);
    expect(luminance(parseColour('#000'))).toBe(0);
    expect(ratio(parseColour('#000'), parseColour('#fff'))).toBeCloseTo(21, 5);
    expect(ratio(parseColour('#fff'), parseColour('#000'))).toBeCloseTo(21, 5);
    expect(ratio(parseColour('#767676'), parseColour('#fff'))).toBeCloseTo(4.54, 2);
    expect(ratio(parseColour('#777'), parseColour('#fff'))).toBeCloseTo(4.48, 2);
  });

  it('reads hex, rgb() and named colours', () => {
    expect(parseColour('#abc')).toEqual([0xaa, 0xbb, 0xcc, 1]);
    expect(parseColour('#11223380')[3]).toBeCloseTo(0x80 / 255);
    expect(parseColour('rgba(15, 23, 42, 0.06)')).toEqual([15, 23, 42, 0.06]);
    expect(parseColour('rgb(100% 0% 0% / 50%)')).toEqual([255, 0, 0, 0.5]);
    expect(parseColour('White')).toEqual([255, 255, 255, 1]);
    expect(parseColour('transparent')).toEqual([0, 0, 0, 0]);
    expect(() => parseColour('red')).toThrow('cannot read colour');
    expect(() => parseColour('#12345')).toThrow('bad hex colour');
  });

  it('implements color-mix in srgb, translucent layers and var()', () => {
    expect(parseColour('color-mix(in srgb, #000 50%, #fff)')).toEqual([127.5, 127.5, 127.5, 1]);
    expect(parseColour('color-mix(in srgb, #000 25%, #fff 25%)')[3]).toBeCloseTo(0.5);
    expect(colorMix([0, 0, 0, 1], undefined, [255, 255, 255, 1], undefined)).toEqual([127.5, 127.5, 127.5, 1]);
    const tint = parseColour('color-mix(in srgb, #2563eb 12%, transparent)');
    expect(tint[3]).toBeCloseTo(0.12);
    expect(hexOf(tint)).toBe('#2563eb');
    expect(hexOf(over(tint, parseColour('#fff')))).toBe(hexOf(parseColour('color-mix(in srgb, #2563eb 12%, #fff)')));
    expect(parseColour('var(--a)', { '--a': 'var(--b)', '--b': '#123456' })).toEqual([0x12, 0x34, 0x56, 1]);
    expect(parseColour('var(--nope, #fff)')).toEqual([255, 255, 255, 1]);
    expect(() => parseColour('var(--nope)')).toThrow('--nope');
    expect(() => substituteVars('var(--a)', { '--a': 'var(--b)', '--b': 'var(--a)' })).toThrow('cycle');
  });

  it('splits at the top level only', () => {
    expect(splitTop('in srgb, var(--cat) 65%, var(--ink)', ',')).toEqual(['in srgb', 'var(--cat) 65%', 'var(--ink)']);
    expect(splitTop('1px  solid color-mix(in srgb, red 5%, blue)', ' ')).toEqual(['1px', 'solid', 'color-mix(in srgb, red 5%, blue)']);
  });
});

describe('category colours as label text', () => {
  it.each(['#2563eb', '#16a34a', '#d97706'])('the default colour %s reads well in both schemes', (colour) => {
    const contrast = categoryTextContrast(colour);
    expect(contrast.light).toBeGreaterThanOrEqual(TEXT_MIN);
    expect(contrast.dark).toBeGreaterThanOrEqual(TEXT_MIN);
    expect(hardToReadIn(colour)).toEqual([]);
  });

  it('a bright yellow is too faint in light mode only', () => {
    const contrast = categoryTextContrast('#ffff00');
    expect(contrast.light).toBeLessThan(TEXT_MIN);
    expect(contrast.dark).toBeGreaterThanOrEqual(TEXT_MIN);
    expect(hardToReadIn('#ffff00')).toEqual(['light']);
    expect(hardToReadIn('#FFFFFF')).toEqual(['light']);
  });

  it('a very dark colour is too faint in dark mode only', () => {
    const contrast = categoryTextContrast('#111111');
    expect(contrast.dark).toBeLessThan(TEXT_MIN);
    expect(contrast.light).toBeGreaterThanOrEqual(TEXT_MIN);
    expect(hardToReadIn('#111111')).toEqual(['dark']);
    expect(hardToReadIn('#000000')).toEqual(['dark']);
  });

  it('gives no warning for a missing or unreadable value', () => {
    expect(hardToReadIn(undefined)).toEqual([]);
    expect(hardToReadIn('')).toEqual([]);
    expect(hardToReadIn('not a colour')).toEqual([]);
  });
});
