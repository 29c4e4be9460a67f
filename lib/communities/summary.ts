// A community's description is Markdown; lists of communities show one plain
// line of it (pure), so markup never shows as stray symbols and no link is live.

const MAX = 160;

export function descriptionLine(markdown: string): string {
  const line = markdown
    .split(/\r?\n/)
    .map((l) => l.trim())
    .find((l) => l !== "" && !/^(```|~~~|---|\*\*\*|<)/.test(l));
  if (!line) return "";
  const plain = line
    .replace(/^(#{1,6}\s+|>\s*|[-*+]\s+|\d+[.)]\s+)/, "")
    .replace(/!?\[([^\]]*)\]\([^)]*\)/g, "$1")
    .replace(/[*_`~]+/g, "")
    .replace(/\s+/g, " ")
    .trim();
  const chars = Array.from(plain);
  return chars.length <= MAX ? plain : `${chars.slice(0, MAX - 1).join("").trimEnd()}…`;
}
