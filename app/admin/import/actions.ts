"use server";

import { redirect } from "next/navigation";
import { z } from "zod";
import { getActor } from "@/lib/auth/current-actor";
import { importKataElection } from "@/lib/elections/import-kata-election";
import { buildKataElection } from "@/lib/import/parse-kata-folder";
import { baseName, decodeText, isReadmeName, KATA_UPLOAD_LIMITS as LIMITS, kataFolderFromUpload } from "@/lib/import/kata-upload";
import type { ActionState } from "@/app/_lib/action-state";
import { runUseCase, zodMessage } from "@/app/_lib/run-use-case";
import { electionHref } from "@/app/_lib/paths";

const KiB = 1024;

const uploadSchema = z.object({
  communityId: z.string().min(1, "choose the community the election belongs to").max(64),
  folderName: z.string().trim().max(200, "a folder name of at most 200 characters"),
  files: z
    .array(z.file())
    // An empty file input still submits one nameless, empty file.
    .transform((files) => files.filter((f) => f.name !== "" || f.size > 0))
    .pipe(
      z
        .array(z.file())
        .min(1, "choose the election folder (or its files)")
        .max(LIMITS.files, `at most ${LIMITS.files} files`)
        .superRefine((files, ctx) => {
          const tooBig = files.find((f) => f.size > LIMITS.fileBytes);
          if (tooBig) ctx.addIssue({ code: "custom", message: `${baseName(tooBig.name)} is larger than ${LIMITS.fileBytes / KiB} KiB` });
          if (files.reduce((sum, f) => sum + f.size, 0) > LIMITS.totalBytes) {
            ctx.addIssue({ code: "custom", message: `the files add up to more than ${LIMITS.totalBytes / KiB / KiB} MiB` });
          }
          if (!files.some((f) => isReadmeName(f.name))) ctx.addIssue({ code: "custom", message: "no README.md among them; it gives the seats and the dates" });
        }),
    )
    .transform(async (files, ctx) => {
      const texts = [];
      for (const f of files) {
        const text = decodeText(new Uint8Array(await f.arrayBuffer()));
        if (text === null) {
          ctx.addIssue({ code: "custom", message: `${baseName(f.name)} is not a text file (only UTF-8 .md and .txt files are read)` });
          return z.NEVER;
        }
        texts.push({ path: f.name, text });
      }
      return texts;
    }),
});

/** Imports an uploaded Kata election folder as a draft, then opens its manage page for review. */
export async function importKataFolderAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  const parsed = await uploadSchema.safeParseAsync({ communityId: formData.get("communityId") ?? "", folderName: formData.get("folderName") ?? "", files: formData.getAll("files") });
  if (!parsed.success) return { ok: false, error: zodMessage(parsed.error) };
  const actor = await getActor();
  const result = await runUseCase(
    () => {
      // Parsing errors (ImportError) are refusals too, phrased for the admin who fixes the files.
      const folder = kataFolderFromUpload(parsed.data.files, parsed.data.folderName);
      // The use case refuses anyone but an admin of that community, whatever this page showed.
      return importKataElection(buildKataElection(folder.folderName, folder.readme, folder.files), { actor, communityId: parsed.data.communityId });
    },
    { revalidate: ["/"] },
  );
  if (!result.ok) return result;
  redirect(electionHref(result.value.communitySlug, result.value.slug, "/manage"));
}
