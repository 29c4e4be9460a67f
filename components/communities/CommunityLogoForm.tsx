import { ActionForm } from "@/components/forms/ActionForm";
import { btn, hint, input, label } from "@/components/ui";
import type { ActionState } from "@/app/_lib/action-state";
import type { CommunityRow } from "@/app/_lib/community";
import { CommunityLogo } from "./CommunityLogo";

type Action = (prev: ActionState, fd: FormData) => Promise<ActionState>;

/** Upload or remove the logo; the server checks the bytes, the accept list only helps the file picker. */
export function CommunityLogoForm({ community, upload, remove }: { community: CommunityRow; upload: Action; remove: Action }) {
  return (
    <div className="mt-3 max-w-2xl space-y-4">
      <div className="flex items-center gap-3">
        <CommunityLogo community={community} size={64} />
        <p className="text-sm text-gray-800">{community.logoType ? "The current logo." : "No logo yet: the page shows the name's first letter."}</p>
      </div>
      <ActionForm action={upload} submitLabel="Upload logo" pendingLabel="Uploading…" ariaLabel="Upload a logo" className="space-y-3">
        <div>
          <label htmlFor="logo" className={label}>
            Logo image
          </label>
          <input id="logo" name="logo" type="file" required accept="image/png,image/jpeg,image/webp" aria-describedby="logo-hint" className={`${input} mt-1`} />
          <p id="logo-hint" className={hint}>
            PNG, JPEG or WebP, at most 256 KiB; square works best. SVG is not accepted (it can carry script).
          </p>
        </div>
      </ActionForm>
      {community.logoType && <ActionForm action={remove} submitLabel="Remove logo" pendingLabel="Removing…" confirm="Remove the logo?" ariaLabel="Remove the logo" buttonClassName={btn} />}
    </div>
  );
}
