export * from './messages';
export * from './sender';
