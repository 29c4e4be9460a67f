// Shared class names so every page gets the same visible focus ring and
// contrast (text ≥ 4.5:1 on white) without repeating long Tailwind strings.

export const focusRing =
  "focus-visible:outline focus-visible:outline-3 focus-visible:outline-offset-2 focus-visible:outline-blue-700";

export const btn = `inline-flex min-h-10 items-center justify-center gap-1 rounded-md border border-gray-500 bg-white px-3 py-1.5 text-sm font-medium text-gray-900 hover:bg-gray-100 disabled:cursor-not-allowed disabled:opacity-60 ${focusRing}`;

export const btnPrimary = `inline-flex min-h-10 items-center justify-center gap-1 rounded-md border border-blue-800 bg-blue-700 px-4 py-2 text-sm font-semibold text-white hover:bg-blue-800 disabled:cursor-not-allowed disabled:opacity-60 ${focusRing}`;

export const btnDanger = `inline-flex min-h-10 items-center justify-center gap-1 rounded-md border border-red-800 bg-red-700 px-3 py-1.5 text-sm font-semibold text-white hover:bg-red-800 disabled:cursor-not-allowed disabled:opacity-60 ${focusRing}`;

export const input = `block min-h-10 w-full rounded-md border border-gray-500 bg-white px-3 py-2 text-sm text-gray-900 ${focusRing}`;

export const label = "block text-sm font-semibold text-gray-900";

export const hint = "mt-1 text-sm text-gray-700";

export const link = `font-medium text-blue-800 underline underline-offset-2 hover:text-blue-950 ${focusRing}`;

export const card = "rounded-lg border border-gray-300 bg-white p-4 shadow-sm";

export const h1 = "text-3xl font-bold tracking-tight text-gray-950";
export const h2 = "mt-8 text-xl font-bold text-gray-950";
export const h3 = "text-lg font-semibold text-gray-950";

export const th = "border border-gray-400 bg-gray-100 p-2 text-left";
export const td = "border border-gray-400 p-2";
