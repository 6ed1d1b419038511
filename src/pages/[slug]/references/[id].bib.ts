// One reference of a review as a .bib file (see src/lib/cite/export-routes.ts).
import { entryPaths, exportRoute } from '../../../lib/cite/export-routes.ts';

export const getStaticPaths = entryPaths;
export const GET = exportRoute('bib');
