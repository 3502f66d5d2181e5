import { newIdempotencyKey } from '../../api/client.ts';
import type { SignupRequest } from '../../api/contract.ts';

/**
 * The Idempotency-Key of the signup submit (DESIGN.md decision 4): a retry of the same body reuses it,
 * so a lost answer never makes two accounts; a changed body gets a new key (the server would refuse
 * the old key with IDEMPOTENCY_CONFLICT). Kept in memory only: the body holds the password and token.
 */
export class SubmitKey {
  #key: string | undefined;
  #body: string | undefined;

  for(request: SignupRequest): string {
    const body = JSON.stringify(request);
    if (this.#key === undefined || body !== this.#body) {
      this.#key = newIdempotencyKey();
      this.#body = body;
    }
    return this.#key;
  }

  forget(): void {
    this.#key = undefined;
    this.#body = undefined;
  }
}
