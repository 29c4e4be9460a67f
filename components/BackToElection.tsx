import Link from "next/link";
import { link } from "@/components/ui";

/** The way back from any of an election's sub-pages to the election itself. */
export function BackToElection({ slug, title }: { slug: string; title: string }) {
  return (
    <p>
      <Link href={`/elections/${slug}`} className={link}>
        ← {title}
      </Link>
    </p>
  );
}
