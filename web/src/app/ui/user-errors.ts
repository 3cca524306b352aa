/** The typed problem a mutation payload reports (see UserError in the schema). */
export interface UserErrorLike {
  code: string;
  message: string;
  field?: readonly string[] | null;
}

export interface SplitUserErrors {
  /** Keyed by the last element of the error's field path (e.g. ["input", "inn"] → "inn"). */
  fieldErrors: Record<string, string>;
  formErrors: string[];
}

/** Puts each error next to the form field it names, or at the form level when the field is unknown. */
export function splitUserErrors(errors: readonly UserErrorLike[], knownFields: readonly string[]): SplitUserErrors {
  const fieldErrors: Record<string, string> = {};
  const formErrors: string[] = [];
  for (const error of errors) {
    const field = error.field?.at(-1);
    if (field && knownFields.includes(field) && !(field in fieldErrors)) fieldErrors[field] = error.message;
    else formErrors.push(error.message);
  }
  return { fieldErrors, formErrors };
}

export interface SplitUserErrorsByPath extends SplitUserErrors {
  /** Whether one of the errors is a CONFLICT: the object changed since it was read (stale `version`). */
  conflict: boolean;
}

/**
 * Like splitUserErrors, for forms whose fields are nested or repeated: `fieldOf` turns the whole
 * path (e.g. ["input", "content", "indicators", "0", "value"]) into the form's field key, or null
 * when no field shows it. The first message per field wins; the others go to the form level.
 */
export function splitUserErrorsByPath(
  errors: readonly UserErrorLike[],
  fieldOf: (path: readonly string[]) => string | null,
): SplitUserErrorsByPath {
  const fieldErrors: Record<string, string> = {};
  const formErrors: string[] = [];
  let conflict = false;
  for (const error of errors) {
    if (error.code === 'CONFLICT' && error.field?.at(-1) === 'version') {
      conflict = true;
      continue;
    }
    const field = error.field && error.field.length > 0 ? fieldOf(error.field) : null;
    if (field && !(field in fieldErrors)) fieldErrors[field] = error.message;
    else formErrors.push(error.message);
  }
  return { fieldErrors, formErrors, conflict };
}
