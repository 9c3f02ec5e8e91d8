/**
 * The complaint as SP4N-LAPOR!'s own form asks for it, in its order (domain.md): title, body,
 * incident date, location, category, agency, anonymous, confidential. One block of labelled lines,
 * for the officer who keys the complaint into LAPOR! by hand and pastes the tracking ID back.
 * No personal data: LAPOR! takes the identity from the citizen's own account.
 */
import type { ComplaintView } from '../../../../shared/contract/complaints';

export interface LaporLabels {
  title: string;
  body: string;
  date: string;
  location: string;
  category: string;
  agency: string;
  anonymous: string;
  confidential: string;
  yes: string;
  no: string;
}

export function laporText(
  c: Pick<
    ComplaintView,
    | 'title'
    | 'body'
    | 'incidentDate'
    | 'locationDetail'
    | 'desaCode'
    | 'kecamatanCode'
    | 'categoryId'
    | 'subcategoryId'
    | 'agencyCode'
    | 'anonymous'
    | 'confidential'
  >,
  names: {
    region: (code: string | null) => string | null | undefined;
    category: (id: number | null) => string | null | undefined;
    agency: (code: string) => string;
    date: (iso: string) => string;
  },
  l: LaporLabels,
): string {
  const location = [
    c.locationDetail,
    names.region(c.desaCode),
    names.region(c.kecamatanCode),
    'Kabupaten Probolinggo',
  ]
    .filter(Boolean)
    .join(', ');
  const category = [names.category(c.categoryId), names.category(c.subcategoryId)]
    .filter(Boolean)
    .join(' › ');
  return [
    `${l.title}: ${c.title}`,
    `${l.body}:`,
    c.body,
    `${l.date}: ${c.incidentDate ? names.date(c.incidentDate) : '-'}`,
    `${l.location}: ${location}`,
    `${l.category}: ${category || '-'}`,
    `${l.agency}: ${names.agency(c.agencyCode)}`,
    `${l.anonymous}: ${c.anonymous ? l.yes : l.no}`,
    `${l.confidential}: ${c.confidential ? l.yes : l.no}`,
  ].join('\n');
}
