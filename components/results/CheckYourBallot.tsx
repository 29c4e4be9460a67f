import Link from "next/link";
import { ReceiptCheck } from "@/components/ballot/ReceiptCheck";
import { h2, link } from "@/components/ui";
import type { ComponentProps } from "react";

interface Props {
  signedIn: boolean;
  /** The election's address. */
  base: string;
  view: ComponentProps<typeof ReceiptCheck>["view"];
  candidates: { id: string; name: string }[];
}

/** A voter checks with their receipt that their ballot is among the published ones; a receipt opens only its own voter's ballot. */
export function CheckYourBallot({ signedIn, base, view, candidates }: Props) {
  return (
    <section aria-labelledby="receipt-check-h">
      <h2 id="receipt-check-h" className={h2}>
        Check that your ballot was counted
      </h2>
      {signedIn ? (
        <>
          <p className="mt-2 text-gray-800">Enter the receipt code you got when you voted to see the ballot it names and the hash it is published under.</p>
          <ReceiptCheck view={view} candidates={candidates} jsonHref={`${base}/export?format=json`} />
        </>
      ) : (
        <p className="mt-2 text-gray-800">
          <Link href={`/signin?callbackUrl=${encodeURIComponent(`${base}/results`)}`} className={link}>
            Sign in
          </Link>{" "}
          with the account you voted with, then enter your receipt code: a receipt only opens its own voter&apos;s ballot.
        </p>
      )}
    </section>
  );
}
