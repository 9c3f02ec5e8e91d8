/** Tentang: version, where the data, key and logs are, the database's size and counts, the last backup. */
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import { wibDateTime } from '../../components/dates';
import { ErrorNotice } from '../../components/Notice';
import { useQuery } from '../../components/useQuery';

const mb = (bytes: number) => (bytes / 1024 / 1024).toFixed(1);

export function AboutScreen() {
  const { t } = useTranslation();
  const { data, error } = useQuery(() => api['app.about']({}));
  const rows: Array<[string, string]> = data
    ? [
        ['version', `${data.version} (${data.shell === 'electron' ? 'desktop' : t('ui.about.browser')})`],
        [
          'runtime',
          `Node ${data.runtime.node}${data.runtime.electron ? `, Electron ${data.runtime.electron}` : ''}, SQLite ${data.runtime.sqlite}`,
        ],
        ['dataDir', data.dataDir],
        ['keyAt', data.keyAt],
        ['logDir', data.logDir],
        ['size', `${mb(data.databaseBytes)} MB`],
        [
          'counts',
          t('ui.about.countsText', {
            complaints: data.counts.complaints,
            events: data.counts.events,
            audit: data.counts.audit,
            accounts: data.counts.accounts,
          }),
        ],
        ['lastBackup', data.lastBackupAt ? wibDateTime(data.lastBackupAt) : t('ui.backups.never')],
        [
          'memory',
          t('ui.about.memoryText', {
            rss: mb(data.memory.rssBytes),
            heap: mb(data.memory.jsHeapUsedBytes),
            external: mb(data.memory.externalBytes),
            cache: mb(data.memory.sqliteCacheLimitBytes),
            mmap: mb(data.memory.sqliteMmapBytes),
          }),
        ],
        ...(data.restoredAt ? ([['restored', wibDateTime(data.restoredAt)]] as Array<[string, string]>) : []),
      ]
    : [];
  return (
    <section>
      <h1>{t('ui.about.title')}</h1>
      <ErrorNotice error={error} />
      <dl className="about">
        {rows.map(([key, value]) => (
          <div key={key}>
            <dt>{t(`ui.about.${key}`)}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
}
