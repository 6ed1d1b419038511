import { randomBytes } from 'node:crypto';
import { rename, rm, writeFile } from 'node:fs/promises';

/**
 * Writes `data` to a temp file beside `path` and renames it into place: a reader (another
 * build, `astro dev`) sees the old file or the new one, never half of one. The temp name holds
 * the process id and random bytes, so two builds writing at once do not share it.
 */
export async function writeAtomically(path: string, data: Buffer | string): Promise<void> {
  const temp = `${path}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
  try {
    await writeFile(temp, data);
    await rename(temp, path);
  } catch (error) {
    await rm(temp, { force: true });
    throw error;
  }
}
