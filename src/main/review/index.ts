/** What other features may use of the review: the gate corrections ask, and the register pages. */
export type { Review } from './review';
export type { Registers } from './register';
export { registerCsp } from './register-html';
