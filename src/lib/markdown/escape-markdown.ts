/**
 * Plain text from a source, made safe to place in Markdown: it must read back as the same
 * text, never as emphasis, links, raw HTML or a citation.
 */
export function escapeMarkdown(text: string): string {
  return (
    text
      .replace(/[\\`*_{}[\]<>|~]/g, (c) => `\\${c}`)
      // A line that starts like a heading, list, quote or numbered list would change block type.
      .replace(
        /^(\s*)([#>+-]|\d+[.)])(?=\s|$)/gm,
        (_m, space: string, mark: string) =>
          `${space}${mark.replace(/^(\d+)([.)])$/, '$1\\$2').replace(/^([#>+-])$/, '\\$1')}`,
      )
      // "@key" after a space is citation syntax for rehype-citation; an e-mail-like "@" in
      // source text is not a citation, and an HTML entity keeps it from matching.
      .replace(/(^|\s)@/g, '$1&#64;')
      .replace(/&(?!#64;)/g, '&amp;')
  );
}
