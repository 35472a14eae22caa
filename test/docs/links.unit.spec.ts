import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';

const root = join(__dirname, '..', '..');

function markdownUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return markdownUnder(path);
    return name.endsWith('.md') ? [path] : [];
  });
}

/** The README, every page under docs/ and the workspace's README. */
const DOCUMENTS = [
  join(root, 'README.md'),
  ...markdownUnder(join(root, 'docs')),
  join(root, 'apps', 'web', 'README.md'),
];

/** The text outside fenced code blocks and inline code, where links and headings are markdown. */
function prose(markdown: string): string {
  return markdown.replace(/^(```|~~~)[^\n]*\n[\s\S]*?^\1[^\n]*$/gm, '').replace(/`[^`\n]*`/g, '');
}

/** The anchors GitHub gives a page's headings (github-slugger's rule, repeats numbered). */
function anchorsOf(markdown: string): Set<string> {
  const seen = new Map<string, number>();
  const anchors = new Set<string>();
  for (const [, heading] of prose(markdown).matchAll(/^#{1,6}\s+(.+?)\s*#*\s*$/gm)) {
    const text = heading!.replace(/`/g, '').replace(/\[([^\]]*)\]\([^)]*\)/g, '$1');
    const slug = text
      .toLowerCase()
      .replace(/[^\p{L}\p{N}\s_-]/gu, '')
      .replace(/\s/g, '-');
    const repeats = seen.get(slug) ?? 0;
    seen.set(slug, repeats + 1);
    anchors.add(repeats === 0 ? slug : `${slug}-${repeats}`);
  }
  return anchors;
}

/** Each relative link of a page: `[text](target)` and `![alt](target)`, with its line. */
function relativeLinks(markdown: string): { target: string; line: number }[] {
  const links: { target: string; line: number }[] = [];
  prose(markdown)
    .split('\n')
    .forEach((text, index) => {
      for (const [, target] of text.matchAll(/\]\(([^)\s]+)(?:\s+"[^"]*")?\)/g)) {
        if (/^[a-z][a-z+.-]*:/i.test(target!)) continue; // https:, mailto:
        links.push({ target: target!, line: index + 1 });
      }
    });
  return links;
}

function brokenLinks(file: string): string[] {
  const markdown = readFileSync(file, 'utf8');
  return relativeLinks(markdown).flatMap(({ target, line }) => {
    const [path, anchor] = target.split('#') as [string, string | undefined];
    const where = `${relative(root, file)}:${line} → ${target}`;
    const linked = path === '' ? file : resolve(dirname(file), decodeURIComponent(path));
    if (!existsSync(linked)) return [`${where}: no such file`];
    if (anchor === undefined || !linked.endsWith('.md')) return [];
    return anchorsOf(readFileSync(linked, 'utf8')).has(anchor)
      ? []
      : [`${where}: no heading with that anchor`];
  });
}

describe('The documentation', () => {
  it('finds the pages it checks', () => {
    expect(DOCUMENTS.map((file) => relative(root, file))).toEqual(
      expect.arrayContaining(['README.md', 'docs/README.md', 'docs/worked-example.md']),
    );
  });

  it.each(DOCUMENTS.map((file) => [relative(root, file), file]))(
    '%s links only to files and headings that exist',
    (_name, file) => {
      expect(brokenLinks(file)).toEqual([]);
    },
  );

  it('is listed in the index, docs/README.md', () => {
    const index = readFileSync(join(root, 'docs', 'README.md'), 'utf8');
    const listed = new Set(
      relativeLinks(index).map(({ target }) => resolve(join(root, 'docs'), target.split('#')[0]!)),
    );
    const unlisted = markdownUnder(join(root, 'docs'))
      .filter((file) => file !== join(root, 'docs', 'README.md') && !listed.has(file))
      .map((file) => relative(root, file));
    expect(unlisted).toEqual([]);
  });

  it('reads a broken link and a missing anchor as broken', () => {
    const links = relativeLinks('[a](missing.md) `[b](ignored.md)` [c](#here) [d](https://x.org)');
    expect(links.map((link) => link.target)).toEqual(['missing.md', '#here']);
    expect(anchorsOf('# Who may do what\n## Errors\n## Errors\n```\n# not a heading\n```')).toEqual(
      new Set(['who-may-do-what', 'errors', 'errors-1']),
    );
  });
});
