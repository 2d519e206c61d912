import { existsSync } from 'node:fs';
import { cp, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FIXTURES, OUTPUT, readSiteTexts, runBuild, runScript } from '../support/build.ts';

/**
 * Content written to get internal entries (all marked "kestrel") onto the public site, or a
 * script into a page, by every route an adversarial review found. Each build must fail naming
 * the file and the link, or publish none of the canaries; and never print a stack trace.
 */
const CANARY = /kestrel/i;
const STACK = /^\s+at .+[:(]/m;
const check = (content: string) =>
  runScript('check.ts', [], { ...process.env, ROADMAP_CONTENT: content, ROADMAP_TODAY: '2026-11-21' });

describe('bodies that import content, run scripts or do not compile', () => {
  const content = join(FIXTURES, 'bypass-static');
  const expected = [
    'wiki/import-sibling.mdx:5:19: import: imports "./kestrel-notes.md", a file inside the content folder',
    'wiki/import-frontmatter.mdx:5:29: import: imports "../roadmap/kestrel-plan.md"',
    'wiki/import-raw.mdx:5:18: import: imports "../roadmap/kestrel-plan.md?raw"',
    'wiki/reexport.mdx:5:35: import: imports "../roadmap/kestrel-plan.md"',
    'wiki/dynamic-import.mdx:5:29: import: imports "./kestrel-notes.md"',
    'wiki/import-missing.mdx:5:18: import: imports "../../components/Gone.astro", which does not exist',
    'wiki/script.md:5:1: body: has a <script> element',
    'wiki/javascript-link.md:5:1: body: has a javascript: URL',
    'wiki/handler.md:5:1: body: has an inline event handler "onerror"',
    'wiki/unclosed-component.mdx:5:1: body: does not compile: Expected a closing tag for `<Callout>`',
    'wiki/unclosed-expression.mdx:5:3: body: does not compile: Unexpected end of file in expression',
    'wiki/binary.md:5:3: body: is not UTF-8 text',
    'wiki/bad-escape.md:5:1: body: has a href with a malformed % escape',
  ];

  it('are each reported by check with file, line and column, without a stack trace', async () => {
    const result = await check(content);
    expect(result.code).toBe(1);
    for (const line of expected) expect(result.stderr).toContain(`error test/fixtures/bypass-static/${line}`);
    expect(result.stderr + result.stdout).not.toMatch(STACK);
  });

  it('stop the build with the same diagnostics, and no site', async () => {
    const out = join(OUTPUT, 'bypass-static');
    const result = await runBuild({ content, out });
    expect(result.code).toBe(1);
    for (const line of expected) expect(result.stderr).toContain(`error test/fixtures/bypass-static/${line}`);
    expect(result.stderr + result.stdout).not.toMatch(STACK);
    expect(existsSync(out)).toBe(false);
  });
});

describe('links from a public body to internal entries, as a browser follows them', () => {
  const content = join(FIXTURES, 'bypass-links');
  const where = 'error test/fixtures/bypass-links/wiki/links.mdx';
  const quote = (href: string) => JSON.stringify(href).replace(/[.?*+()[\]]/g, '\\$&');
  const reaches = (line: string, href: string, what: RegExp) =>
    new RegExp(`${where}${line}: body: links to ${quote(href)}, which reaches ${what.source}`);
  // Written links: found in the body before anything renders, by check and build alike.
  const written: [string, string, RegExp][] = [
    [':6:3', '../kestrel-notes/', /the page of an internal entry/],
    [':7:3', 'https://bypass.example/wiki/kestrel-notes/', /the page of an internal entry/],
    [':9:3', '/backlog/#item-KESTREL-9', /the row of an internal entry/],
    [':10:3', '/og/wiki/kestrel-notes.png', /the Open Graph image of an internal entry/],
    [':11:3', '/wiki//kestrel-notes/', /the page/],
    [':12:3', '/wiki/./kestrel-notes/', /the page/],
    [':13:3', '/wiki/x/../kestrel-notes/', /the page/],
    [':14:3', '/wiki/kestrel-notes/index.html', /the page/],
    [':15:3', '../../roadmap/kestrel-plan/', /the page of an internal entry \(\/roadmap\/kestrel-plan\/\)/],
  ];

  it('are reported by check with file, line and column', async () => {
    const result = await check(content);
    expect(result.code).toBe(1);
    for (const [line, href, what] of written) expect(result.stderr).toMatch(reaches(line, href, what));
    expect(result.stderr).not.toMatch(/fine\.md/);
  });

  it('fail the public build with the same messages, and leave no site', async () => {
    const out = join(OUTPUT, 'bypass-links-public');
    const result = await runBuild({ content, out, audience: 'public' });
    expect(result.code).toBe(1);
    for (const [line, href, what] of written) expect(result.stderr).toMatch(reaches(line, href, what));
    expect(result.stderr + result.stdout).not.toMatch(STACK);
    expect(existsSync(out)).toBe(false);
  });

  it('computed in JSX are caught in the pages the build wrote, before they replace the site', async () => {
    const copy = join(OUTPUT, 'bypass-links-jsx');
    await rm(copy, { recursive: true, force: true });
    await cp(content, copy, { recursive: true });
    const page = await readFile(join(copy, 'wiki', 'links.mdx'), 'utf8');
    await writeFile(
      join(copy, 'wiki', 'links.mdx'),
      page
        .split('\n')
        .filter((l) => !/^- \[|^- !/.test(l))
        .join('\n'),
    );
    const out = join(OUTPUT, 'bypass-links-jsx-site');
    const result = await runBuild({ content: copy, out, audience: 'public' });
    expect(result.code).toBe(1);
    const label = 'error test/.output/bypass-links-jsx/wiki/links.mdx';
    expect(result.stderr).toContain(
      `${label}: body: links to "/wiki/kestrel-notes/", which reaches the page of an internal entry (/wiki/kestrel-notes/)`,
    );
    expect(result.stderr).toContain(`${label}: body: a javascript: URL reached the page`);
    expect(result.stderr + result.stdout).not.toMatch(STACK);
    expect(existsSync(out)).toBe(false);
  });

  it('pass in an internal build, where every entry is visible, except the computed script URL', async () => {
    const out = join(OUTPUT, 'bypass-links-internal');
    const result = await runBuild({ content, out, audience: 'internal' });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(`${where}: body: a javascript: URL reached the page`);
    expect(result.stderr).not.toMatch(/which reaches/);
  });

  it('leave a public site without a trace of the internal entries once the page is gone', async () => {
    const copy = join(OUTPUT, 'bypass-links-fixed');
    await rm(copy, { recursive: true, force: true });
    await cp(content, copy, { recursive: true });
    await rm(join(copy, 'wiki', 'links.mdx'));
    const out = join(OUTPUT, 'bypass-links-fixed-site');
    const result = await runBuild({ content: copy, out, audience: 'public' });
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const leaks = [...(await readSiteTexts(out))].filter(([, text]) => CANARY.test(text)).map(([file]) => file);
    expect(leaks).toEqual([]);
  });
});

describe('an import relayed through a helper outside the content folder', () => {
  it('is refused by the bundler, naming the body and line that started it', async () => {
    const out = join(OUTPUT, 'bypass-relay');
    const result = await runBuild({ content: join(FIXTURES, 'bypass-relay', 'content'), out });
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(
      /^error test\/fixtures\/bypass-relay\/content\/wiki\/relay\.mdx:5: import: imports "\.\.\/content\/wiki\/kestrel-notes\.md", a file inside the content folder.*through test\/fixtures\/bypass-relay\/helpers\/relay\.mjs/m,
    );
    expect(result.stderr + result.stdout).not.toMatch(STACK);
    expect(existsSync(out)).toBe(false);
  });
});
