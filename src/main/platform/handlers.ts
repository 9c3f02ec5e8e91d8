/**
 * What a handler is: a contract method's parsed input and the call (who is calling) in, its output
 * out. Each feature writes its methods as a slice of the handler table (`satisfies Handlers<'x'>`);
 * the dispatcher (main/api.ts) joins the slices, and a method without a handler does not compile.
 */
import type { MethodName, MethodOutput, MethodParsedInput } from '../../shared/contract';
import type { Role } from '../../shared/domain/roles';

/** The caller's session as the dispatcher found it (the accounts feature keeps sessions). */
export interface CallSession {
  accountId: string;
  lastActivity: number;
  locked: boolean;
}

/** The caller's account: enough for handlers to know who acts. */
export interface CallAccount {
  id: string;
  role: Role;
  disabled: boolean;
}

export interface Call {
  /** Identifies the window (ipc:<webContentsId>) or browser tab (http:<tab id>) calling. */
  callerKey: string;
  session: CallSession | null;
  account: CallAccount | null;
}

export type Handler<M extends MethodName> = (
  input: MethodParsedInput<M>,
  call: Call,
) => MethodOutput<M> | Promise<MethodOutput<M>>;
export type HandlerTable = { [M in MethodName]: Handler<M> };

/** The handlers of the methods whose names start with one of the prefixes (`complaints`, ...). */
export type Handlers<P extends string> = {
  [M in MethodName as M extends `${P}.${string}` ? M : never]: Handler<M>;
};

/** Who acts, in a method that needs a signed-in caller (the dispatcher has checked there is one). */
export const actor = (call: Call): string => call.account!.id;
