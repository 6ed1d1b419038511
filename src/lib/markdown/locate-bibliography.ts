import { existsSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import type { VFile } from 'vfile';

/** Where the review's reference list for a Markdown file is, relative to the build's cwd. */
export function bibliographyFor(file: VFile): string | undefined {
  if (!file.path) return undefined;
  // A review's Markdown lives in its folder or one level down (figures/); the list is at its root.
  let dir = dirname(file.path);
  for (let depth = 0; depth < 2; depth++) {
    const candidate = join(dir, 'references.json');
    if (existsSync(candidate)) return relative(file.cwd, candidate);
    dir = dirname(dir);
  }
  return undefined;
}

interface AstroFileData {
  astro?: { frontmatter?: Record<string, unknown> };
  frontmatter?: Record<string, unknown>;
  matter?: Record<string, unknown>;
}

/**
 * rehype-citation reads the bibliography path from frontmatter and resolves it against the
 * process's cwd, not the file. This points it at the file's own review before it runs.
 */
export function rehypeLocateBibliography() {
  return (_tree: unknown, file: VFile): void => {
    const bibliography = bibliographyFor(file);
    const data = file.data as AstroFileData;
    // rehype-citation looks in these first; only the path set below may answer.
    delete data.matter;
    delete data.frontmatter;
    data.astro ??= {};
    const { bibliography: _stale, ...frontmatter } = data.astro.frontmatter ?? {};
    data.astro.frontmatter = bibliography ? { ...frontmatter, bibliography } : frontmatter;
  };
}
