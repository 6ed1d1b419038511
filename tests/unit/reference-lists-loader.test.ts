/**
 * The references loader in `astro dev`: a fake watcher and store stand in for Astro's. Adding,
 * changing and deleting a review (as the atomic commit does: a staging folder renamed into
 * place) reaches the store; staging folders are never reviews; cross-citations to a deleted
 * review go away.
 */
import { EventEmitter } from 'node:events';
import { cp, mkdtemp, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { LoaderContext } from 'astro/loaders';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { isReviewFile, referenceListsLoader } from '../../src/lib/loaders/reference-lists.ts';
import { readLayerReview, type LayerFile } from '../../src/lib/references/layer-files.ts';
import type { LibraryReview } from '../../src/lib/references/library.ts';

const SEED = 'bournazou-2013-jakstat';

/** The part of Astro's data store the loader uses, over a Map. */
function fakeStore() {
  type Data = Pick<LayerFile, 'file' | 'digest'>;
  const entries = new Map<string, { id: string; data: Data; digest?: string | number }>();
  return {
    set: (entry: { id: string; data: Record<string, unknown>; digest?: string | number }) => {
      const old = entries.get(entry.id);
      if (old && entry.digest !== undefined && old.digest === entry.digest) return false;
      entries.set(entry.id, entry as unknown as { id: string; data: Data; digest?: string | number });
      return true;
    },
    get: (id: string) => entries.get(id),
    delete: (id: string) => void entries.delete(id),
    keys: () => [...entries.keys()],
    values: () => [...entries.values()],
    entries: () => [...entries.entries()],
    has: (id: string) => entries.has(id),
    clear: () => entries.clear(),
  };
}

/** The layer of `slug` as the pages read it: the file its store entry names. */
async function layerOf(
  store: ReturnType<typeof fakeStore>,
  slug: string,
): Promise<LibraryReview | undefined> {
  const entry = store.get(slug);
  return entry ? readLayerReview(entry.data) : undefined;
}

describe('references loader', () => {
  let project: string;
  let reviews: string;
  const watcher = new EventEmitter();
  const store = fakeStore();
  const logger = { info: vi.fn(), warn: vi.fn(), error: vi.fn(), debug: vi.fn(), label: 'test' };

  beforeAll(async () => {
    project = await mkdtemp(join(tmpdir(), 'lectern-loader-'));
    reviews = join(project, 'content', 'reviews');
    await cp(join('content', 'reviews', SEED), join(reviews, SEED), { recursive: true });
    const loader = referenceListsLoader({ base: './content/reviews' });
    const context = {
      collection: 'references',
      store,
      logger,
      watcher,
      config: { root: pathToFileURL(`${project}/`) },
      generateDigest: (data: unknown) => JSON.stringify(data),
      parseData: (props: { data: unknown }) => Promise.resolve(props.data),
    } as unknown as LoaderContext;
    await loader.load(context);
  }, 120_000);

  afterAll(async () => {
    watcher.removeAllListeners();
    await rm(project, { recursive: true, force: true });
  });

  it('loads each review with its references', async () => {
    expect(store.keys()).toEqual([SEED]);
    expect(store.get(SEED)?.data.file).toBe(
      join(project, 'node_modules', '.cache', 'lectern', 'layer', `${SEED}.json`),
    );
    const seed = await layerOf(store, SEED);
    expect(seed?.references.map((r) => r.key).slice(0, 2)).toEqual(['darnell1997', 'bromberg2002']);
    expect(seed?.references[0]?.anchor).toBe('bib-darnell1997');
  });

  it('tells review files from staging folders and other paths', () => {
    expect(isReviewFile(reviews, join(reviews, SEED, 'references.json'))).toBe(true);
    expect(isReviewFile(reviews, join(reviews, '.staging-123-0', 'references.json'))).toBe(false);
    expect(isReviewFile(reviews, join(reviews, '.retired-123-0', 'index.md'))).toBe(false);
    expect(isReviewFile(reviews, join(project, 'src', 'pages', 'index.astro'))).toBe(false);
  });

  it('picks up an added review, committed through a staging folder, with cross-citations', async () => {
    const staging = join(reviews, '.staging-1-0');
    await cp(join(reviews, SEED), staging, { recursive: true });
    const index = join(staging, 'index.md');
    await writeFile(index, (await readFile(index, 'utf8')).replace(/^title: .*$/m, 'title: A second review'));
    watcher.emit('add', join(staging, 'references.json'));
    // Nothing yet: a staging folder is not a review.
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(store.keys()).toEqual([SEED]);

    await rename(staging, join(reviews, 'second-review'));
    watcher.emit('add', join(reviews, 'second-review', 'references.json'));
    await vi.waitFor(() => expect(store.keys().sort()).toEqual([SEED, 'second-review']), { timeout: 60_000 });
    const first = (await layerOf(store, SEED))?.references[0];
    expect(first?.alsoCitedIn).toEqual([
      { slug: 'second-review', title: 'A second review', path: 'second-review/#bib-darnell1997' },
    ]);
  }, 90_000);

  it('picks up a changed reference list', async () => {
    const file = join(reviews, 'second-review', 'references.json');
    const items = JSON.parse(await readFile(file, 'utf8')) as { title?: string }[];
    items[0] = { ...items[0], title: 'A changed title' };
    await writeFile(file, JSON.stringify(items));
    watcher.emit('change', file);
    await vi.waitFor(
      async () =>
        expect((await layerOf(store, 'second-review'))?.references[0]?.record.title).toBe('A changed title'),
      { timeout: 60_000 },
    );
  }, 90_000);

  it('drops a deleted review and the links to it', async () => {
    await rm(join(reviews, 'second-review'), { recursive: true });
    watcher.emit('unlinkDir', join(reviews, 'second-review'));
    await vi.waitFor(() => expect(store.keys()).toEqual([SEED]), { timeout: 60_000 });
    expect((await layerOf(store, SEED))?.references[0]?.alsoCitedIn).toEqual([]);
    // Its layer file is gone with it.
    await expect(
      readFile(join(project, 'node_modules', '.cache', 'lectern', 'layer', 'second-review.json')),
    ).rejects.toThrow(/ENOENT/);
  }, 90_000);
});
