export {
  startEmbeddedMongo,
  type EmbeddedMongoOptions,
  type RunningEmbeddedMongo,
} from './in-process';
export { launchEmbeddedMongo } from './child-process';
