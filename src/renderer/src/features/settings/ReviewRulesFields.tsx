/** The day review's rules in Pengaturan: which run, and their thresholds (admin). */
import { useTranslation } from 'react-i18next';
import type { Settings } from '../../../../shared/contract/settings';
import { reviewRuleNames } from '../../../../shared/domain/review';
import { TextField } from '../../components/Field';
import { useReference } from '../../data/reference';

type Rules = Settings['reviewRules'];

export function ReviewRulesFields({
  rules,
  onChange,
  fieldError,
}: {
  rules: Rules;
  onChange: (rules: Rules) => void;
  fieldError: (path: string) => string | undefined;
}) {
  const { t } = useTranslation();
  const ref = useReference();
  const set = <K extends keyof Rules>(key: K, value: Rules[K]) => onChange({ ...rules, [key]: value });
  return (
    <fieldset className="review-rules">
      <legend>{t('ui.settings.reviewRules.title')}</legend>
      <div className="review-rules__toggles">
        {reviewRuleNames.map((name) => (
          <label key={name} className="check">
            <input
              type="checkbox"
              checked={!rules.off.includes(name)}
              onChange={(e) =>
                set('off', e.target.checked ? rules.off.filter((n) => n !== name) : [...rules.off, name])
              }
            />
            {t(`ui.settings.reviewRules.rules.${name}`)}
          </label>
        ))}
      </div>
      <div className="form-grid form-grid--2">
        {(['minBodyWords', 'maxIncidentAgeDays'] as const).map((key) => (
          <TextField
            key={key}
            label={t(`fields.${key}`)}
            type="number"
            value={String(rules[key])}
            onChange={(e) => set(key, Number(e.target.value))}
            error={fieldError(`reviewRules.${key}`)}
          />
        ))}
        {(['workStart', 'workEnd'] as const).map((key) => (
          <TextField
            key={key}
            label={t(`fields.${key}`)}
            type="time"
            value={rules[key]}
            onChange={(e) => set(key, e.target.value)}
            error={fieldError(`reviewRules.${key}`)}
          />
        ))}
        <div className="field">
          <label htmlFor="supervisory-agency">{t('fields.supervisoryAgency')}</label>
          <select
            id="supervisory-agency"
            value={rules.supervisoryAgency}
            onChange={(e) => set('supervisoryAgency', e.target.value)}
          >
            {ref.agencies
              .filter((a) => a.active || a.code === rules.supervisoryAgency)
              .map((a) => (
                <option key={a.code} value={a.code}>
                  {a.name}
                </option>
              ))}
          </select>
        </div>
      </div>
    </fieldset>
  );
}
