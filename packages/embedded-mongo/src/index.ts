export {
  startEmbeddedMongo,
  type EmbeddedMongoOptions,
  type RunningEmbeddedMongo,
} from './in-process';
export { launchEmbeddedMongo, type EmbeddedMongoProcess } from './child-process';
