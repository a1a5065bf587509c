import type { Document } from 'bson';
import { CommandError } from './command-error';
import { optionalDocument, targetCollection, type CommandHandler } from './command-context';
import { findDocuments, type FindExecution, type FindRequest } from '../engine/find-documents';
import { findRequestOf } from './read-commands';
import type { CollectionIndex } from '../engine/collection-index';

const VERBOSITIES = new Set(['queryPlanner', 'executionStats', 'allPlansExecution']);

function indexScan(index: CollectionIndex, reverse: boolean): Document {
  return {
    stage: 'IXSCAN',
    keyPattern: index.spec.key,
    indexName: index.name,
    isMultiKey: index.multikey,
    isUnique: index.unique,
    isSparse: index.spec.sparse === true,
    isPartial: index.spec.partialFilterExpression !== undefined,
    direction: reverse ? 'backward' : 'forward',
  };
}

/** The plan as mongod's explain draws it, innermost stage first. */
function winningPlan(execution: FindExecution, request: FindRequest): Document {
  const { plan } = execution;
  const filter =
    request.filter && Object.keys(request.filter).length ? { filter: request.filter } : {};
  let stage: Document = plan.union
    ? {
        stage: 'FETCH',
        ...filter,
        inputStage: {
          stage: 'OR',
          inputStages: plan.union.map((index) => indexScan(index, false)),
        },
      }
    : plan.index
      ? { stage: 'FETCH', ...filter, inputStage: indexScan(plan.index, plan.reverse === true) }
      : { stage: 'COLLSCAN', filter: request.filter ?? {}, direction: 'forward' };
  if (!plan.sorted) stage = { stage: 'SORT', sortPattern: request.sort, inputStage: stage };
  if (request.skip) stage = { stage: 'SKIP', skipAmount: request.skip, inputStage: stage };
  if (request.limit) stage = { stage: 'LIMIT', limitAmount: request.limit, inputStage: stage };
  if (request.projection) {
    stage = { stage: 'PROJECTION_DEFAULT', transformBy: request.projection, inputStage: stage };
  }
  return stage;
}

/** The inner command's query, as a find request: `find`, `count` and `distinct` are explained. */
function explainedRequest(inner: Document): [string, FindRequest] {
  const name = Object.keys(inner)[0];
  switch (name) {
    case 'find':
      return [name, findRequestOf(inner)];
    case 'count':
      return [name, { filter: optionalDocument(inner, 'query'), hint: inner.hint }];
    case 'distinct':
      return [name, { filter: optionalDocument(inner, 'query') }];
    default:
      throw new CommandError(
        'IllegalOperation',
        `Explain for ${name} is not supported by embedded-mongo`,
      );
  }
}

const explain: CommandHandler = (command, { engine, db }) => {
  const inner = optionalDocument(command, 'explain');
  if (!inner) throw new CommandError('FailedToParse', 'explain command requires a nested object');
  const verbosity = command.verbosity ?? 'allPlansExecution';
  if (!VERBOSITIES.has(verbosity)) {
    throw new CommandError(
      'BadValue',
      `verbosity string must be one of {'queryPlanner', 'executionStats', 'allPlansExecution'}`,
    );
  }
  const [kind, request] = explainedRequest(inner);
  const name = targetCollection(inner, kind, db);
  const started = Date.now();
  const execution = findDocuments(engine.catalog.get(db, name), request);
  const reply: Document = {
    explainVersion: '1',
    queryPlanner: {
      namespace: `${db}.${name}`,
      indexFilterSet: false,
      parsedQuery: request.filter ?? {},
      winningPlan: winningPlan(execution, request),
      rejectedPlans: [],
    },
  };
  if (verbosity !== 'queryPlanner') {
    let nReturned = 0;
    while (!execution.results.next().done) nReturned++;
    reply.executionStats = {
      executionSuccess: true,
      nReturned,
      executionTimeMillis: Date.now() - started,
      totalKeysExamined: execution.plan.index || execution.plan.union ? execution.examined() : 0,
      totalDocsExamined: execution.examined(),
    };
  }
  return {
    ...reply,
    command: inner,
    serverInfo: { host: 'embedded-mongo', version: '7.0.0' },
    ok: 1,
  };
};

export const explainCommands: Record<string, CommandHandler> = { explain };
