// The ballot's controls are tapped on phones: every one is at least 44 × 44 px
// (WCAG 2.5.5), a step up from the 40 px of the shared button styles.
import { btn, btnPrimary, focusRing, input } from "@/components/ui";

const touch = (cls: string) => `${cls.replace("min-h-10", "min-h-11")} min-w-11`;

export const ballotBtn = touch(btn);
export const ballotBtnPrimary = touch(btnPrimary);
export const ballotInput = input.replace("min-h-10", "min-h-11");
export const ballotSelect = `min-h-11 rounded-md border border-gray-500 bg-white px-2 py-1.5 text-sm ${focusRing}`;
/** A candidate's name, a link to their statement: tall enough to tap, still reading as a name. */
export const nameLink = `inline-flex min-h-11 items-center font-semibold text-blue-900 underline underline-offset-2 hover:text-blue-950 ${focusRing}`;
export const srOnly = "sr-only";
