import { readdir, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { Figure } from './schema/review.ts';

/** A figure's image file, read from beside the source, as the writer stores it. */
export interface FigureImage {
  /** The extension it is stored under, from its content, not its name: "jpg", "png"… */
  extension: 'jpg' | 'png' | 'gif' | 'webp';
  data: Uint8Array;
}

/** Larger image files are skipped: a figure is a few megabytes at most. */
export const MAX_IMAGE_BYTES = 20 * 1024 * 1024;

/** At most this many images per review: a review has a handful of figures, never hundreds. */
export const MAX_FIGURE_IMAGES = 100;

/** The image formats astro:assets (sharp) reads, by their first bytes. */
export function sniffImage(data: Uint8Array): FigureImage['extension'] | undefined {
  const ascii = (from: number, to: number): string => String.fromCharCode(...data.subarray(from, to));
  if (data[0] === 0xff && data[1] === 0xd8 && data[2] === 0xff) return 'jpg';
  if (ascii(1, 4) === 'PNG' && data[0] === 0x89) return 'png';
  if (ascii(0, 4) === 'GIF8') return 'gif';
  if (ascii(0, 4) === 'RIFF' && ascii(8, 12) === 'WEBP') return 'webp';
  return undefined;
}

/**
 * The image of each figure whose source names one (JATS `graphic`), found in `dir`, the folder
 * of the source file, as a PMC open-access package lays them out (`<graphic>.jpg` beside the
 * `.nxml`). A file is taken only when its bytes are an image sharp reads; anything else is
 * listed in `skipped` with the reason, and the figure keeps its caption-only card.
 */
export async function findFigureImages(
  figures: readonly Figure[],
  dir: string,
): Promise<{ images: Map<number, FigureImage>; skipped: string[] }> {
  const images = new Map<number, FigureImage>();
  const skipped: string[] = [];
  let names: string[];
  try {
    names = await readdir(dir);
  } catch {
    return { images, skipped };
  }
  for (const figure of figures) {
    const graphic = figure.graphic;
    if (!graphic) continue;
    const name = names
      .filter((n) => n === graphic || n.replace(/\.[a-z0-9]+$/i, '') === graphic)
      .sort()
      .find((n) => /\.(?:jpe?g|png|gif|webp)$/i.test(n));
    if (!name) continue;
    const path = join(dir, name);
    const { size } = await stat(path);
    if (size > MAX_IMAGE_BYTES) {
      skipped.push(`${name}: larger than ${MAX_IMAGE_BYTES / 1024 / 1024} MiB`);
      continue;
    }
    const data = new Uint8Array(await readFile(path));
    const extension = sniffImage(data);
    if (!extension) {
      skipped.push(`${name}: not a JPEG, PNG, GIF or WebP image`);
      continue;
    }
    images.set(figure.number, { extension, data });
  }
  return { images, skipped };
}
