import type { ActionState } from "@/app/_lib/action-state";
import { ActionForm } from "@/components/forms/ActionForm";
import { btn } from "@/components/ui";

type Action = (prev: ActionState, formData: FormData) => Promise<ActionState>;

/**
 * The people holding one role in one place (officials of an election, admins
 * of a community), each with a Remove button. The action receives the scope
 * field, the user and the name it reports back; it authorizes on the server.
 */
export function RoleHolders({
  holders,
  remove,
  scope,
  role,
  consequence,
}: {
  holders: { userId: string; name: string }[];
  remove: Action;
  /** The hidden field naming where the role is held, e.g. ["electionId", id]. */
  scope: [field: string, id: string];
  /** "an official of Harbor AC 2026", "an admin of Harbor Project". */
  role: string;
  /** Said in the confirmation, e.g. "They lose access to it at once." */
  consequence: string;
}) {
  if (holders.length === 0) return <>none yet</>;
  return (
    <ul className="space-y-1">
      {holders.map(({ userId, name }) => (
        <li key={userId}>
          <ActionForm
            action={remove}
            submitLabel="Remove"
            pendingLabel="Removing…"
            confirm={`Remove ${name} as ${role}? ${consequence}`}
            ariaLabel={`Remove ${name} as ${role}`}
            className="flex flex-wrap items-center gap-2"
            buttonClassName={btn}
          >
            <span>{name}</span>
            <input type="hidden" name={scope[0]} value={scope[1]} />
            <input type="hidden" name="userId" value={userId} />
            <input type="hidden" name="name" value={name} />
          </ActionForm>
        </li>
      ))}
    </ul>
  );
}

/** How a person is named in role lists: their name, else their login or e-mail. */
export function personLabel(u: { name: string | null; githubLogin: string | null; email: string | null }, fallback: string): string {
  return u.name ?? u.githubLogin ?? u.email ?? fallback;
}
