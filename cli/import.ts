// `hustings import kata <folder> [--dry-run]`, started by cli/bin/hustings.mjs through tsx.
// The dry run only parses and prints, so it must never load database code.
import { pathToFileURL } from "node:url";
import { ImportError } from "../lib/import/import-error";
import { parseKataFolder, type KataElection } from "../lib/import/parse-kata-folder";

const USAGE = "usage: hustings import kata <folder> [--dry-run]";

// Held in a variable so type-checking does not depend on the database importer,
// which lands separately; the dry run never reaches it.
const DATABASE_IMPORTER = "../lib/elections/import-kata-election";

interface KataElectionImporter {
  importKataElection(parsed: KataElection): Promise<unknown>;
}

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
  const unknownFlags = args.filter((a) => a.startsWith("-") && a !== "--dry-run");
  const positional = args.filter((a) => !a.startsWith("-"));
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

  let importer: KataElectionImporter;
  try {
    importer = (await import(DATABASE_IMPORTER)) as KataElectionImporter;
  } catch (e) {
    const missing = e as NodeJS.ErrnoException;
    // Only the importer itself being absent is expected; a missing dependency of it is a real failure.
    if (missing.code === "ERR_MODULE_NOT_FOUND" && missing.message.includes("import-kata-election")) {
      io.stderr("hustings import: importing into the database is not available yet; use --dry-run\n");
      return 1;
    }
    throw e;
  }
  const result = await importer.importKataElection(election);
  io.stdout(JSON.stringify(result ?? { imported: true }, null, 2) + "\n");
  return 0;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main(process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code;
    },
    (e: unknown) => {
      process.stderr.write(`hustings import: ${e instanceof Error ? e.message : String(e)}\n`);
      process.exitCode = 1;
    },
  );
}
