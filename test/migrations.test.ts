// Prisma's migrate deploy through the driver adapter splits a migration script
// at every ';', comments included: a ';' in a comment made the rest of that
// comment a statement, and a fresh database failed to migrate with
// `syntax error at or near "the"`. This reads every migration for that mistake.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

const DIR = path.resolve("prisma/migrations");

describe("migration scripts", () => {
  it("have no ';' inside a comment", () => {
    const scripts = readdirSync(DIR, { withFileTypes: true })
      .filter((d) => d.isDirectory())
      .map((d) => path.join(DIR, d.name, "migration.sql"));
    expect(scripts.length).toBeGreaterThan(5);
    const offending = scripts.flatMap((file) =>
      readFileSync(file, "utf8")
        .split("\n")
        .flatMap((line, i) => {
          const comment = line.indexOf("--");
          return comment >= 0 && line.slice(comment).includes(";") ? [`${path.relative(DIR, file)}:${i + 1}: ${line.trim()}`] : [];
        }),
    );
    expect(offending).toEqual([]);
  });
});
