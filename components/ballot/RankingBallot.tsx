"use client";

import { useEffect, useRef, useState, useTransition, type ReactNode } from "react";
import { AbstainDialog } from "./AbstainDialog";
import { CheckForm } from "./CheckForm";
import { LostReceiptNote } from "./LostReceiptNote";
import { RankingEditor } from "./RankingEditor";
import { RankingList } from "./RankingList";
import { ReceiptPanel } from "./ReceiptPanel";
import { ReviewStep } from "./ReviewStep";
import { StatementDialog } from "./StatementDialog";
import { ballotBtn, srOnly } from "./styles";
import { useRankingEditor } from "./use-ranking-editor";
import type { BallotCandidate, ReceiptResult, Tiers, ViewResult } from "./types";

export type { BallotCandidate } from "./types";

interface Props {
  electionTitle: string;
  slug: string;
  /** In the order this voter sees them (lib/ballots/candidate-order.ts). */
  candidates: BallotCandidate[];
  /** Each candidate's statement, rendered on the server, by candidate id. */
  statements: Record<string, ReactNode>;
  /** The election's unranked rule, in words. */
  unrankedRule: string;
  /** The voter has a counted ballot already: offer the receipt form rather than a fresh ballot. */
  hasVoted: boolean;
  /** `submission` names one press of the button: a retry after a lost reply sends the same one and gets the same receipt. */
  cast: (ranking: string[][], submission: string) => Promise<ReceiptResult>;
  replace: (receipt: string, ranking: string[][], submission: string) => Promise<ReceiptResult>;
  view: (receipt: string) => Promise<ViewResult>;
}

type Step = "edit" | "review" | "receipt";

/**
 * The ranked ballot (PRODUCT §5). It starts empty — every candidate in the
 * "not ranked" pool — because a pre-filled ballot would put words in the
 * voter's mouth. Steps: edit, review, receipt; a voter who has voted loads
 * their ballot by its receipt to replace it.
 */
export function RankingBallot({ electionTitle, slug, candidates, statements, unrankedRule, hasVoted, cast, replace, view }: Props) {
  const editor = useRankingEditor(candidates);
  const { tiers, setTiers, setAnnouncement, byId, name, pool } = editor;
  const [step, setStep] = useState<Step>("edit");
  const [error, setError] = useState<string | null>(null);
  const [receipt, setReceipt] = useState<{ code: string; replaced: boolean } | null>(null);
  /** The receipt of the ballot being replaced, once the voter has loaded it. */
  const [replacing, setReplacing] = useState<string | null>(null);
  const [recorded, setRecorded] = useState<Tiers | null>(null);
  const [reading, setReading] = useState<{ id: string; from: HTMLElement } | null>(null);
  const [pending, startTransition] = useTransition();
  // Kept until the server confirms, so a retry after a lost reply is the same submission.
  const submissionRef = useRef<string | null>(null);
  const confirmRef = useRef<HTMLDialogElement>(null);
  const reviewHeadingRef = useRef<HTMLHeadingElement>(null);
  const receiptHeadingRef = useRef<HTMLHeadingElement>(null);

  // Each step's heading takes the focus once it is on the page, so a keyboard or screen-reader user lands on what changed.
  useEffect(() => {
    if (step === "review") reviewHeadingRef.current?.focus();
    if (step === "receipt") receiptHeadingRef.current?.focus();
  }, [step, receipt]);

  function submit() {
    const ranking = tiers;
    setError(null);
    const submission = (submissionRef.current ??= newSubmissionId());
    startTransition(async () => {
      let r: ReceiptResult;
      try {
        r = replacing ? await replace(replacing, ranking, submission) : await cast(ranking, submission);
      } catch {
        setError("We could not confirm your ballot: the connection failed. Submit again — if it was recorded, you get the same receipt and nothing is counted twice.");
        return;
      }
      if (!r.ok) {
        setError(r.error);
        return;
      }
      submissionRef.current = null;
      // A retry answers with what was recorded the first time, which may predate an edit made since.
      if (JSON.stringify(r.ranking) !== JSON.stringify(ranking.map((t) => [...t].sort()))) {
        setAnnouncement("Your earlier submission had been recorded; this receipt is for that ballot. Replace it if you changed your mind.");
      }
      setReceipt({ code: r.receipt, replaced: replacing !== null });
      setReplacing(null);
      setRecorded(null);
      setStep("receipt");
    });
  }

  function onSubmitClick() {
    const dialog = confirmRef.current;
    if (tiers.length === 0 && dialog) {
      dialog.returnValue = "";
      dialog.showModal();
    } else submit();
  }

  const showEditor = step === "edit" && (!hasVoted || replacing !== null || receipt !== null);
  // "Already voted" describes the page as it loaded: gone once a ballot is loaded for replacement or a new receipt is shown.
  const showAlreadyVoted = hasVoted && receipt === null && replacing === null;
  const readingCandidate = reading ? (byId.get(reading.id) ?? null) : null;

  return (
    <div className="space-y-6" ref={editor.rootRef} data-testid="ranking-ballot">
      <p aria-live="polite" aria-atomic="true" className={srOnly} data-testid="ballot-announcer">
        {editor.announcement}
      </p>

      {showAlreadyVoted && (
        <p className="rounded-md border border-gray-500 bg-gray-50 p-4" data-testid="already-voted">
          You have already voted. Your ballot is secret: to see or change it, enter the receipt code you got when you voted.
        </p>
      )}

      {step === "receipt" && receipt && <ReceiptPanel code={receipt.code} replaced={receipt.replaced} title={electionTitle} slug={slug} headingRef={receiptHeadingRef} />}

      {(showEditor || step === "review") && (
        <div className="space-y-2 rounded-md border-2 border-blue-800 bg-blue-50 p-4 text-blue-950" data-testid="unranked-rule">
          <p>
            <strong>How to vote:</strong> rank the candidates you have an opinion about, best first. Put several candidates on the same rank to say you
            like them equally. Tap a name to read that candidate&apos;s statement; your ranking stays as it is.
          </p>
          <p>Candidates are listed in an order shuffled for you.</p>
          <p>
            <strong>Unranked candidates:</strong> {unrankedRule}
          </p>
          {showEditor && <LostReceiptNote />}
        </div>
      )}

      {replacing !== null && step !== "receipt" && (
        <div className="rounded-md border border-amber-700 bg-amber-50 p-4 text-amber-950" role="status">
          <p>
            <strong>Replacing your ballot.</strong> Your recorded ballot is loaded below. Change it and submit: the new ballot replaces the old one and
            you get a new receipt code (the old code stops working).
          </p>
          {recorded && <RankingList tiers={recorded} name={name} caption="Your recorded ballot" testId="recorded-ranking" />}
          <button
            type="button"
            className={`${ballotBtn} mt-3`}
            disabled={pending}
            onClick={() => {
              setReplacing(null);
              setRecorded(null);
              setTiers([]);
              setError(null);
              setStep("edit");
              setAnnouncement("Nothing changed: your recorded ballot stands.");
            }}
          >
            Keep my recorded ballot
          </button>
        </div>
      )}

      {showEditor && (
        <RankingEditor
          tiers={tiers}
          pool={pool}
          byId={byId}
          name={name}
          apply={(id, edit, focus) => {
            setError(null);
            editor.apply(id, edit, focus);
          }}
          onClear={() => {
            setTiers([]);
            setAnnouncement("Ranking cleared; every candidate is not ranked.");
          }}
          onReview={() => {
            setError(null);
            setStep("review");
          }}
          onRead={(id, from) => setReading({ id, from })}
        />
      )}

      {step === "review" && (
        <ReviewStep
          tiers={tiers}
          pool={pool}
          name={name}
          unrankedRule={unrankedRule}
          replacing={replacing !== null}
          pending={pending}
          headingRef={reviewHeadingRef}
          onBack={() => setStep("edit")}
          onSubmit={onSubmitClick}
        />
      )}

      {error && (
        <p role="alert" className="rounded-md border border-red-800 bg-red-50 p-3 font-medium text-red-900">
          Your ballot was not accepted: {error}
        </p>
      )}

      <AbstainDialog dialogRef={confirmRef} onAbstain={submit} />
      <StatementDialog
        candidate={readingCandidate}
        statement={reading ? statements[reading.id] : null}
        returnTo={reading?.from ?? null}
        onClose={() => setReading(null)}
      />

      {(hasVoted || receipt) && replacing === null && (
        <CheckForm
          onLoad={(code, ranking) => {
            const known = ranking.map((t) => t.filter((id) => byId.has(id))).filter((t) => t.length > 0);
            setRecorded(known);
            setTiers(known);
            setReplacing(code);
            setReceipt(null);
            setStep("edit");
            setAnnouncement("Your recorded ballot is loaded. Change it and submit to replace it.");
          }}
          view={view}
        />
      )}
    </div>
  );
}

/** 128 random bits; getRandomValues works on plain-http pages too, where crypto.randomUUID does not. */
function newSubmissionId(): string {
  return Array.from(crypto.getRandomValues(new Uint8Array(16)), (b) => b.toString(16).padStart(2, "0")).join("");
}
