/**
 * "One review changed": an edit to one review's content files, the way an author would touch
 * them (one reference's title in `references.json`, a sentence in the abstract of `index.md`),
 * applied before a rebuild and undone after it.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

export interface ReviewEdit {
  /** The abstract's new sentence and the reference's new title: both must be on the rebuilt page. */
  sentence: string;
  title: string;
}

/**
 * `index.md` with `sentence` appended to the first paragraph after the frontmatter that is not a
 * heading (a paragraph of its own when there is none).
 */
export function editAbstract(markdown: string, sentence: string): string {
  const front = /^---\r?\n[\s\S]*?\r?\n---\r?\n/.exec(markdown);
  const head = front?.[0] ?? '';
  const body = markdown.slice(head.length);
  const paragraphs = body.matchAll(/\S[\s\S]*?(?=\r?\n[ \t]*\r?\n|\s*$)/g);
  const first = [...paragraphs].find((p) => !p[0].startsWith('#'));
  if (!first) return `${head}${body}${body.endsWith('\n') || body === '' ? '' : '\n'}\n${sentence}\n`;
  const end = first.index + first[0].length;
  return `${head}${body.slice(0, end)} ${sentence}${body.slice(end)}`;
}

/** `references.json` with `suffix` added to the first titled reference's title; and that title. */
export function editReferenceTitle(json: string, suffix: string): { json: string; title: string } {
  const items = JSON.parse(json) as unknown;
  if (!Array.isArray(items)) throw new Error('references.json is not a list');
  const item = (items as unknown[]).find(
    (x): x is { title: string } =>
      typeof x === 'object' && x !== null && typeof (x as { title?: unknown }).title === 'string',
  );
  if (!item) throw new Error('references.json has no reference with a title');
  item.title = `${item.title} (${suffix})`;
  return { json: `${JSON.stringify(items, null, 2)}\n`, title: item.title };
}

/**
 * Edits review `slug` under `contentDir` for run `run`; returns what the page must now show and
 * a function that puts the original bytes back.
 */
export async function applyReviewEdit(
  contentDir: string,
  slug: string,
  run: number,
): Promise<{ edit: ReviewEdit; revert: () => Promise<void> }> {
  const indexFile = join(contentDir, 'reviews', slug, 'index.md');
  const referencesFile = join(contentDir, 'reviews', slug, 'references.json');
  const index = await readFile(indexFile, 'utf8');
  const references = await readFile(referencesFile, 'utf8');
  const sentence = `This sentence was added by the benchmark, run ${run}.`;
  const edited = editReferenceTitle(references, `edited by the benchmark, run ${run}`);
  await writeFile(indexFile, editAbstract(index, sentence));
  await writeFile(referencesFile, edited.json);
  return {
    edit: { sentence, title: edited.title },
    revert: async () => {
      await writeFile(indexFile, index);
      await writeFile(referencesFile, references);
    },
  };
}
