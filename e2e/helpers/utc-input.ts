/** What an official types into a schedule field for a moment `ms` from now (UTC, to the minute). */
export const utcInput = (ms: number): string => new Date(Date.now() + ms).toISOString().slice(0, 16);
