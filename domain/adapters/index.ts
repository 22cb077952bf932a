export * from './adapter';
export * from './built-in';
export * from './match-pattern';
export * from './name';
export * from './patient-context';
export * from './read-patient';
