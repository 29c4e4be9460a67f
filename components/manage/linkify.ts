// Links in text a member typed (an exception request): http and https
// addresses become links, nothing else does — a "javascript:" or "data:"
// address stays text, whatever it looks like.

export type TextPart = { text: string } | { href: string; text: string };

const URL_LIKE = /\bhttps?:\/\/[^\s<>"'`]+/gi;

/** Punctuation that ends a sentence rather than the address ("see https://x.org/a."). */
function trimTrailing(url: string): string {
  let u = url.replace(/[.,;:!?'"”’]+$/, "");
  // A closing parenthesis belongs to the address only when it opened one ("…/Foo_(bar)").
  while (u.endsWith(")") && (u.match(/\(/g)?.length ?? 0) < (u.match(/\)/g)?.length ?? 0)) u = u.slice(0, -1).replace(/[.,;:!?]+$/, "");
  return u;
}

export function linkParts(text: string): TextPart[] {
  const parts: TextPart[] = [];
  let last = 0;
  for (const match of text.matchAll(URL_LIKE)) {
    const raw = trimTrailing(match[0]);
    const start = match.index;
    let href: string | null = null;
    try {
      const u = new URL(raw);
      if (u.protocol === "http:" || u.protocol === "https:") href = u.href;
    } catch {
      href = null;
    }
    if (!href) continue;
    if (start > last) parts.push({ text: text.slice(last, start) });
    parts.push({ href, text: raw });
    last = start + raw.length;
  }
  if (last < text.length) parts.push({ text: text.slice(last) });
  return parts;
}
