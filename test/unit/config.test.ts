import { describe, expect, it } from 'vitest';
import { ConfigError, readBuildConfig } from '../../src/lib/config.ts';

const ROOT = '/projects/acme';
const NOW = new Date('2026-06-30T20:00:00Z'); // already 1 July in the test time zone

describe('readBuildConfig', () => {
  it('defaults to a public build of ./content at the root path, today being the UTC date', () => {
    expect(readBuildConfig({}, ROOT, NOW)).toEqual({
      projectRoot: ROOT,
      contentDir: '/projects/acme/content',
      audience: 'public',
      today: '2026-06-30',
      base: '/',
      compareBase: null,
      historyLimit: 200,
    });
  });

  it('reads every build switch', () => {
    const config = readBuildConfig(
      {
        ROADMAP_CONTENT: '../acme-content',
        ROADMAP_AUDIENCE: 'internal',
        ROADMAP_TODAY: '2027-01-15',
        ROADMAP_BASE: 'pr-42',
        ROADMAP_COMPARE_BASE: 'main',
        ROADMAP_HISTORY_LIMIT: '30',
      },
      ROOT,
      NOW,
    );
    expect(config).toEqual({
      projectRoot: ROOT,
      contentDir: '/projects/acme-content',
      audience: 'internal',
      today: '2027-01-15',
      base: '/pr-42/',
      compareBase: 'main',
      historyLimit: 30,
    });
  });

  it('keeps an absolute content folder as it is', () => {
    expect(readBuildConfig({ ROADMAP_CONTENT: '/srv/roadmap' }, ROOT, NOW).contentDir).toBe('/srv/roadmap');
  });

  it('treats empty or blank switches as unset', () => {
    const config = readBuildConfig(
      { ROADMAP_CONTENT: ' ', ROADMAP_AUDIENCE: '', ROADMAP_TODAY: '  ', ROADMAP_COMPARE_BASE: '' },
      ROOT,
      NOW,
    );
    expect(config).toMatchObject({
      contentDir: '/projects/acme/content',
      audience: 'public',
      today: '2026-06-30',
      compareBase: null,
    });
  });

  it('rejects an unknown audience, naming the switch, the value and what is allowed', () => {
    expect(() => readBuildConfig({ ROADMAP_AUDIENCE: 'everyone' }, ROOT, NOW)).toThrow(
      new ConfigError('ROADMAP_AUDIENCE: got "everyone"; expected public or internal'),
    );
  });

  it('rejects an impossible today', () => {
    expect(() => readBuildConfig({ ROADMAP_TODAY: '2026-02-30' }, ROOT, NOW)).toThrow(
      'ROADMAP_TODAY: got "2026-02-30"; expected a real date written YYYY-MM-DD',
    );
  });

  it('rejects a history limit that is not a whole number', () => {
    expect(() => readBuildConfig({ ROADMAP_HISTORY_LIMIT: 'all' }, ROOT, NOW)).toThrow(
      'ROADMAP_HISTORY_LIMIT: got "all"; expected a whole number of commits (0 turns history off)',
    );
    expect(readBuildConfig({ ROADMAP_HISTORY_LIMIT: '0' }, ROOT, NOW).historyLimit).toBe(0);
  });

  it('reports every bad switch at once', () => {
    let error: unknown;
    try {
      readBuildConfig({ ROADMAP_AUDIENCE: 'all', ROADMAP_TODAY: 'tomorrow' }, ROOT, NOW);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as ConfigError).message.split('\n')).toEqual([
      'ROADMAP_AUDIENCE: got "all"; expected public or internal',
      'ROADMAP_TODAY: got "tomorrow"; expected a real date written YYYY-MM-DD',
    ]);
  });
});

describe('the base path and site.yaml’s url', () => {
  it('defaults the base to the path of the url once the url is known', () => {
    expect(readBuildConfig({}, ROOT, NOW, 'https://acme.github.io/roadmap').base).toBe('/roadmap/');
  });

  it('keeps ROADMAP_BASE over the path of the url (it replaces it)', () => {
    expect(
      readBuildConfig({ ROADMAP_BASE: '/roadmap/pr-preview/pr-7/' }, ROOT, NOW, 'https://acme.github.io/roadmap').base,
    ).toBe('/roadmap/pr-preview/pr-7/');
  });
});
