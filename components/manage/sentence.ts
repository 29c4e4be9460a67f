/** A reason someone typed as one sentence: its own final stop kept, one added only when it has none (never "..", never none). */
export function asSentence(text: string): string {
  const t = text.trim();
  return /[.!?…]["'”’)]*$/.test(t) ? t : `${t}.`;
}
