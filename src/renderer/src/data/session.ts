/** The signed-in officer as main reports it: who, which role, locked or not, the idle limit. */
import type { MethodOutput } from '../../../shared/contract';

export type SessionInfo = NonNullable<MethodOutput<'auth.session'>>;
