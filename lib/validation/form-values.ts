/** A posted form's fields as plain values: one string per field, a list where a name repeats (checkboxes). */
export type FormValues = Record<string, string | string[]>;

export function formValues(form: FormData): FormValues {
  const out: FormValues = {};
  for (const key of new Set(form.keys())) {
    const all = form.getAll(key).filter((v): v is string => typeof v === "string");
    out[key] = all.length > 1 ? all : (all[0] ?? "");
  }
  return out;
}
