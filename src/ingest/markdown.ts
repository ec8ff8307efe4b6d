import { fromMarkdown } from "mdast-util-from-markdown";
import { frontmatterFromMarkdown } from "mdast-util-frontmatter";
import { frontmatter } from "micromark-extension-frontmatter";
import type { Nodes } from "mdast";

/** Node types whose own text is prose to check; everything else (markup, code, front matter, URLs) is not. */
const PROSE = new Set(["text"]);
const SKIP = new Set(["code", "inlineCode", "html", "yaml", "toml", "definition", "image", "imageReference"]);

/**
 * Markdown to checkable text of the same length: the prose stays where it is and every other
 * character (front matter, heading marks, emphasis, link targets, code) becomes a space, line
 * breaks kept. Offsets, lines and columns of the result are those of the original file, so every
 * claim points into the draft as written. Parsed by micromark (mdast), not by patterns.
 */
export function maskMarkdown(source: string): string {
  const tree = fromMarkdown(source, { extensions: [frontmatter(["yaml", "toml"])], mdastExtensions: [frontmatterFromMarkdown(["yaml", "toml"])] });
  const keep = new Uint8Array(source.length);
  const visit = (node: Nodes) => {
    if (SKIP.has(node.type)) return;
    if (PROSE.has(node.type) && node.position?.start.offset !== undefined && node.position.end.offset !== undefined) {
      keep.fill(1, node.position.start.offset, node.position.end.offset);
      return;
    }
    if ("children" in node) for (const child of node.children) visit(child as Nodes);
  };
  visit(tree);
  let out = "";
  for (let i = 0; i < source.length; i++) {
    const c = source[i]!;
    out += keep[i] || c === "\n" || c === "\r" ? c : " ";
  }
  return out;
}

/**
 * Whether text of no known name (stdin without --stdin-filename) is Markdown: it opens with front
 * matter, or a line is an ATX heading ("# Title", "## Section"). Wire copy has neither; a
 * hashtag ("#MeToo") has no space after its mark and is not a heading.
 */
export function looksLikeMarkdown(text: string): boolean {
  const head = text.replace(/^\uFEFF/, "");
  if (/^(---|\+\+\+)\r?\n[\s\S]*?\r?\n\1\s*(\r?\n|$)/.test(head)) return true;
  return /^ {0,3}#{1,6}[ \t]+\S/m.test(head);
}
