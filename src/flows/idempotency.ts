/**
 * The Idempotency-Key of a flow's submit: a retry of the same body reuses it,
 * so a lost answer never makes two accounts; a changed body gets a new key (the server would refuse
 * the old key with IDEMPOTENCY_CONFLICT). Kept in memory only: the body holds the password and token.
 * (The same UUID as the client's `newIdempotencyKey`, without importing the client.)
 */
export class SubmitKey {
  #key: string | undefined;
  #body: string | undefined;

  for(request: unknown): string {
    const body = JSON.stringify(request);
    if (this.#key === undefined || body !== this.#body) {
      this.#key = crypto.randomUUID();
      this.#body = body;
    }
    return this.#key;
  }

  forget(): void {
    this.#key = undefined;
    this.#body = undefined;
  }
}
