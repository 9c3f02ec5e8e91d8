import type { z } from 'zod';
import type { Role } from '../domain/roles';

/**
 * Who may call a method: 'public' (no session: status, setup, sign-in), or the least role
 * that may. Enforced in main by the handler table, never only by hiding a button.
 */
export type Access = 'public' | Role;

export interface MethodSpec<I extends z.ZodType = z.ZodType, O extends z.ZodType = z.ZodType> {
  input: I;
  output: O;
  access: Access;
  /** Callable while the screen is locked (unlock, sign-out, who-am-i). */
  whileLocked?: boolean;
  /** A background poll, not a person's action: does not keep the screen from locking. */
  passive?: boolean;
  summary: string;
}

export const method = <I extends z.ZodType, O extends z.ZodType>(spec: MethodSpec<I, O>) => spec;
