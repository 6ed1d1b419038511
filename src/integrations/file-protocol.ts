/**
 * Makes the built site work when `dist/index.html` is opened from disk (file://), and offers the
 * whole site as one zip to download.
 *
 * After Pagefind has indexed `dist` (astro:build:done), this (the scripts are classic files
 * already, see client-scripts.ts: browsers refuse ES modules over file://)
 *   1. rewrites every root-relative URL of a subresource (link[href], script[src],
 *      img/source[src|srcset], url() in CSS and <style>) into a page-relative one, so styles,
 *      scripts and images load from disk as they do under any base path over http. Navigation
 *      links (a[href]) and the search container's data paths stay as written: over file://
 *      file-links.ts points them at the right index.html at run time;
 *   2. writes `search-index.js`, a classic script holding the titles, keywords, figure captions
 *      and references of every review, for the search that file-search.ts offers over file://:
 *      the reference layer's records (src/lib/search/search-records.ts), not the built pages.
 * The archive step (`siteArchiveIntegration`) runs last, after the service worker is written.
 */
import type { AstroIntegration } from 'astro';
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join, posix, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { joinBase } from '../lib/base-path.ts';
import { isEntryExport } from '../lib/cite/entry-export-file.ts';
import { FILE_READS_IN_FLIGHT, mapPool } from '../lib/map-pool.ts';
import type { FileSearchIndex } from '../client/file-search.ts';
import { openArchiveCache, packEntry, type PackedEntry } from './archive-cache.ts';
import { defaultCacheDir } from '../lib/references/format-cache.ts';
import { contentLibrary } from '../lib/references/library-location.ts';
import { fileSearchIndex } from '../lib/search/search-records.ts';

/** The fallback index for file://, at the site root. */
export const SEARCH_INDEX_SCRIPT = 'search-index.js';
/** The whole site as one zip, at the site root. */
export const SITE_ARCHIVE = 'lectern-site.zip';
/** The folder the archive unpacks into. */
const ARCHIVE_FOLDER = 'lectern-site/';

export function fileProtocolIntegration(): AstroIntegration {
  let base = '/';
  let root = '';
  return {
    name: 'lectern:file-protocol',
    hooks: {
      'astro:config:done': ({ config }) => {
        base = joinBase(config.base, '');
        root = fileURLToPath(config.root);
      },
      'astro:build:done': async ({ dir, logger }) => {
        const index = fileSearchIndex(await contentLibrary(root));
        const stats = await prepareForFileProtocol(fileURLToPath(dir), base, index);
        logger.info(
          `file:// ready: ${stats.rewritten} URLs made page-relative, ${stats.pages} pages in ${SEARCH_INDEX_SCRIPT} (${stats.indexBytes} bytes)`,
        );
      },
    },
  };
}

/** Runs steps 1-2 of the module comment on a built site in `distDir`, built for `base`. */
export async function prepareForFileProtocol(
  distDir: string,
  base: string,
  index: FileSearchIndex,
): Promise<{ rewritten: number; pages: number; indexBytes: number }> {
  const files = (await listFiles(distDir)).filter((file) => file.endsWith('.html') || file.endsWith('.css'));
  const counts = await mapPool(files, FILE_READS_IN_FLIGHT, async (file) => {
    const path = join(distDir, file);
    const text = await readFile(path, 'utf8');
    const { html, css, count } = file.endsWith('.html')
      ? { ...relativizeHtml(text, file, base), css: undefined }
      : { ...relativizeCss(text, file, base), html: undefined };
    if (count > 0) await writeFile(path, html ?? css);
    return count;
  });
  const rewritten = counts.reduce((sum, n) => sum + n, 0);
  const script = `window.LECTERN_SEARCH_INDEX=${JSON.stringify(index).replace(/</g, '\\u003c')};\n`;
  await writeFile(join(distDir, SEARCH_INDEX_SCRIPT), script);
  return { rewritten, pages: index.pages.length, indexBytes: Buffer.byteLength(script) };
}

/** Every file under `dir`, as sorted "/"-separated paths relative to it. */
export async function listFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries
    .filter((entry) => entry.isFile())
    .map((entry) => relative(dir, join(entry.parentPath, entry.name)).split(sep).join('/'))
    .sort();
}

// --- 1. Page-relative subresource URLs --------------------------------------------------------

/**
 * `url` (as written in the file at `from`, a path under the site root) made relative to that
 * file when it is root-relative under `base`; otherwise null.
 */
export function relativeUrl(url: string, from: string, base: string): string | null {
  if (!url.startsWith(base) || url.startsWith('//')) return null;
  const target = url.slice(base.length);
  const path = target.split(/[?#]/)[0] ?? '';
  let rel = posix.relative(posix.dirname(`/${from}`), `/${path}`) || '.';
  if (path === '' || path.endsWith('/')) rel += '/';
  return rel + target.slice(path.length);
}

/** Link relations whose href the browser loads as a subresource of the page. */
const LOADED_RELS =
  /^(?:stylesheet|icon|shortcut icon|apple-touch-icon|preload|modulepreload|prefetch|manifest|mask-icon)$/i;
const URL_ATTRIBUTES: Record<string, string[]> = {
  script: ['src'],
  img: ['src', 'srcset'],
  source: ['src', 'srcset'],
  video: ['src', 'poster'],
  audio: ['src'],
  track: ['src'],
  iframe: ['src'],
  embed: ['src'],
  input: ['src'],
};

export function relativizeHtml(html: string, file: string, base: string): { html: string; count: number } {
  let count = 0;
  const fix = (url: string): string => {
    const rel = relativeUrl(url, file, base);
    if (rel === null) return url;
    count += 1;
    return rel;
  };
  const fixSrcset = (value: string): string =>
    value
      .split(',')
      .map((candidate) =>
        candidate.replace(/^(\s*)(\S+)/, (_m, space: string, url: string) => space + fix(url)),
      )
      .join(',');
  const fixCss = (css: string): string =>
    css.replace(
      /(url\(\s*['"]?|@import\s+['"])(\/[^'")\s]*)/g,
      (_m, lead: string, url: string) => lead + fix(url),
    );

  const fixTag = (name: string, attrs: string): string => {
    const tag = name.toLowerCase();
    // Most tags (a, div, span, li…) load nothing: only a style attribute could hold a URL.
    if (!Object.hasOwn(URL_ATTRIBUTES, tag) && tag !== 'link' && !/style/i.test(attrs)) return attrs;
    const wanted = new Set(URL_ATTRIBUTES[tag] ?? []);
    if (tag === 'link') {
      const rel = /\srel\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))/i.exec(attrs);
      if (LOADED_RELS.test((rel?.[1] ?? rel?.[2] ?? rel?.[3] ?? '').trim())) wanted.add('href');
      wanted.add('imagesrcset');
    }
    return attrs.replace(
      /(\s)([^\s=/>]+)(\s*=\s*)(?:"([^"]*)"|'([^']*)')/g,
      (attr, space: string, key: string, eq: string, dq?: string, sq?: string) => {
        const lower = key.toLowerCase();
        const value = dq ?? sq ?? '';
        const quote = dq === undefined ? "'" : '"';
        let next: string;
        if (lower === 'style') next = fixCss(value);
        else if (!wanted.has(lower)) return attr;
        else if (lower === 'srcset' || lower === 'imagesrcset') next = fixSrcset(value);
        else next = fix(value);
        return `${space}${key}${eq}${quote}${next}${quote}`;
      },
    );
  };

  const out = html.replace(
    /<!--[\s\S]*?-->|<(script|style)\b([^>]*)>([\s\S]*?)<\/\1\s*>|<([a-zA-Z][\w-]*)((?:\s+[^\s=/>]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s"'=<>`]+))?)*)(\s*\/?>)/g,
    (
      whole: string,
      rawName?: string,
      rawAttrs?: string,
      rawBody?: string,
      name?: string,
      attrs?: string,
      end?: string,
    ) => {
      if (rawName !== undefined) {
        // A script body is code, never markup; a style body is CSS.
        const body = rawName.toLowerCase() === 'style' ? fixCss(rawBody ?? '') : (rawBody ?? '');
        return `<${rawName}${fixTag(rawName, rawAttrs ?? '')}>${body}</${rawName}>`;
      }
      if (name === undefined) return whole;
      return `<${name}${fixTag(name, attrs ?? '')}${end ?? '>'}`;
    },
  );
  return { html: out, count };
}

export function relativizeCss(css: string, file: string, base: string): { css: string; count: number } {
  let count = 0;
  const out = css.replace(
    /(url\(\s*['"]?|@import\s+['"])(\/[^'")\s]*)/g,
    (whole, lead: string, url: string) => {
      const rel = relativeUrl(url, file, base);
      if (rel === null) return whole;
      count += 1;
      return lead + rel;
    },
  );
  return { css: out, count };
}

// --- The downloadable archive -------------------------------------------------------------------

/** Writes `<dist>/lectern-site.zip` after everything else; see `writeSiteArchive`. */
export function siteArchiveIntegration(): AstroIntegration {
  let root = '';
  return {
    name: 'lectern:site-archive',
    hooks: {
      'astro:config:done': ({ config }) => {
        root = fileURLToPath(config.root);
      },
      'astro:build:done': async ({ dir, logger }) => {
        const cacheDir = join(defaultCacheDir(root), 'site-archive');
        const { files, bytes, reused } = await writeSiteArchive(fileURLToPath(dir), cacheDir);
        logger.info(
          `${SITE_ARCHIVE}: ${files} files (${reused} unchanged since the last build), ${bytes} bytes`,
        );
      },
    },
  };
}

/**
 * Zips every file of the built site (but the zip itself and the per-reference exports) into `<dist>/lectern-site.zip`, under
 * one folder, so a reader can unpack it and open `lectern-site/index.html` from disk.
 * Deterministic: sorted entries, a fixed timestamp, the same bytes for the same site. With a
 * `cacheDir`, files unchanged since the last build keep their compressed bytes (archive-cache.ts).
 */
export async function writeSiteArchive(
  distDir: string,
  cacheDir?: string,
): Promise<{ files: number; bytes: number; reused: number }> {
  const files = (await listFiles(distDir)).filter((file) => file !== SITE_ARCHIVE && !isEntryExport(file));
  const cache = await openArchiveCache(cacheDir);
  const packed = await mapPool(files, FILE_READS_IN_FLIGHT, async (file) =>
    cache.pack(ARCHIVE_FOLDER + file, await readFile(join(distDir, file))),
  );
  const { zip, offsets } = zipPacked(packed);
  await writeFile(join(distDir, SITE_ARCHIVE), zip);
  await cache.save(zip, offsets);
  return { files: files.length, bytes: zip.length, reused: cache.reused };
}

/** A ZIP (PKWARE APPNOTE 6.3) of `entries`: deflated where that is smaller, else stored. */
export function zipFiles(entries: { name: string; data: Buffer }[]): Buffer {
  return zipPacked(entries.map(({ name, data }) => packEntry(name, data))).zip;
}

/** The ZIP of entries already packed, and where each entry's body starts in it. */
export function zipPacked(entries: PackedEntry[]): { zip: Buffer; offsets: Map<string, number> } {
  const DOS_TIME = 0; // 00:00:00
  const DOS_DATE = (0 << 9) | (1 << 5) | 1; // 1980-01-01
  const UTF8 = 1 << 11;
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  const offsets = new Map<string, number>();
  let offset = 0;
  for (const { name, crc, size, method, body } of entries) {
    const nameBytes = Buffer.from(name, 'utf8');
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(UTF8, 6);
    local.writeUInt16LE(method, 8);
    local.writeUInt16LE(DOS_TIME, 10);
    local.writeUInt16LE(DOS_DATE, 12);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(body.length, 18);
    local.writeUInt32LE(size, 22);
    local.writeUInt16LE(nameBytes.length, 26);
    local.writeUInt16LE(0, 28);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(UTF8, 8);
    central.writeUInt16LE(method, 10);
    central.writeUInt16LE(DOS_TIME, 12);
    central.writeUInt16LE(DOS_DATE, 14);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(body.length, 20);
    central.writeUInt32LE(size, 24);
    central.writeUInt16LE(nameBytes.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, nameBytes, body);
    centrals.push(central, nameBytes);
    offsets.set(name, offset + local.length + nameBytes.length);
    offset += local.length + nameBytes.length + body.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  if (offset > 0xffffffff || entries.length > 0xffff)
    throw new Error('the site is too large for a ZIP without ZIP64');
  return { zip: Buffer.concat([...locals, directory, end]), offsets };
}
