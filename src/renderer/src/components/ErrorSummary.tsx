/**
 * Above a form that could not be saved: how many fields need attention, each a link that puts the
 * cursor in that field (GOV.UK's error summary). Announced as an alert when it appears.
 */
import { useTranslation } from 'react-i18next';

export function ErrorSummary({
  errors,
  idOf,
}: {
  /** field name -> message (which names the field), in the order the fields appear */
  errors: Array<[string, string]>;
  idOf: (field: string) => string;
}) {
  const { t } = useTranslation();
  if (!errors.length) return null;
  return (
    <div className="error-summary" role="alert" aria-labelledby="error-summary-title">
      <strong id="error-summary-title">{t('ui.form.errorSummary', { count: errors.length })}</strong>
      <ul>
        {errors.map(([field, message]) => (
          <li key={field}>
            <a
              href={`#${idOf(field)}`}
              onClick={(e) => {
                e.preventDefault();
                const el = document.getElementById(idOf(field));
                el?.focus();
                el?.scrollIntoView({ block: 'center' });
              }}
            >
              {message}
            </a>
          </li>
        ))}
      </ul>
    </div>
  );
}
