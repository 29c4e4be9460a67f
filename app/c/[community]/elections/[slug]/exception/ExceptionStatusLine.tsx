import Link from "next/link";
import { exceptionStatusInWords } from "@/components/election-text";
import { link } from "@/components/ui";

/** The member's latest exception request in one line, linking to the page where they read the note, withdraw or ask again. */
export function ExceptionStatusLine({ href, status, hasNote }: { href: string; status: string; hasNote: boolean }) {
  const next =
    status === "PENDING" ? "see or withdraw it" : status === "DENIED" && hasNote ? "read the officials' note" : status === "GRANTED" ? "see it" : "see it or ask again";
  return (
    <>
      You are not on the electorate. Your exception request is {exceptionStatusInWords(status)} —{" "}
      <Link href={href} className={link} data-testid="exception-status-link">
        {next}
      </Link>
      .
    </>
  );
}
