import type { ActionState } from "@/app/_lib/action-state";
import { ActionForm } from "@/components/forms/ActionForm";
import { hint as hintClass, input, label } from "@/components/ui";

type Action = (prev: ActionState, formData: FormData) => Promise<ActionState>;

/**
 * Names a person (GitHub login or e-mail) to a role in one of several places:
 * an official of an election, an admin of a community. The action gets the
 * place in `field` and the person in `login`; it authorizes on the server.
 */
export function AppointForm({
  action,
  title,
  submitLabel,
  field,
  placeLabel,
  places,
  hint,
  fixedPlace,
}: {
  action: Action;
  /** The form's accessible name, e.g. "Appoint an official". */
  title: string;
  submitLabel: string;
  field: string;
  placeLabel: string;
  places: { value: string; label: string }[];
  hint: string;
  /** When the page is about one place (an election's officials page): sent hidden, named in the title instead of a select. */
  fixedPlace?: string;
}) {
  return (
    <ActionForm action={action} submitLabel={submitLabel} ariaLabel={title} className="mt-3 max-w-2xl space-y-4">
      {fixedPlace !== undefined ? (
        <input type="hidden" name={field} value={fixedPlace} />
      ) : (
        <div>
          <label htmlFor={field} className={label}>
            {placeLabel}
          </label>
          <select id={field} name={field} required className={`${input} mt-1`}>
            {places.map((p) => (
              <option key={p.value} value={p.value}>
                {p.label}
              </option>
            ))}
          </select>
        </div>
      )}
      <div>
        <label htmlFor="login" className={label}>
          GitHub login or email
        </label>
        <input id="login" name="login" required autoComplete="off" spellCheck={false} aria-describedby="login-hint" className={`${input} mt-1`} />
        <p id="login-hint" className={hintClass}>
          {hint}
        </p>
      </div>
    </ActionForm>
  );
}
