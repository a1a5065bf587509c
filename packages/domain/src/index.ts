export * from './roles';
export * from './actions';
export * from './api';
export * from './specification-template';
export * from './errors';
export * from './comments';
export * from './publishing';
