/**
 * A hand correction to a review survives a re-ingest: the ingest refuses to overwrite it without
 * --force and shows the difference (a short unified diff of the first edited file).
 */
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ingestFile } from '../../src/lib/ingest.ts';
import { EditedContentError, shortDiff } from '../../src/lib/write/commit-review.ts';

const run = promisify(execFile);
const SEED = 'content/sources/bournazou-2013-jakstat.pubmed.txt';
const REVIEW = 'reviews/bournazou-2013-jakstat';

let out: string;

beforeEach(async () => {
  out = join(await mkdtemp(join(tmpdir(), 'lectern-edits-')), 'content');
  await ingestFile(SEED, { out });
});

afterEach(async () => {
  await rm(join(out, '..'), { recursive: true, force: true });
});

async function refusal(): Promise<EditedContentError> {
  const error = await ingestFile(SEED, { out }).then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(EditedContentError);
  return error as EditedContentError;
}

describe('a hand edit', () => {
  it('is refused with a unified diff of the edit, and kept', async () => {
    const caption = join(out, REVIEW, 'figures/2.md');
    const original = await readFile(caption, 'utf8');
    const edited = original.replace('images showing', 'micrographs showing');
    await writeFile(caption, edited);

    const error = await refusal();
    expect(error.edited).toEqual(['figures/2.md']);
    expect(error.message.split('\n')[0]).toMatch(/figures\/2\.md changed since the last ingest; refusing/);
    expect(error.diff).toBe(
      [
        '--- figures/2.md (this ingest)',
        '+++ figures/2.md (edited)',
        '@@ -4,4 +4,4 @@',
        ' ---',
        ' ',
        `-${original.split('\n')[5]}`,
        `+${edited.split('\n')[5]}`,
        ' ',
      ].join('\n'),
    );
    expect(error.message).toContain(error.diff);
    expect(await readFile(caption, 'utf8')).toBe(edited);
  });

  it('shows the first edited file when several are, and a file added by hand', async () => {
    await writeFile(join(out, REVIEW, 'notes.md'), 'My notes\n');
    const index = join(out, REVIEW, 'index.md');
    await writeFile(index, (await readFile(index, 'utf8')).replace('Persistent', 'Sustained'));
    const error = await refusal();
    expect(error.edited).toEqual(['index.md', 'notes.md']);
    expect(error.diff).toMatch(
      /^--- index\.md \(this ingest\)\n\+\+\+ index\.md \(edited\)\n@@ -\d+,\d+ \+\d+,\d+ @@\n/,
    );
    expect(error.diff).toMatch(/^-Persistent JAK-STAT3/m);
    expect(error.diff).toMatch(/^\+Sustained JAK-STAT3/m);
  });

  it('is discarded with --force', async () => {
    const caption = join(out, REVIEW, 'figures/1.md');
    const original = await readFile(caption, 'utf8');
    await writeFile(caption, `${original}Added line.\n`);
    await ingestFile(SEED, { out, force: true });
    expect(await readFile(caption, 'utf8')).toBe(original);
  });

  it('makes npm run ingest exit 1 and print the difference', async () => {
    const caption = join(out, REVIEW, 'figures/3.md');
    await writeFile(caption, (await readFile(caption, 'utf8')).replace('tumor stroma', 'tumour stroma'));
    const failure = await run(process.execPath, ['scripts/ingest.ts', SEED, '--out', out]).then(
      () => undefined,
      (e: unknown) => e as { code: number; stderr: string },
    );
    expect(failure?.code).toBe(1);
    expect(failure?.stderr).toMatch(/^ingest failed: .*figures\/3\.md changed since the last ingest/);
    expect(failure?.stderr).toMatch(/^-.*tumor stroma/m);
    expect(failure?.stderr).toMatch(/^\+.*tumour stroma/m);
    expect(failure?.stderr).not.toMatch(/\n\s+at /);
  });
});

describe('shortDiff', () => {
  it('is empty for equal texts and keeps two lines of context', () => {
    expect(shortDiff('a', 'x\n', 'x\n')).toBe('');
    const before = ['1', '2', '3', '4', '5', '6', '7'].join('\n');
    const after = ['1', '2', '3', 'four', '5', '6', '7'].join('\n');
    expect(shortDiff('f', before, after)).toBe(
      ['--- f (ingest)', '+++ f (edited)', '@@ -2,5 +2,5 @@', ' 2', ' 3', '-4', '+four', ' 5', ' 6'].join(
        '\n',
      ),
    );
  });

  it('is cut short for a rewritten file', () => {
    const before = Array.from({ length: 100 }, (_, i) => `line ${i}`).join('\n');
    const after = Array.from({ length: 100 }, (_, i) => `LINE ${i}`).join('\n');
    const diff = shortDiff('f', before, after).split('\n');
    expect(diff.length).toBeLessThanOrEqual(3 + 25);
    expect(diff.at(-1)).toMatch(/^… \d+ more lines$/);
  });
});
