import { readdir, readFile, stat } from 'node:fs/promises';
import { dirname, join } from 'node:path';
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
 * The folder that holds the figure images kept with a saved source: `<source file name>.media`
 * beside it, e.g. `content/sources/pmc-PMC3166277.xml.media/`. Each source has its own, so two
 * reviews whose JATS name the same `<graphic>` ("fig1") never share, or overwrite, an image.
 * The whole file name, extension included, so `a.xml` and `a.nxml` never share one either.
 */
export function sourceMediaDir(sourceFile: string): string {
  return `${sourceFile}.media`;
}

/**
 * Where to look for a source file's figure images: its own media folder when it has one (a
 * source saved by an ingest), else the folder it is in, as a PMC open-access package lays
 * them out (`<graphic>.jpg` beside the `.nxml`).
 */
export async function figureImagesDir(sourceFile: string): Promise<string> {
  const media = sourceMediaDir(sourceFile);
  try {
    if ((await stat(media)).isDirectory()) return media;
  } catch {
    // No media folder: the source is not one an ingest saved with images.
  }
  return dirname(sourceFile);
}

/** A graphic or file name without an image extension: `fig1.jpg` and `fig1` name one image. */
const imageStem = (name: string): string => name.replace(/\.(?:jpe?g|png|gif|webp)$/i, '');

/** The name an image is kept under in a source's media folder: its graphic, by its real type. */
export function mediaFileName(graphic: string, image: FigureImage): string | undefined {
  // A plain file name only: a graphic is never a path to write to.
  if (!/^[A-Za-z0-9_][A-Za-z0-9_-]*(?:\.[A-Za-z0-9_-]+)*$/.test(graphic)) return undefined;
  return `${imageStem(graphic)}.${image.extension}`;
}

/**
 * The image of each figure whose source names one (JATS `graphic`), found in `dir` (see
 * figureImagesDir): `<graphic>` itself or `<graphic>.<image extension>`. A file is taken only when its bytes are an image sharp reads; anything else is
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
      .filter(
        (n) =>
          n === graphic ||
          n.replace(/\.[a-z0-9]+$/i, '') === graphic ||
          // As mediaFileName keeps it: graphic "fig1.jpg" whose bytes are a PNG is "fig1.png".
          n.replace(/\.[a-z0-9]+$/i, '') === imageStem(graphic),
      )
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
