/**
 * RIS for the one citation-js (the copy rehype-citation bundles), which has no RIS plugin of
 * its own. The parts of @citation-js/plugin-ris (its parsers, formatter and config) are
 * imported one by one, never its index, which would register them into the separate
 * node_modules @citation-js/core; `citation-js.ts` registers this definition into the bundled
 * registry instead. (ris.js takes its `util.Translator` helper class from @citation-js/core:
 * a pure function of the spec, no registry involved.)
 */
import { format, parse, parseMixed, parseNew, parseOld } from '@citation-js/plugin-ris/lib/ris.js';
import config from '@citation-js/plugin-ris/lib/config.json' with { type: 'json' };

const OLD_PROPS = ['A1', 'AV', 'BT', 'CP', 'ED', 'EP', 'ID', 'J1', 'JA', 'JF', 'JO', 'L2', 'L3', 'N2', 'T1'];
const OLD_PROPS_MORE = ['U1', 'U2', 'U3', 'U4', 'U5', 'U6', 'Y1'];
const NEW_PROPS = ['A4', 'AD', 'AN', 'C1', 'C2', 'C3', 'C4', 'C5', 'C6', 'C7', 'C8', 'CA', 'CN', 'DA', 'DB'];
const NEW_PROPS_MORE = [
  'DO',
  'DP',
  'ET',
  'LA',
  'LB',
  'NV',
  'OP',
  'PY',
  'RI',
  'RN',
  'SE',
  'ST',
  'SV',
  'TA',
  'TT',
];
const oldProps = [...OLD_PROPS, ...OLD_PROPS_MORE];
const newProps = [...NEW_PROPS, ...NEW_PROPS_MORE];

type RisRecord = Record<string, string | number | (string | number)[]>;

interface RisName {
  family?: string;
  given?: string;
  'non-dropping-particle'?: string;
  'dropping-particle'?: string;
}
const NAME_FIELDS = ['author', 'editor', 'container-author', 'collection-editor', 'translator'];

/**
 * plugin-ris writes "family, given" and drops the particles ("van Oudenaarden" would become
 * "Oudenaarden"); RIS has no particle field, so they go back into the names as printed.
 */
function withParticles(item: unknown): unknown {
  if (typeof item !== 'object' || item === null) return item;
  const out: Record<string, unknown> = { ...(item as Record<string, unknown>) };
  for (const key of NAME_FIELDS) {
    const names = out[key];
    if (!Array.isArray(names)) continue;
    out[key] = (names as RisName[]).map((name) => {
      const { 'non-dropping-particle': particle, 'dropping-particle': dropping, ...rest } = name;
      if (!particle && !dropping) return name;
      const family = [particle, rest.family].filter(Boolean).join(' ');
      const given = [rest.given, dropping].filter(Boolean).join(' ');
      return { ...rest, ...(family ? { family } : {}), ...(given ? { given } : {}) };
    });
  }
  return out;
}

/**
 * RIS text of CSL items: plugin-ris's own translation (`format(..., { format: 'object' })`)
 * written out as plugin-ris does, except that values are not hard-wrapped at 70 characters:
 * its wrapping breaks words ("spe\ncifically") that its own parser then joins with a space.
 * plugin-ris writes no PubMed identifiers; they are added as `M2  - PMID: n` and
 * `M2  - PMCID: PMCn` lines, which Zotero's RIS import keeps, one line each, in the item's Extra
 * field (where Zotero itself keeps them). `AN` (accession number) would land in Zotero's
 * "Loc. in Archive".
 */
export function formatRis(
  data: unknown[],
  options: { type?: string; format?: string; spec?: string } = {},
): unknown {
  const format_ = options.format ?? options.type ?? 'text';
  const records = (format(data.map(withParticles), { ...options, format: 'object' }) as RisRecord[]).map(
    (record, i) => {
      const { PMID, PMCID } = (data[i] ?? {}) as { PMID?: string; PMCID?: string };
      const ids = [PMID && `PMID: ${PMID}`, PMCID && `PMCID: ${PMCID}`].filter((v): v is string => !!v);
      return ids.length > 0 ? { ...record, M2: ids } : record;
    },
  );
  if (format_ === 'object') return records;
  return records
    .map(({ TY, ...tags }) => {
      const lines = Object.entries(tags).flatMap(([tag, value]) =>
        [value].flat().map((v) => `${tag}  - ${String(v).replace(/\s+/g, ' ')}`),
      );
      return [`TY  - ${String(TY)}`, ...lines, 'ER  - '].join('\n');
    })
    .join('\n');
}

/** The plugin as @citation-js/plugin-ris/lib/index.js defines it (same input types; output above). */
export const risPlugin = {
  input: {
    '@ris/file': {
      parse,
      parseType: { dataType: 'String', predicate: /^TY {2}- /m },
    },
    '@ris/record': {
      parse: parseMixed,
      parseType: { dataType: 'SimpleObject', propertyConstraint: { props: ['TY'] } },
    },
    '@ris/new+record': {
      parse: parseNew,
      parseType: {
        extends: '@ris/record',
        propertyConstraint: [
          { props: newProps, match: 'some' },
          { props: oldProps, match: 'none' },
        ],
      },
    },
    '@ris/old+record': {
      parse: parseOld,
      parseType: {
        extends: '@ris/record',
        propertyConstraint: [
          { props: oldProps, match: 'some' },
          { props: newProps, match: 'none' },
        ],
      },
    },
  },
  config,
  output: { ris: formatRis },
};
