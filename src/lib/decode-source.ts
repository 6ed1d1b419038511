import { SourceError } from './errors.ts';

/** Sources larger than this are not reviews; refusing them early keeps memory bounded. */
export const MAX_SOURCE_BYTES = 32 * 1024 * 1024;

/**
 * Bytes of a source file -> text. UTF-8 (with or without BOM) and UTF-16 with a BOM are read as
 * such; bytes that are not valid UTF-8 are read as Windows-1252/Latin-1, as older saved pages are.
 */
export function decodeSource(bytes: Uint8Array, file: string): string {
  if (bytes.length > MAX_SOURCE_BYTES) {
    throw new SourceError(
      file,
      undefined,
      `a source of at most ${MAX_SOURCE_BYTES / 1024 / 1024} MiB`,
      `${(bytes.length / 1024 / 1024).toFixed(1)} MiB`,
    );
  }
  let text: string;
  if (bytes[0] === 0xff && bytes[1] === 0xfe) text = new TextDecoder('utf-16le').decode(bytes.subarray(2));
  else if (bytes[0] === 0xfe && bytes[1] === 0xff)
    text = new TextDecoder('utf-16be').decode(bytes.subarray(2));
  else {
    const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });
    try {
      // Streaming holds back a multi-byte character cut off at the end: a file truncated inside
      // its last character is still UTF-8, not Windows-1252 (which would garble all of it).
      text = utf8.decode(bytes, { stream: true });
      try {
        utf8.decode();
      } catch {
        text += '\uFFFD';
      }
    } catch {
      text = new TextDecoder('windows-1252').decode(bytes);
    }
  }
  const nul = text.indexOf('\u0000');
  if (nul >= 0) {
    const line = text.slice(0, nul).split('\n').length;
    throw new SourceError(file, line, 'a text file', 'binary data (NUL bytes)');
  }
  return text.replace(/^\uFEFF/, '');
}
