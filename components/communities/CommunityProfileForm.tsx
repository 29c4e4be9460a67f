import { ActionForm } from "@/components/forms/ActionForm";
import { ElectionRulesFields } from "@/components/forms/ElectionRulesFields";
import { ROLL_FORMATS, ROLL_FORMAT_LABELS } from "@/lib/communities/community-input";
import { hint, input, label } from "@/components/ui";
import type { ActionState } from "@/app/_lib/action-state";
import type { CommunityRow } from "@/app/_lib/community";

/**
 * The community's profile and the defaults its new elections start from. The
 * rules fields are the election form's own, renamed to the community's
 * columns, so both forms offer the same choices.
 */
export function CommunityProfileForm({ community, action }: { community: CommunityRow; action: (prev: ActionState, fd: FormData) => Promise<ActionState> }) {
  return (
    <ActionForm action={action} submitLabel="Save profile and defaults" ariaLabel="Community profile and default rules" className="mt-3 max-w-2xl space-y-4">
      <div>
        <label htmlFor="c-name" className={label}>
          Name
        </label>
        <input id="c-name" name="name" required maxLength={120} defaultValue={community.name} className={`${input} mt-1`} />
      </div>
      <div>
        <label htmlFor="c-description" className={label}>
          Description (Markdown)
        </label>
        <textarea id="c-description" name="description" rows={5} maxLength={20000} defaultValue={community.description} className={`${input} mt-1`} />
      </div>
      <div>
        <label htmlFor="c-governance" className={label}>
          Governance document (optional)
        </label>
        <input id="c-governance" name="governanceUrl" type="url" defaultValue={community.governanceUrl ?? ""} aria-describedby="c-governance-hint" className={`${input} mt-1`} />
        <p id="c-governance-hint" className={hint}>
          The charter or bylaws that set how elections run, as an https:// address.
        </p>
      </div>
      <div>
        <label htmlFor="c-committee" className={label}>
          Committee name
        </label>
        <input id="c-committee" name="committeeName" maxLength={120} defaultValue={community.committeeName} aria-describedby="c-committee-hint" className={`${input} mt-1`} />
        <p id="c-committee-hint" className={hint}>
          The committee its elections fill, e.g. Technical Steering Committee.
        </p>
      </div>
      <fieldset className="space-y-2">
        <legend className={label}>Default rules for new elections</legend>
        <RenamedRulesFields community={community} />
      </fieldset>
      <fieldset>
        <legend className={label}>Electorate files this community accepts</legend>
        <p className={hint}>None ticked: any of them.</p>
        <div className="mt-2 space-y-1">
          {ROLL_FORMATS.map((f) => (
            <label key={f} className="flex items-center gap-2 text-sm text-gray-900">
              <input type="checkbox" name="rollFormats" value={f} defaultChecked={community.rollFormats.includes(f)} className="h-4 w-4" />
              {ROLL_FORMAT_LABELS[f]}
            </label>
          ))}
        </div>
      </fieldset>
    </ActionForm>
  );
}

/** ElectionRulesFields posts seats/method/unranked/maxPerAffiliation; the community stores them as defaults. */
function RenamedRulesFields({ community }: { community: CommunityRow }) {
  return (
    <ElectionRulesFields
      defaults={{ seats: community.defaultSeats, method: community.defaultMethod, unranked: community.defaultUnranked, maxPerAffiliation: community.defaultMaxPerAffiliation }}
      idPrefix="default-"
      namePrefix="default"
    />
  );
}
