/** What other features may use of accounts: the table (to name who acted). */
export { accounts } from './schema';
