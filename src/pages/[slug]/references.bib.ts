// The whole reference list of a review as one .bib file (see src/lib/cite/export-routes.ts).
import { exportRoute, listPaths } from '../../lib/cite/export-routes.ts';

export const getStaticPaths = listPaths;
export const GET = exportRoute('bib');
