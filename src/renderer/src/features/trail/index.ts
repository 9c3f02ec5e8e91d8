/** What other screens may use of the trail: the chain check (on the audit screen). */
export { TrailCheck } from './TrailCheck';
