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
