import { h2, link } from "@/components/ui";

interface Props {
  ballotHash: string;
  checkpoint: { seq: number; hash: string | null } | null;
  head: { seq: number; hash: string; action: string } | null;
  /** The election's address; downloads are offered only when set. */
  downloadsFrom: string | null;
}

/** The hashes that pin the result down, and the ballots to re-count it offline. */
export function CheckItYourself({ ballotHash, checkpoint, head, downloadsFrom }: Props) {
  return (
    <section aria-labelledby="verify-h">
      <h2 id="verify-h" className={h2}>
        Check it yourself
      </h2>
      <dl className="mt-3 space-y-2">
        <div>
          <dt className="font-semibold">Ballot set hash (SHA-256; seeds every tie-break)</dt>
          <dd>
            <code className="break-all" data-testid="ballot-hash">
              {ballotHash}
            </code>
          </dd>
        </div>
        {checkpoint && (
          <div>
            <dt className="font-semibold">Audit log checkpoint at publication (entry #{checkpoint.seq} of the whole chain; HMAC-SHA-256)</dt>
            <dd>
              <code className="break-all" data-testid="audit-checkpoint">
                {checkpoint.hash}
              </code>
            </dd>
          </div>
        )}
        {head && (
          <div>
            <dt className="font-semibold">
              Audit log head for this election (entry #{head.seq}, {head.action})
            </dt>
            <dd>
              <code className="break-all" data-testid="audit-head">
                {head.hash}
              </code>
            </dd>
          </div>
        )}
      </dl>
      {downloadsFrom && (
        <>
          <p className="mt-4">Download the anonymized ballots, in shuffled order:</p>
          <ul className="mt-2 flex flex-wrap gap-4" aria-label="Ballot downloads">
            {(
              [
                ["json", "Hustings JSON"],
                ["csv", "Elekto CSV"],
                ["blt", "BLT"],
              ] as const
            ).map(([format, label]) => (
              <li key={format}>
                <a href={`${downloadsFrom}/export?format=${format}`} className={link} download>
                  {label}
                </a>
              </li>
            ))}
          </ul>
          <p className="mt-3 text-gray-800">
            Re-count them offline with the same engine: <code className="rounded bg-gray-100 px-1">npx hustings tally ballots.json</code> (add{" "}
            <code className="rounded bg-gray-100 px-1">--format json</code> for machine-readable output).
          </p>
        </>
      )}
    </section>
  );
}
