/**
 * The three props every text field of a form needs, for one key of the form's state:
 * `<TextField label={…} {...bind('name')} />` instead of value, onChange and error written out.
 */
type StringKeys<F> = { [K in keyof F]: F[K] extends string ? K : never }[keyof F] & string;

export function fieldBinder<F extends object>(
  form: F,
  setForm: (next: F) => void,
  fieldError: (name: string) => string | undefined,
) {
  return (key: StringKeys<F>) => ({
    value: form[key] as string,
    onChange: (e: { target: { value: string } }) => setForm({ ...form, [key]: e.target.value }),
    error: fieldError(key),
  });
}
