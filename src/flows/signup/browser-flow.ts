// The signup flow as the wizard runs it in a browser (its draft in sessionStorage, a draft kept for later
// in localStorage): the module the wizard loads beside its first step, so the flow's code is not on the
// way to the first control.
import { sessionDraftStorage } from './draft.ts';
import type { SignupFlowEvent } from './events.ts';
import { localDraftStorage } from './later.ts';
import { SignupFlow } from './signup-flow.ts';

export { keepForLaterHours } from './later.ts';

export function browserSignupFlow(emit: (event: SignupFlowEvent) => boolean): SignupFlow {
  return new SignupFlow({ storage: sessionDraftStorage(), laterStorage: localDraftStorage(), emit });
}
