/** What other features may use of the reference data: the service and its tables. */
export type { Reference } from './reference';
export { agencies, categories, channels, holidays, regions } from './schema';
