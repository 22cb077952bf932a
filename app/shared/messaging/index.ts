export * from '../../pad/pad-link';
export * from './messages';
export * from './sender';
export * from './to-content-script';
