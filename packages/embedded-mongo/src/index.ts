export {
  startEmbeddedMongo,
  type EmbeddedMongoOptions,
  type RunningEmbeddedMongo,
  type TcpEmbeddedMongo,
} from './in-process';
export {
  launchEmbeddedMongo,
  type EmbeddedMongoProcess,
  type LaunchOptions,
} from './child-process';
