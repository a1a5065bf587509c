/**
 * The MongoDB error codes this server reports, with MongoDB's own code names,
 * so drivers and mongoose classify them exactly as they would a real mongod's.
 */
export const ErrorCode = {
  InternalError: 1,
  BadValue: 2,
  Unauthorized: 13,
  FailedToParse: 9,
  TypeMismatch: 14,
  Overflow: 15,
  InvalidLength: 16,
  IllegalOperation: 20,
  ConflictingUpdateOperators: 40,
  InvalidBSON: 22,
  NamespaceNotFound: 26,
  IndexNotFound: 27,
  CursorNotFound: 43,
  NamespaceExists: 48,
  CommandNotFound: 59,
  ImmutableField: 66,
  CannotCreateIndex: 67,
  InvalidOptions: 72,
  InvalidNamespace: 73,
  IndexOptionsConflict: 85,
  IndexKeySpecsConflict: 86,
  InvalidPipelineOperator: 168,
  QueryPlanKilled: 175,
  PathNotViable: 28,
  DocumentValidationFailure: 121,
  NotImplemented: 238,
  UnsupportedOpQueryCommand: 352,
  Location16608: 16608,
  Location16610: 16610,
  Location40323: 40323,
  Location40571: 40571,
  Location40573: 40573,
  Location40601: 40601,
  Location51091: 51091,
  Location51108: 51108,
  BSONObjectTooLarge: 10334,
  Location17419: 17419,
  Location31253: 31253,
  Location31254: 31254,
  Location40324: 40324,
  DuplicateKey: 11000,
  InterruptedAtShutdown: 11600,
} as const;

export type ErrorCodeName = keyof typeof ErrorCode;

/** An error that becomes `{ ok: 0, errmsg, code, codeName }` in a command reply. */
export class CommandError extends Error {
  readonly code: number;
  readonly codeName: string;

  constructor(
    codeName: ErrorCodeName,
    message: string,
    readonly extra: Record<string, unknown> = {},
  ) {
    super(message);
    this.code = ErrorCode[codeName];
    this.codeName = codeName;
  }

  toReply(): Record<string, unknown> {
    return { ok: 0, errmsg: this.message, code: this.code, codeName: this.codeName, ...this.extra };
  }
}
