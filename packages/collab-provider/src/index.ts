export * from './collab-connection';
export * from './collab-provider';
