import { isRecord, jsonAnswer } from './check-answer.ts';
import type { HttpClient } from './http-client.ts';
import { MalformedResponseError } from './net-errors.ts';

/**
 * The files of an article in the PMC Open Access Subset, from the PMC Cloud Service.
 *
 * Why this service and not the OA Web Service (`oa.fcgi`) and its `.tar.gz` packages: NCBI's
 * documentation (pmc.ncbi.nlm.nih.gov/tools/oa-service, /tools/cloud, /tools/pmcaws and the NLM
 * Technical Bulletin of February 2026, "Changes to PMC Article Dataset Distribution Services")
 * says the FTP packages and the OA Web Service were kept only for a transition period, February
 * to August 2026; the legacy files moved under `deprecated/` in April 2026 and are removed in
 * August 2026. What stays is the updated Cloud Service: every file of every article version
 * on its own (XML, text, PDF, media), "no compressed packages", over anonymous HTTPS. So the
 * figures come as individual files, and no archive is ever unpacked.
 *
 * The two requests, both anonymous S3 reads of the world-readable bucket `pmc-oa-opendata`:
 * 1. the article's versions: a ListObjectsV2 of the prefix `PMC<id>.` with delimiter `/`,
 *    whose common prefixes are `PMC<id>.<version>/` (none: not in the open-access dataset);
 * 2. the newest version's metadata, `metadata/PMC<id>.<version>.json`, whose `media_urls` name
 *    the article's media files as `s3://pmc-oa-opendata/PMC<id>.<version>/<file>?md5=<hex>`.
 */

export const PMC_OA_BASE = 'https://pmc-oa-opendata.s3.amazonaws.com/';
const BUCKET = 'pmc-oa-opendata';

/** One media file of an article version, as the metadata lists it. */
export interface PmcMediaFile {
  /** The file's own name: no folder, nothing but letters, digits, ".", "_" and "-". */
  name: string;
  /** The HTTPS URL it downloads from, always inside the article version's folder. */
  url: string;
  /** Lower-case hex MD5 the metadata gives for it, to check the bytes against. */
  md5?: string;
}

export interface PmcArticleFiles {
  /** Versioned id, e.g. "PMC3166277.1". */
  version: string;
  /** The metadata's `license_code` ("CC BY"…), when it has one. */
  licence?: string;
  media: PmcMediaFile[];
  /** Media entries refused because they point outside the version's folder or are not plain names. */
  refused: string[];
}

export interface PmcOa {
  /** The newest version's files, or undefined when the article is not in the open-access dataset. */
  articleFiles(pmcid: string): Promise<PmcArticleFiles | undefined>;
  /** One media file's bytes, at most `maxBytes`. */
  download(file: PmcMediaFile, maxBytes: number): Promise<Uint8Array>;
}

export function createPmcOa(options: { client: HttpClient; base?: string }): PmcOa {
  const { client } = options;
  const base = (options.base ?? PMC_OA_BASE).replace(/\/?$/, '/');

  return {
    async articleFiles(pmcid) {
      const id = normalizePmcid(pmcid);
      const listing = await client.get(base, {
        params: { 'list-type': '2', prefix: `${id}.`, delimiter: '/' },
        accept: 'application/xml',
      });
      const versions = [...listing.text.matchAll(/<Prefix>\s*([^<]*?)\s*<\/Prefix>/g)]
        .map(([, prefix]) => new RegExp(`^${id}\\.(\\d+)/$`).exec(prefix ?? '')?.[1])
        .filter((v): v is string => v !== undefined)
        .map(Number);
      if (!/<ListBucketResult[\s>]/.test(listing.text)) {
        throw new MalformedResponseError(listing.url, 'an S3 <ListBucketResult>', listing.text);
      }
      if (versions.length === 0) return undefined;
      const version = `${id}.${Math.max(...versions)}`;
      const answer = await client.get(`${base}metadata/${version}.json`, { accept: 'application/json' });
      const expected = 'PMC article metadata JSON with "media_urls"';
      const meta = jsonAnswer(answer, expected);
      if (!isRecord(meta)) throw new MalformedResponseError(answer.url, expected, answer.text);
      const media: PmcMediaFile[] = [];
      const refused: string[] = [];
      const urls = Array.isArray(meta.media_urls) ? meta.media_urls : [];
      for (const raw of urls) {
        const file = typeof raw === 'string' ? mediaFile(raw, version, base) : undefined;
        if (file) media.push(file);
        // Quoted as JSON: a hostile entry's control characters never reach the terminal raw.
        else refused.push(`${JSON.stringify(raw).slice(0, 200)}: not a file of ${version}`);
      }
      const licence = typeof meta.license_code === 'string' ? meta.license_code.trim() : '';
      return { version, media, refused, ...(licence ? { licence } : {}) };
    },

    async download(file, maxBytes) {
      const response = await client.getBytes(file.url, { maxBytes, accept: 'image/*' });
      return response.bytes;
    },
  };
}

/**
 * A media URL taken only when it is `s3://pmc-oa-opendata/<version>/<plain name>[?md5=<hex>]`:
 * no other bucket or host, no sub-folder, no "..", no escapes. The name is what graphics are
 * matched against; the URL is rebuilt from it, never taken as given.
 */
function mediaFile(raw: string, version: string, base: string): PmcMediaFile | undefined {
  const match = /^s3:\/\/([^/?#]+)\/([^/?#]+)\/([^/?#]+)(?:\?md5=([0-9a-f]{32}))?$/i.exec(raw.trim());
  if (!match) return undefined;
  const [, bucket, folder, name, md5] = match;
  if (bucket !== BUCKET || folder !== version || !name || !/^[A-Za-z0-9_][A-Za-z0-9._-]*$/.test(name)) {
    return undefined;
  }
  if (name.includes('..')) return undefined;
  return { name, url: `${base}${version}/${name}`, ...(md5 ? { md5: md5.toLowerCase() } : {}) };
}

function normalizePmcid(pmcid: string): string {
  const digits = /^(?:PMC)?(\d+)$/i.exec(pmcid.trim())?.[1];
  if (!digits) throw new RangeError(`not a PMCID: ${pmcid}`);
  return `PMC${digits}`;
}
