// Every use case validates its input with zod before touching the database;
// this turns zod's issues into one sentence a person can act on.
import type { z } from "zod";
import { InvalidInputError } from "@/lib/errors";

export function parseInput<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const r = schema.safeParse(input);
  if (r.success) return r.data;
  const message = r.error.issues
    .slice(0, 3)
    .map((i) => (i.path.length ? `${i.path.join(".")}: ${i.message}` : i.message))
    .join("; ");
  throw new InvalidInputError(message);
}
