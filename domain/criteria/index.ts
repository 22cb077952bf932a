export { checkReferral } from './check-referral';
export { MAX_OVERRIDE_REASON, MIN_OVERRIDE_REASON } from './override';
export { needsInScope, outwardCode, postcodeCovered } from './rules/scope';
export { CLOCK_SKEW_MS, EARLIEST_BIRTH, type Refusal, whyNotSendable } from './sendable';
export * from './verdict';
