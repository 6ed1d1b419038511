import { createHash } from 'node:crypto';
import { MAX_FIGURE_IMAGES, MAX_IMAGE_BYTES, sniffImage, type FigureImage } from '../figure-images.ts';
import { MalformedResponseError, NetworkError } from '../net/http-client.ts';
import type { PmcMediaFile, PmcOa } from '../net/pmc-oa.ts';
import type { Figure } from '../schema/review.ts';

export interface PmcFigureImages {
  /** Figure number -> image, as `reviewFiles` stores them (`figures/<n>.<ext>`). */
  images: Map<number, FigureImage>;
  /** One line per file not taken, with the reason. */
  skipped: string[];
}

const IMAGE_NAME = /\.(?:jpe?g|png|gif|webp)$/i;

/**
 * The images of a PMC open-access article's figures: for each figure whose JATS `<graphic>`
 * names a file, the media file of that name (exactly, or the name plus an image extension, as
 * PMC stores `1471-2180-11-174-1` as `1471-2180-11-174-1.jpg`). Nothing else the article has
 * (PDF, supplements, other media) is downloaded. Each file is capped in size, checked against
 * the MD5 the metadata gives, and taken only when its bytes are an image sharp reads; a file
 * that fails any of these is skipped with one line saying why, and its figure keeps its
 * caption-only card. Files are never written here: the caller stores the bytes under the
 * figure's number with the rest of the review, all or nothing.
 */
export async function fetchPmcFigureImages(
  pmcid: string,
  figures: readonly Figure[],
  pmcOa: PmcOa,
): Promise<PmcFigureImages> {
  const images = new Map<number, FigureImage>();
  const skipped: string[] = [];
  const wanted = figures.filter((f) => f.graphic);
  if (wanted.length === 0) return { images, skipped };
  let article;
  try {
    article = await pmcOa.articleFiles(pmcid);
  } catch (error) {
    // The text came from E-utilities; PMC's file service being down or odd costs only the images.
    if (!(error instanceof NetworkError || error instanceof MalformedResponseError)) throw error;
    skipped.push(`every image: PMC's open-access files of ${pmcid} could not be read: ${error.message}`);
    return { images, skipped };
  }
  if (!article) return { images, skipped };
  skipped.push(...article.refused);

  for (const figure of wanted) {
    const file = mediaFor(figure.graphic ?? '', article.media);
    if (!file) continue;
    if (images.size >= MAX_FIGURE_IMAGES) {
      skipped.push(`${file.name}: more than ${MAX_FIGURE_IMAGES} figure images`);
      continue;
    }
    let data: Uint8Array;
    try {
      data = await pmcOa.download(file, MAX_IMAGE_BYTES);
    } catch (error) {
      // An image that cannot be had costs its figure its picture, not the review its text.
      if (!(error instanceof NetworkError)) throw error;
      skipped.push(`${file.name}: ${error.message}`);
      continue;
    }
    if (file.md5 && createHash('md5').update(data).digest('hex') !== file.md5) {
      skipped.push(`${file.name}: its bytes do not match the MD5 PMC lists (cut off or changed)`);
      continue;
    }
    const extension = sniffImage(data);
    if (!extension) {
      skipped.push(`${file.name}: not a JPEG, PNG, GIF or WebP image`);
      continue;
    }
    images.set(figure.number, { extension, data });
  }
  return { images, skipped };
}

/** The media file a graphic names: by its base name, preferring an image extension. */
function mediaFor(graphic: string, media: readonly PmcMediaFile[]): PmcMediaFile | undefined {
  const base = graphic.split('/').pop() ?? '';
  return media
    .filter((m) => m.name === base || m.name.replace(/\.[a-z0-9]+$/i, '') === base)
    .sort((a, b) => a.name.localeCompare(b.name))
    .find((m) => IMAGE_NAME.test(m.name));
}
