import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { sourceMediaDir } from '../figure-images.ts';

/** A source to keep in `<out>/sources/<name>`, with the figure images read with it. */
export interface SavedSource {
  name: string;
  content: string | Uint8Array;
  /** File name -> bytes, kept in the source's media folder (see sourceMediaDir). */
  media: ReadonlyMap<string, Uint8Array>;
}

/** Sources written beside their final places, to be swapped in once the reviews are. */
export interface StagedSources {
  /** Renames every staged source and media folder into place. */
  commit(): Promise<void>;
  /** Removes whatever is left of the staging; call it whether or not commit ran. */
  discard(): Promise<void>;
}

interface Move {
  /** The staged file or folder; none when the target is only to be removed. */
  from?: string;
  to: string;
  /** Where a media folder being replaced is moved first: a folder cannot be renamed over one. */
  retired?: string;
}

/**
 * Stages each source in `<out>/sources/`, and its images as its own media folder, so that
 * a later offline re-ingest of the saved source finds exactly the images this ingest used. The
 * media folder is replaced as a whole, and removed when the source came with no image, so it
 * never keeps an image from an earlier ingest that this one did not take. `file` is what was
 * ingested: re-ingesting `content/sources/x` in place needs no copy of x itself.
 */
export async function stageSources(
  out: string,
  sources: SavedSource[],
  file: string,
): Promise<StagedSources> {
  const dir = join(out, 'sources');
  await mkdir(dir, { recursive: true });
  const tag = randomBytes(4).toString('hex');
  const moves: Move[] = [];
  const discard = async (): Promise<void> => {
    for (const { from, retired } of moves) {
      if (from) await rm(from, { recursive: true, force: true });
      if (retired) await rm(retired, { recursive: true, force: true });
    }
  };
  try {
    for (const [i, source] of sources.entries()) {
      const to = join(dir, source.name);
      const staging = join(dir, `.staging-${tag}-${i}`);
      if (resolve(file) !== to) {
        moves.push({ from: staging, to });
        await writeFile(staging, source.content);
      }
      const media = { to: sourceMediaDir(to), retired: sourceMediaDir(join(dir, `.retired-${tag}-${i}`)) };
      if (source.media.size === 0) {
        moves.push(media);
        continue;
      }
      const from = sourceMediaDir(staging);
      moves.push({ ...media, from });
      await mkdir(from);
      for (const [name, data] of source.media) await writeFile(join(from, name), data);
    }
  } catch (error) {
    await discard();
    throw error;
  }
  return {
    async commit() {
      for (const { from, to, retired } of moves) {
        if (retired && existsSync(to)) await rename(to, retired);
        if (from) await rename(from, to);
      }
    },
    discard,
  };
}
