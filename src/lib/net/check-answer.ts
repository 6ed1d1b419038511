import { SourceError } from '../errors.ts';
import { readXml, type XmlElement } from '../xml/read-xml.ts';
import { MalformedResponseError } from './net-errors.ts';
import type { HttpResponse } from './http-client.ts';

/**
 * Checks that an answer is the document a service documents, before anyone reads it: services
 * under load answer 200 with an HTML error page, or a body cut off halfway.
 */

/** The body parsed as JSON, or a `MalformedResponseError` saying what was expected. */
export function jsonAnswer(response: HttpResponse, expected: string): unknown {
  const text = response.text;
  if (looksLikeHtml(text)) throw new MalformedResponseError(response.url, expected, text);
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new MalformedResponseError(response.url, `${expected} (the JSON is incomplete or invalid)`, text);
  }
}

/** The body parsed as a well-formed XML document whose root element is one of `roots`. */
export function xmlAnswer(response: HttpResponse, roots: readonly string[]): XmlElement {
  const expected = `an XML document with root <${roots.join('> or <')}>`;
  if (looksLikeHtml(response.text)) throw new MalformedResponseError(response.url, expected, response.text);
  let root: XmlElement;
  try {
    root = readXml(response.text, response.url);
  } catch (error) {
    if (!(error instanceof SourceError)) throw error;
    throw new MalformedResponseError(response.url, `${expected}; it is not well-formed: ${error.message}`);
  }
  if (!roots.includes(root.name)) throw new MalformedResponseError(response.url, expected, `<${root.name}>`);
  return root;
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function looksLikeHtml(text: string): boolean {
  return /^\s*(?:<!doctype\s+html|<html[\s>])/i.test(text);
}
