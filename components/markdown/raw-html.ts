// Candidates write Markdown; some paste HTML. It is never rendered (it could
// carry script), and dropping it silently made whole lines vanish from a
// statement. So HTML is shown as the text it is, and the editor warns. Both
// ask the Markdown parser (mdast "html" nodes) what is HTML, never a regex, so
// the warning names exactly what the page will show as text.
import { fromMarkdown } from "mdast-util-from-markdown";
import type { Html, Nodes, Parent, PhrasingContent, Root, RootContent } from "mdast";

/** Parents whose children are blocks: an HTML block there becomes a paragraph of its own. */
const FLOW_PARENTS = new Set(["root", "blockquote", "listItem", "footnoteDefinition"]);

function isParent(node: Nodes): node is Nodes & Parent {
  return "children" in node && Array.isArray(node.children);
}

function walk(node: Nodes, visit: (html: Html) => void): void {
  if (node.type === "html") visit(node);
  if (isParent(node)) for (const child of node.children) walk(child as Nodes, visit);
}

/** The HTML fragments of a Markdown text, in order, trimmed (empty when there are none). */
export function htmlInMarkdown(markdown: string): string[] {
  const found: string[] = [];
  walk(fromMarkdown(markdown), (html) => {
    const value = html.value.trim();
    if (value) found.push(value);
  });
  return found;
}

/** One HTML block's lines as a paragraph of text with line breaks, so it reads as it was typed. */
function asParagraph(html: Html): RootContent {
  const children: PhrasingContent[] = [];
  html.value.split("\n").forEach((line, i) => {
    if (i > 0) children.push({ type: "break" });
    children.push({ type: "text", value: line });
  });
  return { type: "paragraph", children, position: html.position };
}

function htmlToText(node: Nodes): void {
  if (!isParent(node)) return;
  const flow = FLOW_PARENTS.has(node.type);
  node.children = node.children.map((child) => {
    if (child.type !== "html") {
      htmlToText(child as Nodes);
      return child;
    }
    return flow ? asParagraph(child) : { type: "text", value: child.value, position: child.position };
  }) as typeof node.children;
}

/**
 * A remark plugin: every HTML node becomes text (React escapes it), so
 * `<script>` shows as the characters "<script>" and no element is created.
 */
export function remarkHtmlAsText() {
  return (tree: Root) => htmlToText(tree);
}
