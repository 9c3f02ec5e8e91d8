/** What other screens may show of forwarding: sending one complaint again. */
export { ResendComplaint } from './ResendComplaint';
