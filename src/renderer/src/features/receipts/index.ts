/** What other screens may show of receipts: the print panel. */
export { PrintPanel } from './PrintPanel';
