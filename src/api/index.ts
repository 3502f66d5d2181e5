// Public entry `membership-elements/api`: the contract (schemas, operations, error codes),
// the permission matrix and the client.
export * from './schemas.ts';
export * from './errors.ts';
export * from './error-schema.ts';
export * from './contract.ts';
export * from './permissions.ts';
export { defineOperation, fillPath, commonErrorCodes, contractFieldErrors } from './operation.ts';
export type { Operation, HttpMethod, OperationParams, OperationQuery, OperationBody, OperationResponse } from './operation.ts';
export { MembershipClient, newIdempotencyKey } from './client.ts';
export type { MembershipClientOptions, CallInput, CallResult, CallOptions } from './client.ts';
