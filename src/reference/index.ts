// The reference provider's public surface: start one, the fault catalogue, the default users, the endpoints it serves.

export { startReferenceProvider, type ReferenceProvider, type ReferenceProviderOptions } from './server.ts';
export { CHECK_IDS, FAULTS, UnknownFaultError, isFaultId, type CheckId, type Fault, type FaultId } from './faults.ts';
export { DEFAULT_CORP_USERS, DEFAULT_USERS, ReferenceConfigError, firstUserCredentials, usersByEndpoint, type CorpUser, type LoginUser, type ReferenceUser } from './users.ts';
export { ENDPOINTS, REFERENCE_DOC_FILES, type EndpointName } from './contract.ts';
