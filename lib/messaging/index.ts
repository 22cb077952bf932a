export * from './messages';
export * from './pad-link';
export * from './sender';
export * from './to-content-script';
