import { link } from "@/components/ui";
import { linkParts } from "./linkify";

/** Text a member typed, with its http(s) addresses as links that pass no ranking or opener to the target. */
export function LinkedText({ text }: { text: string }) {
  return (
    <>
      {linkParts(text).map((p, i) =>
        "href" in p ? (
          <a key={i} href={p.href} rel="nofollow noopener noreferrer" target="_blank" className={`${link} break-all`}>
            {p.text}
          </a>
        ) : (
          <span key={i}>{p.text}</span>
        ),
      )}
    </>
  );
}
