import { execFile } from 'node:child_process';
import { cp, mkdtemp, readFile, readdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { beforeEach, describe, expect, it } from 'vitest';
import { ingestFile } from '../../src/lib/ingest.ts';
import { cslProblems } from '../../src/lib/schema/validate-csl.ts';
import { EditedContentError } from '../../src/lib/write/commit-review.ts';
import { SourceError } from '../../src/lib/errors.ts';

const run = promisify(execFile);
const SEED = 'content/sources/bournazou-2013-jakstat.pubmed.txt';

let work: string;
let out: string;

beforeEach(async () => {
  work = await mkdtemp(join(tmpdir(), 'lectern-ingest-'));
  out = join(work, 'content');
});

/** Every file under `dir` with its bytes, to compare whole trees. */
async function snapshot(dir: string): Promise<Map<string, string>> {
  const files = new Map<string, string>();
  for (const entry of await readdir(dir, { recursive: true, withFileTypes: true })) {
    if (entry.isFile()) {
      const path = join(entry.parentPath, entry.name);
      files.set(path.slice(dir.length), await readFile(path, 'utf8'));
    }
  }
  return files;
}

describe('ingest of the seed page', () => {
  it('writes index.md, one file per figure and references.json, and copies the source', async () => {
    const [summary] = await ingestFile(SEED, { out });
    expect(summary).toMatchObject({
      slug: 'bournazou-2013-jakstat',
      figures: 3,
      references: 5,
      withDoi: 4,
      withPmid: 0,
      withPmcid: 0,
    });
    const files = [...(await snapshot(out)).keys()].sort();
    expect(files).toEqual([
      '/reviews/bournazou-2013-jakstat/.ingest-manifest.json',
      '/reviews/bournazou-2013-jakstat/figures/1.md',
      '/reviews/bournazou-2013-jakstat/figures/2.md',
      '/reviews/bournazou-2013-jakstat/figures/3.md',
      '/reviews/bournazou-2013-jakstat/index.md',
      '/reviews/bournazou-2013-jakstat/references.json',
      '/reviews/bournazou-2013-jakstat/report.json',
      '/sources/bournazou-2013-jakstat.pubmed.txt',
    ]);
    expect(await readFile(join(out, 'sources/bournazou-2013-jakstat.pubmed.txt'), 'utf8')).toBe(
      await readFile(SEED, 'utf8'),
    );
    const figure = await readFile(join(out, 'reviews/bournazou-2013-jakstat/figures/1.md'), 'utf8');
    expect(figure).toBe(
      '---\nnumber: 1\nlabel: Figure 1\n---\n\nThe role of activated STAT3 and its molecular targets in tumorigenesis.\n',
    );
  });

  it('writes references that validate against the official CSL-JSON schema', async () => {
    await ingestFile(SEED, { out });
    const items: unknown = JSON.parse(
      await readFile(join(out, 'reviews/bournazou-2013-jakstat/references.json'), 'utf8'),
    );
    expect(cslProblems(items)).toEqual([]);
    expect(Array.isArray(items) && items.length).toBe(5);
  });

  it('gives byte-identical content on a second run', async () => {
    await ingestFile(SEED, { out });
    const first = await snapshot(out);
    await ingestFile(SEED, { out });
    expect(await snapshot(out)).toEqual(first);
  });

  it('matches the content committed in the repository', async () => {
    await ingestFile(SEED, { out });
    const committed = await snapshot('content/reviews/bournazou-2013-jakstat');
    const fresh = await snapshot(join(out, 'reviews/bournazou-2013-jakstat'));
    expect(fresh).toEqual(committed);
  });
});

describe('ingest never loses content', () => {
  it('refuses to overwrite a hand edit, and keeps the edit', async () => {
    await ingestFile(SEED, { out });
    const caption = join(out, 'reviews/bournazou-2013-jakstat/figures/2.md');
    const edited = (await readFile(caption, 'utf8')).replace('images', 'micrographs');
    await writeFile(caption, edited);
    await expect(ingestFile(SEED, { out })).rejects.toThrow(EditedContentError);
    await expect(ingestFile(SEED, { out })).rejects.toThrow(/figures\/2\.md changed since the last ingest/);
    expect(await readFile(caption, 'utf8')).toBe(edited);
    await ingestFile(SEED, { out, force: true });
    expect(await readFile(caption, 'utf8')).not.toBe(edited);
  });

  it('leaves content/ exactly as it was when the input is bad', async () => {
    await ingestFile(SEED, { out });
    const before = await snapshot(out);
    const bad = join(work, 'bad.txt');
    await writeFile(bad, 'Not a PubMed page\nat all\n');
    await expect(ingestFile(bad, { out })).rejects.toThrow(SourceError);
    await expect(ingestFile(bad, { out })).rejects.toThrow(/bad\.txt:1: expected a PubMed article page/);
    expect(await snapshot(out)).toEqual(before);
  });

  it('names a missing file', async () => {
    await expect(ingestFile(join(work, 'nope.txt'), { out })).rejects.toThrow(
      /nope\.txt: expected a readable file \(found: "no such file"\)/,
    );
  });

  it('rejects binary input without writing anything', async () => {
    const bin = join(work, 'page.pdf');
    await writeFile(bin, Buffer.from([0x25, 0x50, 0x44, 0x46, 0, 1, 2, 3]));
    await expect(ingestFile(bin, { out })).rejects.toThrow(
      /page\.pdf:1: expected a text file \(found: "binary data \(NUL bytes\)"\)/,
    );
    await expect(readdir(out)).rejects.toThrow(/ENOENT/);
  });
});

describe('npm run ingest', () => {
  it('prints the summary and honours --out and --slug', async () => {
    const copy = join(work, 'page.txt');
    await cp(SEED, copy);
    const { stdout } = await run('npx', [
      'node',
      'scripts/ingest.ts',
      copy,
      '--out',
      out,
      '--slug',
      'jakstat-review',
    ]);
    expect(stdout).toMatch(/review\s+jakstat-review/);
    expect(stdout).toMatch(/figures\s+3/);
    expect(stdout).toMatch(/references\s+5/);
    expect(stdout).toMatch(/with DOI\s+4/);
    expect((await readdir(join(out, 'reviews'))).sort()).toEqual(['jakstat-review']);
  });

  it('exits 1 with a one-line message on bad input, not a stack trace', async () => {
    const bad = join(work, 'bad.txt');
    await writeFile(bad, 'hello\n');
    const failure = await run('npx', ['node', 'scripts/ingest.ts', bad, '--out', out]).then(
      () => undefined,
      (e: unknown) => e as { code: number; stderr: string },
    );
    expect(failure?.code).toBe(1);
    expect(failure?.stderr.trim()).toMatch(/^ingest failed: .*bad\.txt:1: expected a PubMed article page/);
    expect(failure?.stderr).not.toMatch(/\n\s+at /);
  });
});
