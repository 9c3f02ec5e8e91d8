/** What other features may use of the reports: the page's content policy (browser mode serves it). */
export type { Exports } from './exports';
export { reportCsp } from './report-html';
