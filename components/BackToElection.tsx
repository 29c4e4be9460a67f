import Link from "next/link";
import { link } from "@/components/ui";

/** The way back from any of an election's sub-pages to the election itself. */
export function BackToElection({ href, title }: { href: string; title: string }) {
  return (
    <p>
      <Link href={href} className={link}>
        ← {title}
      </Link>
    </p>
  );
}
