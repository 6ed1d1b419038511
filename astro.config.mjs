// @ts-check
import { readFileSync } from 'node:fs';
import { unified } from '@astrojs/markdown-remark';
import { defineConfig } from 'astro/config';
import { clientScriptsIntegration } from './src/integrations/client-scripts.ts';
import { fileProtocolIntegration, siteArchiveIntegration } from './src/integrations/file-protocol.ts';
import { offlineIntegration } from './src/integrations/offline.ts';
import { pagefindIntegration } from './src/integrations/pagefind.ts';
import { reviewCitationPlugins } from './src/lib/markdown/review-citations.ts';
import { siteLocation } from './src/lib/site-location.ts';

const location = siteLocation(process.env);
// A BASE_URL left in the environment (test runners set one) would override `base` in every page.
delete process.env.BASE_URL;

export default defineConfig({
  ...location,
  trailingSlash: 'always',
  build: { format: 'directory' },
  markdown: {
    processor: unified({
      gfm: true,
      rehypePlugins: [
        ...reviewCitationPlugins({
          name: 'nlm-citation-sequence',
          xml: readFileSync(new URL('./src/csl/nlm-citation-sequence.csl', import.meta.url), 'utf8'),
        }),
      ],
    }),
  },
  // Order matters: each runs at astro:build:done on what the one before it wrote. The client
  // scripts are bundled (pages load them as classic files, see client-scripts.ts); Pagefind
  // indexes the pages; the file:// step makes subresource URLs page-relative; the service worker
  // hashes the result; the zip takes everything.
  integrations: [
    clientScriptsIntegration(),
    pagefindIntegration(),
    fileProtocolIntegration(),
    offlineIntegration(),
    siteArchiveIntegration(),
  ],
});
