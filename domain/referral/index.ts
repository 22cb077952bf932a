export * from './date-of-birth';
export * from './draft';
export * from './needs';
export * from './nhs-number';
export * from './patient';
export * from './reference';
export * from './referral';
export * from './safety';
