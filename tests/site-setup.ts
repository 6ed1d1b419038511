import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { buildSite, LECTERN_SITE } from './helpers/build-site.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    /** `dist` built with base "/". */
    siteRoot: string;
    /**
     * `dist` built as the deploy workflow builds a GitHub Pages project site: BASE_PATH=/lectern/
     * and SITE=LECTERN_SITE, so its metadata URLs are absolute.
     */
    siteLectern: string;
  }
}

/** Builds the site twice, once per base, for the build and browser tests to share. */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const dir = await mkdtemp(join(tmpdir(), 'lectern-site-'));
  const root = join(dir, 'root');
  const lectern = join(dir, 'lectern');
  await buildSite(root, '/');
  await buildSite(lectern, '/lectern/', LECTERN_SITE);
  project.provide('siteRoot', root);
  project.provide('siteLectern', lectern);
  return () => rm(dir, { recursive: true, force: true });
}
