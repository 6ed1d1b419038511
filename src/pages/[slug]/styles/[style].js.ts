/**
 * `<slug>/styles/<style>.js`: a review's entries in one citation style other than the default,
 * as a classic script that registers them (`LECTERN_STYLES[style] = {segment: html}`), loaded by
 * the style switcher when the reader picks the style (src/client/style-switcher.ts). A script,
 * not JSON: browsers refuse fetch() of local files over file://, but load a `<script src>`.
 * Reads the reference layer only.
 */
import type { APIRoute } from 'astro';
import { DEFAULT_STYLE, STYLE_CHOICES } from '../../../lib/cite/styles.ts';
import { STYLE_GLOBAL } from '../../../lib/references/identity.ts';
import type { LibraryReference } from '../../../lib/references/library.ts';
import { libraryReferences } from '../../../lib/references/read-layer.ts';

export async function getStaticPaths() {
  const library = await libraryReferences();
  return [...library.values()]
    .filter((review) => review.references.length > 0)
    .flatMap((review) =>
      STYLE_CHOICES.filter((s) => s.id !== DEFAULT_STYLE).map((s) => ({
        params: { slug: review.slug, style: s.id },
        props: { references: review.references },
      })),
    );
}

export const GET: APIRoute = ({ params, props }) => {
  const style = params['style'] ?? '';
  const references = (props as { references: LibraryReference[] }).references;
  const entries = Object.fromEntries(references.map((r) => [r.segment, r.entries[style] ?? '']));
  const body = `(self.${STYLE_GLOBAL}=self.${STYLE_GLOBAL}||{})[${JSON.stringify(style)}]=${JSON.stringify(entries)};\n`;
  return new Response(body, { headers: { 'Content-Type': 'text/javascript; charset=utf-8' } });
};
