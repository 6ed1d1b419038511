/**
 * Injection payloads: strings an attacker (or a careless publisher) could put in a title, a
 * name, a caption, a keyword, an abstract, a reference, a DOI or a URL. Each must reach the
 * site as text. Every payload is one line (page text is line-based) and calls `alert`,
 * `confirm` or `prompt`, or loads a URL, if it ever runs.
 */
export const PAYLOADS: readonly string[] = [
  '<script>alert(1)</script>',
  '"><img src=x onerror=alert(2)>',
  "'><img src=x onerror=alert(3)>",
  '<img src="x" onerror="alert(4)">',
  '<svg onload=alert(5)>',
  '<svg><script>alert(6)</script></svg>',
  '</title><script>alert(7)</script>',
  '</script><script>alert(8)</script>',
  '</textarea><script>alert(9)</script>',
  '</style><script>alert(10)</script>',
  '<iframe src="javascript:alert(11)"></iframe>',
  '<a href="javascript:alert(12)">click</a>',
  'javascript:alert(13)',
  'JaVaScRiPt:alert(14)',
  ' javascript:alert(15)',
  'data:text/html;base64,PHNjcmlwdD5hbGVydCgxNik8L3NjcmlwdD4=',
  '<a href="data:text/html,<script>alert(17)</script>">x</a>',
  '<div style="width: expression(alert(18))">css</div>',
  '<style>body{background:url("javascript:alert(19)")}</style>',
  '<body onload=alert(20)>',
  '<details open ontoggle=alert(21)>',
  '<math><mtext><table><mglyph><style><img src=x onerror=alert(22)>',
  '<object data="javascript:alert(23)"></object>',
  '<embed src="data:text/html,<script>alert(24)</script>">',
  '<meta http-equiv="refresh" content="0;url=javascript:alert(25)">',
  '<base href="https://evil.example/">',
  '<form action="https://evil.example/"><button>go</button></form>',
  '{{constructor.constructor("alert(28)")()}}',
  '${alert(29)}',
  '[click](javascript:alert(30))',
  '![img](x "onerror=alert(31)")',
  '<http://evil.example/31b>',
  '[@key] [^1] *emph* __bold__ `code` <!-- comment -->',
  '&lt;script&gt;alert(33)&lt;/script&gt;',
  '&#60;script&#62;alert(34)&#60;/script&#62;',
  '\u202eevil.exe\u202c and \u2066isolate\u2069 \u200b\u200f',
  '<noscript><p title="</noscript><img src=x onerror=alert(36)>">',
  '<template><script>alert(37)</script></template>',
  '"onmouseover="alert(38)" x="',
  "';alert(39);//",
  '<scr<script>ipt>alert(40)</scr</script>ipt>',
  '\\u003cscript\\u003ealert(41)\\u003c/script\\u003e',
];

/** DOIs that pass the "10.prefix/suffix" shape but carry markup or quotes in the suffix. */
export const DOI_PAYLOADS: readonly string[] = [
  '10.1234/"><script>alert(50)</script>',
  "10.1234/x' onmouseover='alert(51)",
  '10.1234/javascript:alert(52)',
  '10.1234/a b<img src=x onerror=alert(53)>',
];

/** Link targets a reference, a licence or the body could carry. */
export const URL_PAYLOADS: readonly string[] = [
  'javascript:alert(60)',
  'JAVASCRIPT:alert(61)',
  'java\tscript:alert(62)',
  'data:text/html,<script>alert(63)</script>',
  'vbscript:msgbox(64)',
  'https://example.org/"><script>alert(65)</script>',
  '//evil.example/66',
];

/** The resolvers an identifier may link to (Europe PMC: the reference pages' PMID link). */
export const RESOLVER_HOSTS = ['doi.org', 'pubmed.ncbi.nlm.nih.gov', 'pmc.ncbi.nlm.nih.gov', 'europepmc.org'];
