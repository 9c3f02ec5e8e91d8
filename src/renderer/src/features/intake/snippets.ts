/** ::keyword followed by a space (or Tab) becomes the canned text, as in help-desk tools. */
export interface Snippet {
  keyword: string;
  body: string;
  active: boolean;
}

/**
 * If the text just before the caret is "::keyword" and the officer typed a space, returns the text
 * with the snippet in its place and where the caret goes; otherwise null.
 */
export function expandSnippet(
  text: string,
  caret: number,
  snippets: Snippet[],
): { text: string; caret: number } | null {
  const before = text.slice(0, caret);
  const match = /::([a-z0-9-]{2,30})\s$/.exec(before);
  if (!match) return null;
  const snippet = snippets.find((s) => s.active && s.keyword === match[1]);
  if (!snippet) return null;
  const start = before.length - match[0].length;
  const next = text.slice(0, start) + snippet.body + text.slice(caret);
  return { text: next, caret: start + snippet.body.length };
}
