"use client";

import { useId, useLayoutEffect, useMemo, useRef, useState, useTransition, type ReactNode, type RefObject } from "react";
import {
  DndContext,
  KeyboardSensor,
  PointerSensor,
  TouchSensor,
  closestCenter,
  pointerWithin,
  useDraggable,
  useDroppable,
  useSensor,
  useSensors,
  type Announcements,
  type CollisionDetection,
  type DragEndEvent,
} from "@dnd-kit/core";
import { btn, btnPrimary, focusRing, input, label } from "@/components/ui";
import { insertNewTier, joinTier, moveDown, moveUp, tierOf, unrank, type Tiers } from "./ranking";

export interface BallotCandidate {
  id: string;
  name: string;
  affiliation: string | null;
}

type ReceiptResult = { ok: true; receipt: string; ranking: string[][] } | { ok: false; error: string };
type ViewResult = { ok: true; ranking: string[][] } | { ok: false; error: string };

interface Props {
  electionTitle: string;
  slug: string;
  candidates: BallotCandidate[];
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

const srOnly = "sr-only";

// Pointer first so a mouse drop lands on the zone under the cursor; the
// keyboard has no pointer, so it falls back to the nearest zone.
const collision: CollisionDetection = (args) => {
  const hits = pointerWithin(args);
  return hits.length > 0 ? hits : closestCenter(args);
};

/**
 * The ranked ballot (PRODUCT §5). It starts empty — every candidate in the
 * "not ranked" pool — because a pre-filled ballot would put words in the
 * voter's mouth. Every move is possible with plain buttons; drag and drop
 * (pointer, touch, or keyboard via dnd-kit) is a shortcut on top.
 */
export function RankingBallot({ electionTitle, slug, candidates, unrankedRule, hasVoted, cast, replace, view }: Props) {
  const [tiers, setTiers] = useState<Tiers>([]);
  const [step, setStep] = useState<Step>("edit");
  const [announcement, setAnnouncement] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [receipt, setReceipt] = useState<{ code: string; replaced: boolean } | null>(null);
  /** The receipt of the ballot being replaced, once the voter has loaded it. */
  const [replacing, setReplacing] = useState<string | null>(null);
  const [recorded, setRecorded] = useState<Tiers | null>(null);
  const [pending, startTransition] = useTransition();
  // Kept until the server confirms, so a retry after a lost reply is the same submission.
  const submissionRef = useRef<string | null>(null);
  const confirmRef = useRef<HTMLDialogElement>(null);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const ids = useId();

  const byId = useMemo(() => new Map(candidates.map((c) => [c.id, c])), [candidates]);
  const name = (id: string) => byId.get(id)?.name ?? id;
  const ranked = new Set(tiers.flat());
  const pool = candidates.filter((c) => !ranked.has(c.id));

  function describe(next: Tiers, id: string): string {
    const i = tierOf(next, id);
    if (i < 0) return `${name(id)} is not ranked.`;
    const others = next[i].filter((c) => c !== id).map(name);
    return `${name(id)} is now rank ${i + 1}${others.length ? `, tied with ${others.join(", ")}` : ""}.`;
  }

  // Moving a candidate re-renders its row elsewhere (and may disable the button
  // just pressed), so keyboard focus is put back on purpose, never left on <body>.
  const rootRef = useRef<HTMLDivElement>(null);
  const pendingFocus = useRef<string[] | null>(null);
  useLayoutEffect(() => {
    const keys = pendingFocus.current;
    pendingFocus.current = null;
    if (!keys || !rootRef.current) return;
    for (const key of keys) {
      const el = rootRef.current.querySelector<HTMLButtonElement>(`[data-focus="${CSS.escape(key)}"]`);
      if (el && !el.disabled) {
        el.focus();
        return;
      }
    }
  }, [tiers]);

  function apply(id: string, edit: (t: Tiers) => Tiers, focus: string[] = []) {
    const next = edit(tiers);
    pendingFocus.current = [...focus, `${id}:handle`];
    setTiers(next);
    setError(null);
    setAnnouncement(describe(next, id));
  }

  const sensors = useSensors(
    useSensor(PointerSensor, { activationConstraint: { distance: 5 } }),
    useSensor(TouchSensor, { activationConstraint: { delay: 150, tolerance: 5 } }),
    useSensor(KeyboardSensor),
  );

  function zoneName(zone: string | number | undefined): string {
    const z = String(zone ?? "");
    if (z === "pool") return "the not-ranked list";
    const [kind, n] = z.split("-");
    const i = Number(n);
    if (kind === "tier") return `rank ${i + 1} (tie)`;
    if (kind === "gap") return i >= tiers.length ? `a new rank ${i + 1} at the end` : `a new rank ${i + 1}, above the current rank ${i + 1}`;
    return "nowhere";
  }

  const announcements: Announcements = {
    onDragStart: ({ active }) => `Picked up ${name(String(active.id))}.`,
    onDragOver: ({ active, over }) => (over ? `${name(String(active.id))} is over ${zoneName(over.id)}.` : `${name(String(active.id))} is not over a drop zone.`),
    onDragEnd: ({ active, over }) => (over ? `Dropped ${name(String(active.id))} on ${zoneName(over.id)}.` : `${name(String(active.id))} was dropped outside; nothing changed.`),
    onDragCancel: ({ active }) => `Moving ${name(String(active.id))} was cancelled; nothing changed.`,
  };

  function onDragEnd({ active, over }: DragEndEvent) {
    if (!over) return;
    const id = String(active.id);
    const [kind, n] = String(over.id).split("-");
    if (over.id === "pool") apply(id, (t) => unrank(t, id), [`${id}:add`]);
    else if (kind === "tier") apply(id, (t) => joinTier(t, id, Number(n)));
    else if (kind === "gap") apply(id, (t) => insertNewTier(t, id, Number(n)));
  }

  function goReview() {
    setError(null);
    setStep("review");
    requestAnimationFrame(() => headingRef.current?.focus());
  }

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
      requestAnimationFrame(() => headingRef.current?.focus());
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

  return (
    <div className="space-y-6" ref={rootRef}>
      <p aria-live="polite" aria-atomic="true" className={srOnly} data-testid="ballot-announcer">
        {announcement}
      </p>

      {step === "receipt" && receipt && <ReceiptPanel code={receipt.code} replaced={receipt.replaced} title={electionTitle} slug={slug} headingRef={headingRef} />}

      {(showEditor || step === "review") && (
        <div className="rounded-md border-2 border-blue-800 bg-blue-50 p-4 text-blue-950" data-testid="unranked-rule">
          <p>
            <strong>How to vote:</strong> rank the candidates you have an opinion about, best first. Put several candidates on the same rank to say you
            like them equally.
          </p>
          <p className="mt-2">
            <strong>Unranked candidates:</strong> {unrankedRule}
          </p>
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
            className={`${btn} mt-3`}
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
        <DndContext
          sensors={sensors}
          collisionDetection={collision}
          onDragEnd={onDragEnd}
          accessibility={{
            announcements,
            screenReaderInstructions: {
              draggable:
                "To move a candidate with the keyboard, press Space or Enter to pick it up, use the arrow keys to move it over a rank or a gap between ranks, and press Space or Enter again to drop it. Press Escape to cancel. The buttons beside each candidate do the same moves.",
            },
          }}
        >
          <section aria-labelledby={`${ids}-ranked`} className="space-y-3">
            <h2 id={`${ids}-ranked`} className="text-xl font-bold">
              Your ranking
            </h2>
            {tiers.length === 0 ? (
              <Gap index={0} label="Nobody ranked yet. Use “Add as rank 1” below, or drag a candidate here." always />
            ) : (
              <ol className="space-y-1" aria-label="Ranks, best first">
                {tiers.map((tier, i) => (
                  <li key={tier.join("|")}>
                    <Gap index={i} label={`New rank ${i + 1} here`} />
                    <Tier index={i}>
                      <h3 className="text-sm font-bold text-gray-900">
                        Rank {i + 1}
                        {tier.length > 1 && <span className="font-normal"> — tie between {tier.length} candidates</span>}
                      </h3>
                      <ul className="mt-2 space-y-2">
                        {tier.map((id) => (
                          <li key={id}>
                            <CandidateRow candidate={byId.get(id)}>
                              <button type="button" className={btn} data-focus={`${id}:up`} onClick={() => apply(id, (t) => moveUp(t, id), [`${id}:up`, `${id}:down`])} disabled={i === 0 && tier.length === 1}>
                                <span aria-hidden="true">↑</span> Move up<span className={srOnly}> {name(id)}</span>
                              </button>
                              <button
                                type="button"
                                className={btn}
                                data-focus={`${id}:down`}
                                onClick={() => apply(id, (t) => moveDown(t, id), [`${id}:down`, `${id}:up`])}
                                disabled={i === tiers.length - 1 && tier.length === 1}
                              >
                                <span aria-hidden="true">↓</span> Move down<span className={srOnly}> {name(id)}</span>
                              </button>
                              {i > 0 && (
                                <button type="button" className={btn} data-focus={`${id}:tie`} onClick={() => apply(id, (t) => joinTier(t, id, i - 1), [`${id}:up`])}>
                                  Tie with rank {i}
                                  <span className={srOnly}> ({name(id)})</span>
                                </button>
                              )}
                              <button type="button" className={btn} data-focus={`${id}:remove`} onClick={() => apply(id, (t) => unrank(t, id), [`${id}:add`])}>
                                Remove<span className={srOnly}> {name(id)} from the ranking</span>
                              </button>
                            </CandidateRow>
                          </li>
                        ))}
                      </ul>
                    </Tier>
                  </li>
                ))}
              </ol>
            )}
            {tiers.length > 0 && <Gap index={tiers.length} label={`New rank ${tiers.length + 1} here`} />}
          </section>

          <section aria-labelledby={`${ids}-pool`} className="space-y-3">
            <h2 id={`${ids}-pool`} className="text-xl font-bold">
              Not ranked ({pool.length})
            </h2>
            <Pool>
              {pool.length === 0 ? (
                <p className="text-gray-800">You have ranked every candidate.</p>
              ) : (
                <ul className="space-y-2" aria-label="Candidates not ranked">
                  {pool.map((c, k) => {
                    // After a pool candidate is ranked, focus moves to the next one in the pool, ready to rank.
                    const neighbour = (pool[k + 1] ?? pool[k - 1])?.id;
                    const stay = neighbour ? [`${neighbour}:add`] : [];
                    return (
                    <li key={c.id}>
                      <CandidateRow candidate={c}>
                        <button type="button" className={btn} data-focus={`${c.id}:add`} onClick={() => apply(c.id, (t) => insertNewTier(t, c.id, t.length), stay)}>
                          Add as rank {tiers.length + 1}
                          <span className={srOnly}> ({c.name})</span>
                        </button>
                        {tiers.length > 0 && <TieControl id={c.id} candidateName={c.name} count={tiers.length} onTie={(i) => apply(c.id, (t) => joinTier(t, c.id, i), stay)} />}
                      </CandidateRow>
                    </li>
                    );
                  })}
                </ul>
              )}
            </Pool>
          </section>

          <div className="flex flex-wrap items-center gap-3 border-t border-gray-300 pt-4">
            <button type="button" className={btnPrimary} onClick={goReview}>
              Review my ballot
            </button>
            {tiers.length > 0 && (
              <button
                type="button"
                className={btn}
                onClick={() => {
                  setTiers([]);
                  setAnnouncement("Ranking cleared; every candidate is not ranked.");
                }}
              >
                Clear ranking
              </button>
            )}
          </div>
        </DndContext>
      )}

      {step === "review" && (
        <section aria-labelledby={`${ids}-review`} className="space-y-4 rounded-lg border-2 border-gray-800 p-4">
          <h2 id={`${ids}-review`} ref={headingRef} tabIndex={-1} className={`text-xl font-bold ${focusRing}`}>
            Review your ballot
          </h2>
          {tiers.length === 0 ? (
            <p className="font-semibold">You ranked nobody. Submitting this ballot records an abstention.</p>
          ) : (
            <RankingList tiers={tiers} name={name} caption="Your ranking, best first" testId="ranking-list" />
          )}
          {pool.length > 0 && (
            <p>
              <strong>Not ranked:</strong> {pool.map((c) => c.name).join(", ")}. {unrankedRule}
            </p>
          )}
          <div className="flex flex-wrap gap-3">
            <button type="button" className={btn} onClick={() => setStep("edit")} disabled={pending}>
              Back to editing
            </button>
            <button type="button" className={btnPrimary} onClick={onSubmitClick} disabled={pending}>
              {pending ? "Submitting…" : replacing ? "Replace my ballot" : "Submit my ballot"}
            </button>
          </div>
        </section>
      )}

      {error && (
        <p role="alert" className="rounded-md border border-red-800 bg-red-50 p-3 font-medium text-red-900">
          Your ballot was not accepted: {error}
        </p>
      )}

      <dialog
        ref={confirmRef}
        aria-labelledby={`${ids}-confirm`}
        className="m-auto max-w-md rounded-lg border border-gray-700 p-6 backdrop:bg-black/50"
        onClose={() => {
          if (confirmRef.current?.returnValue === "abstain") submit();
        }}
      >
        <form method="dialog" className="space-y-4">
          <h2 id={`${ids}-confirm`} className="text-lg font-bold">
            Submit an empty ballot?
          </h2>
          <p>You have not ranked anyone. An empty ballot counts as an abstention: you are recorded as having voted, but you support nobody.</p>
          <div className="flex flex-wrap gap-3">
            <button value="back" className={btn} autoFocus>
              Go back and rank
            </button>
            <button value="abstain" className={btnPrimary}>
              Submit empty ballot
            </button>
          </div>
        </form>
      </dialog>

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

function CandidateRow({ candidate, children }: { candidate: BallotCandidate | undefined; children: ReactNode }) {
  if (!candidate) return null;
  return (
    <div className="flex flex-wrap items-center gap-2 rounded-md border border-gray-400 bg-white p-2" data-testid="ballot-candidate">
      <DragHandle id={candidate.id} name={candidate.name} />
      <span className="min-w-40 flex-1">
        <span className="font-semibold">{candidate.name}</span>
        {candidate.affiliation && candidate.affiliation !== "none" && <span className="text-sm text-gray-700"> · {candidate.affiliation}</span>}
      </span>
      <span className="flex flex-wrap gap-1">{children}</span>
    </div>
  );
}

function DragHandle({ id, name }: { id: string; name: string }) {
  const { attributes, listeners, setNodeRef, transform, isDragging } = useDraggable({ id });
  const style = transform ? { transform: `translate3d(${transform.x}px, ${transform.y}px, 0)` } : undefined;
  return (
    <button
      type="button"
      ref={setNodeRef}
      style={style}
      {...attributes}
      {...listeners}
      aria-label={`Drag ${name}`}
      data-focus={`${id}:handle`}
      className={`cursor-grab touch-none rounded border border-gray-500 px-2 py-1 text-gray-800 ${isDragging ? "z-10 bg-blue-100 shadow-lg" : "bg-gray-50"} ${focusRing}`}
    >
      <span aria-hidden="true">⠿</span>
    </button>
  );
}

function Tier({ index, children }: { index: number; children: ReactNode }) {
  const { setNodeRef, isOver } = useDroppable({ id: `tier-${index}` });
  return (
    <div ref={setNodeRef} className={`rounded-lg border-2 p-3 ${isOver ? "border-blue-700 bg-blue-50" : "border-gray-300 bg-gray-50"}`}>
      {children}
    </div>
  );
}

function Gap({ index, label, always }: { index: number; label: string; always?: boolean }) {
  const { setNodeRef, isOver, active } = useDroppable({ id: `gap-${index}` });
  if (always) {
    return (
      <div ref={setNodeRef} className={`rounded-md border-2 border-dashed p-4 ${isOver ? "border-blue-700 bg-blue-50 text-blue-950" : "border-gray-500 text-gray-800"}`}>
        {label}
      </div>
    );
  }
  // Same height whether or not something is dragged, so the list never jumps
  // under the pointer; the insertion line only shows while dragging.
  return (
    <div ref={setNodeRef} className="relative flex h-4 items-center" aria-hidden={!active}>
      {active && <div className={`w-full rounded ${isOver ? "h-1.5 bg-blue-700" : "h-0.5 bg-gray-400"}`} />}
      {isOver && <span className="absolute right-2 -top-2.5 rounded bg-blue-700 px-2 text-xs font-semibold text-white">{label}</span>}
    </div>
  );
}

function Pool({ children }: { children: ReactNode }) {
  const { setNodeRef, isOver } = useDroppable({ id: "pool" });
  return (
    <div ref={setNodeRef} className={`rounded-lg border-2 p-3 ${isOver ? "border-blue-700 bg-blue-50" : "border-gray-300"}`}>
      {children}
    </div>
  );
}

function TieControl({ id, candidateName, count, onTie }: { id: string; candidateName: string; count: number; onTie: (tier: number) => void }) {
  const [choice, setChoice] = useState(0);
  const selectId = `tie-${id}`;
  return (
    <span className="inline-flex items-center gap-1">
      <span aria-hidden="true" className="text-sm text-gray-800">
        or tie with
      </span>
      <label htmlFor={selectId} className="sr-only">
        Rank to tie {candidateName} with
      </label>
      <select id={selectId} value={Math.min(choice, count - 1)} onChange={(e) => setChoice(Number(e.target.value))} className={`rounded-md border border-gray-500 bg-white px-2 py-1.5 text-sm ${focusRing}`}>
        {Array.from({ length: count }, (_, i) => (
          <option key={i} value={i}>
            rank {i + 1}
          </option>
        ))}
      </select>
      <button type="button" className={btn} onClick={() => onTie(Math.min(choice, count - 1))}>
        Tie<span className="sr-only"> {candidateName} with the selected rank</span>
      </button>
    </span>
  );
}

function RankingList({ tiers, name, caption, testId }: { tiers: Tiers; name: (id: string) => string; caption: string; testId: string }) {
  return (
    <figure>
      <figcaption className="font-semibold">{caption}</figcaption>
      <ol className="mt-2 list-none space-y-1" data-testid={testId}>
        {tiers.map((t, i) => (
          <li key={i}>
            <span className="font-semibold">Rank {i + 1}:</span> {t.map(name).join(" = ")}
            {t.length > 1 && <span className="text-gray-800"> (tied)</span>}
          </li>
        ))}
      </ol>
    </figure>
  );
}

function ReceiptPanel({ code, replaced, title, slug, headingRef }: { code: string; replaced: boolean; title: string; slug: string; headingRef: RefObject<HTMLHeadingElement | null> }) {
  const text = [
    "Hustings ballot receipt",
    `Election: ${title}`,
    `Page: ${typeof window === "undefined" ? "" : window.location.origin + window.location.pathname}`,
    `Receipt code: ${code}`,
    "",
    "This code is the only way to check or replace your ballot while voting is open,",
    "and to find your ballot in the published ballot list. Nobody can recover it for you.",
    "Keep it private: anyone holding it can see and replace your ballot.",
    "",
  ].join("\n");
  const href = `data:text/plain;charset=utf-8,${encodeURIComponent(text)}`;
  return (
    <section aria-labelledby="receipt-h" className="space-y-3 rounded-lg border-2 border-green-800 bg-green-50 p-4 text-green-950" data-testid="receipt-panel">
      <h2 id="receipt-h" ref={headingRef} tabIndex={-1} className={`text-xl font-bold ${focusRing}`}>
        {replaced ? "Your ballot was replaced" : "Your ballot is recorded"}
      </h2>
      <p>Your receipt code{replaced ? " (a new one; the old code no longer works)" : ""}:</p>
      <p>
        <code className="block break-all rounded bg-white px-3 py-2 font-mono text-lg text-gray-950" data-testid="receipt-code">
          {code}
        </code>
      </p>
      <p>
        <strong>It is shown only once.</strong> It is the only way to check or replace your ballot, and nobody — not even the officials — can recover it.
        Download it or copy it somewhere safe now.
      </p>
      <p className="flex flex-wrap items-center gap-3">
        <a href={href} download={`${slug}-receipt.txt`} className={btnPrimary}>
          Download receipt
        </a>
        <CopyButton text={code} />
      </p>
    </section>
  );
}

function CopyButton({ text }: { text: string }) {
  const [copied, setCopied] = useState<"yes" | "no" | null>(null);
  return (
    <>
      <button
        type="button"
        className={btn}
        onClick={() => {
          navigator.clipboard?.writeText(text).then(
            () => setCopied("yes"),
            () => setCopied("no"),
          ) ?? setCopied("no");
        }}
      >
        Copy code
      </button>
      <span aria-live="polite" className="text-sm">
        {copied === "yes" && "Copied."}
        {copied === "no" && "Could not copy: select the code and copy it yourself."}
      </span>
    </>
  );
}

function CheckForm({ view, onLoad }: { view: (receipt: string) => Promise<ViewResult>; onLoad: (code: string, ranking: string[][]) => void }) {
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  return (
    <section aria-labelledby="check-h" className="space-y-3 border-t border-gray-300 pt-4">
      <h2 id="check-h" className="text-xl font-bold">
        Check or replace my ballot
      </h2>
      <form
        className="space-y-3"
        onSubmit={(e) => {
          e.preventDefault();
          const code = String(new FormData(e.currentTarget).get("receipt") ?? "").trim();
          setError(null);
          startTransition(async () => {
            const r = await view(code);
            if (r.ok) onLoad(code, r.ranking);
            else setError(r.error);
          });
        }}
      >
        <div>
          <label htmlFor="receipt-input" className={label}>
            Receipt code
          </label>
          <input
            id="receipt-input"
            name="receipt"
            required
            autoComplete="off"
            autoCapitalize="characters"
            spellCheck={false}
            aria-describedby="receipt-hint"
            className={`${input} mt-1 font-mono`}
          />
          <p id="receipt-hint" className="mt-1 text-sm text-gray-700">
            The code shown when you voted (also in the receipt file you downloaded). While voting is open you can see your ballot with it and replace
            it.
          </p>
        </div>
        <button type="submit" className={btn} disabled={pending}>
          {pending ? "Checking…" : "Check my ballot"}
        </button>
        {error && (
          <p role="alert" className="font-medium text-red-800">
            {error}
          </p>
        )}
      </form>
    </section>
  );
}
