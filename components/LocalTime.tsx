"use client";

import { useSyncExternalStore } from "react";

// dateStyle/timeStyle cannot be combined with timeZoneName, hence the fields.
const FIELDS: Intl.DateTimeFormatOptions = { year: "numeric", month: "short", day: "numeric", hour: "2-digit", minute: "2-digit", hourCycle: "h23" };

const utcFormat = new Intl.DateTimeFormat("en-GB", { ...FIELDS, timeZone: "UTC" });

const subscribe = () => () => {};

/**
 * An instant in the viewer's own time zone with the UTC value beside it
 * (PRODUCT §2). The server cannot know the viewer's zone, so it renders UTC
 * only and the browser adds the local time after hydration.
 */
export function LocalTime({ iso }: { iso: string }) {
  const date = new Date(iso);
  const local = useSyncExternalStore(
    subscribe,
    () => {
      const format = new Intl.DateTimeFormat(undefined, { ...FIELDS, timeZoneName: "short" });
      // A viewer whose zone is UTC gets the value once, not twice.
      return /^(Etc\/)?(UTC|GMT)$/.test(format.resolvedOptions().timeZone) ? null : format.format(date);
    },
    () => null,
  );
  const utc = `${utcFormat.format(date)} UTC`;
  return (
    <time dateTime={iso}>
      {local ? (
        <>
          {local} <span className="text-gray-700">({utc})</span>
        </>
      ) : (
        utc
      )}
    </time>
  );
}
