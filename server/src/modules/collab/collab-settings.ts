import { Injectable } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import * as Joi from 'joi';
import { DEFAULT_MAX_FRAME_BYTES } from '@coproduce/protocol';

export interface CollabLimits {
  /** `yjs` frames larger than this are answered with `bad-message`. */
  maxFrameBytes: number;
  /** How long a document stays in memory after its last member leaves. */
  unloadGraceMs: number;
  /** The log is folded into the snapshot once it holds this many entries ... */
  compactAfterEntries: number;
  /** ... or this many bytes. */
  compactAfterBytes: number;
  /** Commissioners are warned when a specification's stored state passes this. */
  warnAboveBytes: number;
  /** Upper bound of one group-committed write. */
  maxBatchBytes: number;
  /**
   * How long shutdown, or unloading a specification, waits for edits to be stored before
   * giving up on them (the members' browsers keep them and send them again).
   */
  shutdownGraceMs: number;
  /**
   * What the presences (awareness states) of one open specification may weigh together:
   * far above what its members' cursors need, far below what would fill the server's
   * memory or every member's browser.
   */
  maxPresenceBytes: number;
  /**
   * How often one person's editing of one specification is announced at most
   * (`specification.edited`: who last changed it, the audit log's hourly summaries).
   */
  editNoticeMs: number;
}

/** What one person or connection may hold or do, so no account can swamp the server. */
export interface CollabQuotas {
  /** Sockets one person may hold open on this node at once (tabs, devices, scripts). */
  maxConnectionsPerPerson: number;
  /** Specifications one connection may have joined at once. */
  maxSpecificationsPerConnection: number;
  /** Joins one connection may make in a burst, and then each second. */
  joinBurst: number;
  joinsPerSecond: number;
}

const schema = Joi.object<CollabLimits>({
  maxFrameBytes: Joi.number().integer().min(1024).default(DEFAULT_MAX_FRAME_BYTES),
  unloadGraceMs: Joi.number().integer().min(0).max(3_600_000).default(5_000),
  compactAfterEntries: Joi.number().integer().min(1).default(500),
  compactAfterBytes: Joi.number()
    .integer()
    .min(1024)
    .default(1024 * 1024),
  warnAboveBytes: Joi.number()
    .integer()
    .min(1024)
    .default(4 * 1024 * 1024),
  maxBatchBytes: Joi.number()
    .integer()
    .min(64 * 1024)
    .default(8 * 1024 * 1024),
  shutdownGraceMs: Joi.number().integer().min(0).max(600_000).default(10_000),
  // About 500 people with a cursor each.
  maxPresenceBytes: Joi.number()
    .integer()
    .min(4 * 1024)
    .default(256 * 1024),
  editNoticeMs: Joi.number().integer().min(100).max(3_600_000).default(30_000),
});

const quotaSchema = Joi.object<CollabQuotas>({
  // Generous for people (a tab is one socket); a bound for scripts. Load tests set it higher.
  maxConnectionsPerPerson: Joi.number().integer().min(1).max(1_000_000).default(1_000),
  maxSpecificationsPerConnection: Joi.number().integer().min(1).max(10_000).default(50),
  joinBurst: Joi.number().integer().min(1).max(100_000).default(1_000),
  joinsPerSecond: Joi.number().min(0.1).max(100_000).default(200),
});

/**
 * The collab module's settings. COLLAB_MAX_FRAME_BYTES is part of the app's validated
 * configuration; the others are read here, from COLLAB_UNLOAD_GRACE_MS,
 * COLLAB_COMPACT_AFTER_ENTRIES, COLLAB_COMPACT_AFTER_BYTES, COLLAB_WARN_ABOVE_BYTES,
 * COLLAB_SHUTDOWN_GRACE_MS, COLLAB_MAX_PRESENCE_BYTES, COLLAB_EDIT_NOTICE_MS,
 * COLLAB_MAX_CONNECTIONS_PER_PERSON,
 * COLLAB_MAX_SPECIFICATIONS_PER_CONNECTION, COLLAB_JOIN_BURST and COLLAB_JOINS_PER_SECOND,
 * and a bad value stops the start with a message naming it.
 */
@Injectable()
export class CollabSettings {
  readonly limits: CollabLimits;
  readonly quotas: CollabQuotas;

  constructor(config: ConfigService) {
    const read = (name: string): unknown => config.get<unknown>(name);
    const { value, error } = schema.validate(
      {
        maxFrameBytes: read('COLLAB_MAX_FRAME_BYTES'),
        unloadGraceMs: read('COLLAB_UNLOAD_GRACE_MS'),
        compactAfterEntries: read('COLLAB_COMPACT_AFTER_ENTRIES'),
        compactAfterBytes: read('COLLAB_COMPACT_AFTER_BYTES'),
        warnAboveBytes: read('COLLAB_WARN_ABOVE_BYTES'),
        shutdownGraceMs: read('COLLAB_SHUTDOWN_GRACE_MS'),
        maxPresenceBytes: read('COLLAB_MAX_PRESENCE_BYTES'),
        editNoticeMs: read('COLLAB_EDIT_NOTICE_MS'),
      },
      { abortEarly: false, convert: true },
    );
    if (error) throw new Error(`Invalid collab configuration: ${error.message}`);
    this.limits = value;
    const quotas = quotaSchema.validate(
      {
        maxConnectionsPerPerson: read('COLLAB_MAX_CONNECTIONS_PER_PERSON'),
        maxSpecificationsPerConnection: read('COLLAB_MAX_SPECIFICATIONS_PER_CONNECTION'),
        joinBurst: read('COLLAB_JOIN_BURST'),
        joinsPerSecond: read('COLLAB_JOINS_PER_SECOND'),
      },
      { abortEarly: false, convert: true },
    );
    if (quotas.error) throw new Error(`Invalid collab configuration: ${quotas.error.message}`);
    this.quotas = quotas.value;
  }
}

/**
 * socket.io's transport limit, fixed when the gateway class is declared (before the
 * configuration is validated): twice the frame limit, so oversized frames still
 * arrive and get a `bad-message` answer, while a flood is cut off by the transport.
 */
export function transportFrameLimit(): number {
  const configured = Number(process.env.COLLAB_MAX_FRAME_BYTES);
  const frameLimit =
    Number.isSafeInteger(configured) && configured > 0 ? configured : DEFAULT_MAX_FRAME_BYTES;
  return frameLimit * 2 + 64 * 1024;
}
