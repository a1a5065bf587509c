import type { Model, mongo } from 'mongoose';

/** What is needed of a model, whatever its documents: its connection and collection. */
type AnyModel = Pick<Model<unknown>, 'db' | 'collection' | 'modelName'>;

/** By the driver's database object, so that a connection opened anew gets new collections. */
const driverCollections = new WeakMap<mongo.Db, Map<string, mongo.Collection>>();

/**
 * Plain documents read by the MongoDB driver itself, past mongoose's query layer (query
 * building, casting, option merging, and its collection wrapper's queueing and debug
 * checks), for the lookups every socket join makes: a reconnection storm makes hundreds
 * at once, and there that layer cost about as much again as the driver's own work.
 * Nothing is cast, so the filter must hold what is stored (ObjectIds, Dates) already.
 */
export function findPlain<T extends mongo.Document>(
  model: AnyModel,
  filter: mongo.Filter<mongo.Document>,
  projection: Record<string, 1>,
): Promise<T[]> {
  return driverCollectionOf(model).find<T>(filter, { projection }).toArray();
}

/** As findPlain, for one document (null when none matches). */
export function findOnePlain<T extends mongo.Document>(
  model: AnyModel,
  filter: mongo.Filter<mongo.Document>,
  projection: Record<string, 1>,
): Promise<T | null> {
  return driverCollectionOf(model).findOne<T>(filter, { projection });
}

function driverCollectionOf(model: AnyModel): mongo.Collection {
  // The app opens its connection before it serves anyone; a read before that is a bug.
  const database = model.db.db;
  if (!database) throw new Error(`${model.modelName} was read before the database connected`);
  let collections = driverCollections.get(database);
  if (!collections) driverCollections.set(database, (collections = new Map()));
  const name = model.collection.collectionName;
  let collection = collections.get(name);
  if (!collection) collections.set(name, (collection = database.collection(name)));
  return collection;
}
