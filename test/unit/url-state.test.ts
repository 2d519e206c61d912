import { describe, expect, it } from 'vitest';
import { matchValue, readUrlState, writeUrlState } from '../../src/lib/site/url-state.ts';

const NAMES = ['kind', 'status', 'theme'];

describe('readUrlState', () => {
  it('reads the words and the named filters, repeated names as several values', () => {
    expect(readUrlState('?q=single+sign-on&theme=Trust&theme=Speed&status=Planned&utm_source=x', NAMES)).toEqual({
      q: 'single sign-on',
      filters: { status: ['Planned'], theme: ['Trust', 'Speed'] },
    });
  });

  it('ignores empty and repeated values', () => {
    expect(readUrlState('?q=&theme=&theme=Trust&theme=Trust', NAMES)).toEqual({ q: '', filters: { theme: ['Trust'] } });
  });
});

describe('writeUrlState', () => {
  it('writes one URL per view: words first, filters in their order, values sorted', () => {
    expect(writeUrlState({ q: 'sso', filters: { theme: ['Trust', 'Speed'], kind: ['Roadmap item'] } }, NAMES)).toBe(
      '?q=sso&kind=Roadmap+item&theme=Speed&theme=Trust',
    );
  });

  it('keeps parameters that are not filters, and drops the old filters', () => {
    expect(writeUrlState({ q: '', filters: { theme: ['Trust'] } }, NAMES, '?theme=Speed&utm_source=mail&q=old')).toBe(
      '?theme=Trust&utm_source=mail',
    );
  });

  it('writes nothing when nothing is chosen', () => {
    expect(writeUrlState({ q: '  ', filters: { theme: [] } }, NAMES, '?theme=Trust')).toBe('');
  });

  it('round-trips through readUrlState', () => {
    const state = { q: 'a/b & c', filters: { status: ['In progress'], theme: ['R&D'] } };
    expect(readUrlState(writeUrlState(state, NAMES), NAMES)).toEqual(state);
  });
});

describe('matchValue', () => {
  const statuses = ['In progress', 'Planned', "Won't do"];

  it('prefers the exact value, then one that differs only in case, spaces or punctuation', () => {
    expect(matchValue('Planned', statuses)).toBe('Planned');
    expect(matchValue('in-progress', statuses)).toBe('In progress');
    expect(matchValue('wont-do', statuses)).toBe("Won't do");
  });

  it('finds nothing for a value that is not offered', () => {
    expect(matchValue('shipped', statuses)).toBeNull();
  });
});
