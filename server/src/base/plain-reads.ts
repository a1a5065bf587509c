import type { Model, mongo } from 'mongoose';

/** What is needed of a model, whatever its documents: its connection and collection. */
type AnyModel = Pick<Model<unknown>, 'db' | 'collection' | 'modelName'>;

const driverCollections = new WeakMap<AnyModel, mongo.Collection>();

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
  let collection = driverCollections.get(model);
  if (!collection) {
    // The app opens its connection before it serves anyone; a read before that is a bug.
    const database = model.db.db;
    if (!database) throw new Error(`${model.modelName} was read before the database connected`);
    collection = database.collection(model.collection.collectionName);
    driverCollections.set(model, collection);
  }
  return collection;
}
