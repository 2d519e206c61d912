import { describe, expect, it } from 'vitest';
import { plainTitle, titleSegments } from '../../src/lib/site/inline-title.ts';

describe('titles with inline Markdown', () => {
  it('splits a title into text, inline code and emphasis', () => {
    expect(titleSegments('Ship `async fn` in *traits* and **now**')).toEqual([
      { kind: 'text', text: 'Ship ' },
      { kind: 'code', text: 'async fn' },
      { kind: 'text', text: ' in ' },
      { kind: 'emphasis', text: 'traits' },
      { kind: 'text', text: ' and ' },
      { kind: 'strong', text: 'now' },
    ]);
  });

  it('gives the words without the marks for images, SVG and page titles', () => {
    expect(plainTitle('Ship `async fn` in *traits*')).toBe('Ship async fn in traits');
    expect(plainTitle('Use `a*b` literally')).toBe('Use a*b literally');
  });

  it('leaves a title without marks, and one that reads as a list or heading, as written', () => {
    expect(plainTitle('Getting Rust for Linux into stable Rust: compiler features')).toBe(
      'Getting Rust for Linux into stable Rust: compiler features',
    );
    expect(plainTitle('1. Ship `x`')).toBe('1. Ship `x`');
    expect(plainTitle('# Q3 *goals*')).toBe('# Q3 *goals*');
  });

  it('keeps characters that look like HTML as text, to be escaped by whoever shows them', () => {
    expect(plainTitle('Beyond the <b>&</b> *x*')).toBe('Beyond the <b>&</b> x');
  });
});
