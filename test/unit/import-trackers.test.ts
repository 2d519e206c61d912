import { describe, expect, it } from 'vitest';
import { canonicalKey, trackerIndex } from '../../src/lib/import/trackers.ts';

describe('a tracker and an epic key match when they name the same thing', () => {
  it('reads a GitHub issue URL and owner/repo#N alike, ignoring case', () => {
    expect(canonicalKey('https://github.com/Acme/Beacon/issues/12')).toBe('acme/beacon#12');
    expect(canonicalKey('acme/beacon#12')).toBe('acme/beacon#12');
    expect(canonicalKey('https://github.com/acme/beacon/pull/12/')).toBe('acme/beacon#12');
  });

  it('reads a Jira browse URL and a Linear issue URL as their keys', () => {
    expect(canonicalKey('https://acme.atlassian.net/browse/PLAT-12')).toBe('plat-12');
    expect(canonicalKey('https://acme.atlassian.net/jira/software/projects/PLAT/boards/1?selectedIssue=PLAT-12')).toBe(
      'plat-12',
    );
    expect(canonicalKey('https://linear.app/acme/issue/ENG-7/retry-failed-syncs')).toBe('eng-7');
  });

  it('compares names ignoring case and runs of spaces', () => {
    expect(canonicalKey('  Mobile   App ')).toBe(canonicalKey('mobile app'));
  });

  it('keeps different issues apart', () => {
    expect(canonicalKey('acme/beacon#1')).not.toBe(canonicalKey('acme/beacon#12'));
    expect(canonicalKey('PLAT-1')).not.toBe(canonicalKey('PLAT-10'));
  });
});

describe('the roadmap items by tracker', () => {
  it('finds the item whose tracker names a key, in any of its spellings', () => {
    const index = trackerIndex([
      { id: 'alerts', tracker: 'https://github.com/acme/beacon/issues/3', file: 'roadmap/alerts.md' },
    ]);
    expect(index.find('acme/beacon#3')).toBe('alerts');
    expect(index.find('acme/beacon#4')).toBeUndefined();
  });

  it('gives a tracker two items share to the first by id, and reports it', () => {
    const index = trackerIndex([
      { id: 'zeta', tracker: 'PLAT-1', file: 'roadmap/zeta.md' },
      { id: 'alpha', tracker: 'plat-1', file: 'roadmap/alpha.md' },
      { id: 'none', tracker: null, file: 'roadmap/none.md' },
    ]);
    expect(index.find('PLAT-1')).toBe('alpha');
    expect(index.conflicts).toEqual([{ tracker: 'plat-1', items: ['alpha', 'zeta'], file: 'roadmap/zeta.md' }]);
  });
});
