/**
 * Every script a page runs ships as a classic (IIFE) file at the site root, bundled by esbuild
 * from src/client/entries/. Not Astro's `<script>` (an ES module, inlined or hashed): browsers
 * refuse module scripts from file://, and an inlined one would need 'unsafe-inline' in the
 * Content-Security-Policy. Each component loads only the file its feature needs, so a page
 * without figures never downloads the figure viewer.
 */
import type { AstroIntegration } from 'astro';
import { build } from 'esbuild';
import { writeFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { joinBase } from '../lib/base-path.ts';

const ENTRY_DIR = fileURLToPath(new URL('../client/entries/', import.meta.url));

/** The scripts, by the file name pages load them from (through the base-path helper). */
export const CLIENT_SCRIPTS = {
  /** Loaded in <head>, blocking: applies a stored dark/light choice before the first paint. */
  theme: 'lectern-theme.js',
  /** Every page, deferred: theme toggle, search on first use, file:// links, service worker. */
  site: 'lectern-client.js',
  /** Review page: citation and figure popovers. */
  popovers: 'lectern-popovers.js',
  /** Review page with figures: the figure viewer. */
  lightbox: 'lectern-lightbox.js',
  /** Review page: citation-style switcher and "Copy citation". */
  citationStyles: 'lectern-citation-styles.js',
  /** References page: filters, sorts and the query syntax over Pagefind. */
  referenceBrowser: 'lectern-reference-browser.js',
} as const;

/** Output file → its entry: `lectern-<name>.js` comes from `entries/<name>.ts`. */
const ENTRIES: Record<string, string> = Object.fromEntries(
  Object.values(CLIENT_SCRIPTS).map((file) => [
    file,
    join(ENTRY_DIR, `${file.slice('lectern-'.length, -'.js'.length)}.ts`),
  ]),
);

/** Bundles every entry; returns file name → code. */
export async function bundleClientScripts(): Promise<Map<string, string>> {
  const result = await build({
    entryPoints: Object.fromEntries(Object.entries(ENTRIES).map(([file, path]) => [file.slice(0, -3), path])),
    outdir: 'out',
    bundle: true,
    write: false,
    format: 'iife',
    target: 'es2022',
    minify: true,
    legalComments: 'none',
    logLevel: 'silent',
  });
  return new Map(result.outputFiles.map((file) => [basename(file.path), file.text]));
}

export function clientScriptsIntegration(): AstroIntegration {
  let base = '/';
  return {
    name: 'lectern:client-scripts',
    hooks: {
      'astro:config:done': ({ config }) => {
        base = joinBase(config.base, '');
      },
      'astro:server:setup': ({ server }) => {
        // `astro dev` has no build step: bundle on request, so an edit shows on reload.
        server.middlewares.use((req, res, next) => {
          const path = req.url?.split('?')[0] ?? '';
          const file = path.startsWith(base) ? path.slice(base.length) : '';
          if (!(file in ENTRIES)) return next();
          bundleClientScripts().then(
            (scripts) => res.writeHead(200, { 'content-type': 'text/javascript' }).end(scripts.get(file)),
            (error: unknown) => next(error),
          );
        });
      },
      'astro:build:done': async ({ dir, logger }) => {
        const scripts = await bundleClientScripts();
        const distDir = fileURLToPath(dir);
        for (const [file, code] of scripts) await writeFile(join(distDir, file), code);
        const sizes = [...scripts].map(([file, code]) => `${file} ${Buffer.byteLength(code)} B`);
        logger.info(`client scripts: ${sizes.join(', ')}`);
      },
    },
  };
}
