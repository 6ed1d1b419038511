import { inflateRawSync } from 'node:zlib';

/** Where a zip without an archive comment keeps its end-of-central-directory record. */
export const endOfCentralDirectory = (zip: Buffer): number => zip.length - 22;

/**
 * A zip's entries, name -> unpacked bytes, read through its central directory: a reader that
 * did not write the file (src/integrations/file-protocol.ts writes it), for stored and
 * deflated entries, which is all the site zip holds.
 */
export function unzip(zip: Buffer): Map<string, Buffer> {
  const end = endOfCentralDirectory(zip);
  if (zip.readUInt32LE(end) !== 0x06054b50) throw new Error('no end-of-central-directory record');
  const files = new Map<string, Buffer>();
  let at = zip.readUInt32LE(end + 16);
  for (let i = 0; i < zip.readUInt16LE(end + 10); i += 1) {
    const method = zip.readUInt16LE(at + 10);
    const size = zip.readUInt32LE(at + 20);
    const nameLength = zip.readUInt16LE(at + 28);
    const local = zip.readUInt32LE(at + 42);
    const name = zip.toString('utf8', at + 46, at + 46 + nameLength);
    const start = local + 30 + zip.readUInt16LE(local + 26) + zip.readUInt16LE(local + 28);
    const body = zip.subarray(start, start + size);
    files.set(name, method === 8 ? inflateRawSync(body) : Buffer.from(body));
    at += 46 + nameLength + zip.readUInt16LE(at + 30) + zip.readUInt16LE(at + 32);
  }
  return files;
}
