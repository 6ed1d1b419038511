import { Ajv } from 'ajv';
import schema from './csl-data.schema.json' with { type: 'json' };

// The official CSL-JSON schema (citation-style-language/schema v1.0.2, MIT) is the authority on
// what a reference manager will accept; the zod schema in csl.ts only mirrors the part we use.
// The schema uses no `format` keywords, so ajv-formats is not needed.
const ajv = new Ajv({ allErrors: true, strict: false });
const validate = ajv.compile(schema);

/** Problems that make `items` invalid CSL-JSON, as "item <id>: <path> <message>"; empty when valid. */
export function cslProblems(items: unknown): string[] {
  if (validate(items)) return [];
  return (validate.errors ?? []).map((e) => {
    const [, index, ...rest] = e.instancePath.split('/');
    const item: unknown = Array.isArray(items) && index !== undefined ? items[Number(index)] : undefined;
    const id =
      typeof item === 'object' && item !== null && 'id' in item ? JSON.stringify(item.id) : undefined;
    const where = id === undefined ? e.instancePath || '/' : `item ${id}: /${rest.join('/')}`;
    return `${where} ${e.message ?? 'is invalid'}`;
  });
}
