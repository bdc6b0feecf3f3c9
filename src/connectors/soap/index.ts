/** The SOAP kit: what a SOAP connector (24SevenOffice) builds on, re-exported by the SDK. */
export { authenticateOperations, authenticateSession } from './authenticate.js';
export type { AuthenticateSessionOptions, SoapCredential } from './authenticate.js';
export { soapCall } from './call.js';
export type { SoapCallOptions } from './call.js';
export { buildEnvelope, envelopeBody, parseFault, parseResult } from './envelope.js';
export type { SoapFault } from './envelope.js';
export { defaultFaultPatterns, describeFault, soapFaultRules } from './faults.js';
export type { FaultPatterns } from './faults.js';
export { splitItemResults } from './item-exceptions.js';
export type { ApiException, ItemRefusal } from './item-exceptions.js';
export { listItem } from './operation.js';
export type { SoapField, SoapOperation, SoapSchema } from './operation.js';
export { envelopeLeaves, loadExchange, replaySoap } from './replay.js';
export type { RecordedExchange, SoapReplay } from './replay.js';
export { soapSessionAuth } from './session-auth.js';
export type { SoapSessionOptions } from './session-auth.js';
export { readWsdl } from './wsdl.js';
export type { SoapService } from './wsdl.js';
