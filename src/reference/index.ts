// The reference provider's public surface: start one, the fault catalogue, the default users.

export { startReferenceProvider, type ReferenceProvider, type ReferenceProviderOptions } from './server.ts';
export { CHECK_IDS, FAULTS, UnknownFaultError, isFaultId, type CheckId, type Fault, type FaultId } from './faults.ts';
export { DEFAULT_USERS, ReferenceConfigError, type ReferenceUser } from './users.ts';
