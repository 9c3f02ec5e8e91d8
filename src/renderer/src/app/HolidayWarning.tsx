import { useTranslation } from 'react-i18next';
import { yearsWithoutHolidays } from '../../../shared/calendar/holiday-coverage';
import { wibDate } from '../../../shared/calendar/working-days';
import { useReference } from '../data/reference';

/** Says so when deadlines may fall in a year whose holidays have not been entered yet. */
export function HolidayWarning() {
  const { t } = useTranslation();
  const ref = useReference();
  const missing = yearsWithoutHolidays(
    wibDate(new Date()),
    ref.holidays.map((h) => h.date),
  );
  if (!missing.length) return null;
  return (
    <p className="notice notice--warn" role="note">
      {t('ui.shell.holidaysMissing', { years: missing.join(', ') })} {t('ui.shell.holidaysMissingAdmin')}
    </p>
  );
}
