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
});

/**
 * The collab module's settings. COLLAB_MAX_FRAME_BYTES is part of the app's validated
 * configuration; the others are read here, from COLLAB_UNLOAD_GRACE_MS,
 * COLLAB_COMPACT_AFTER_ENTRIES, COLLAB_COMPACT_AFTER_BYTES, COLLAB_WARN_ABOVE_BYTES,
 * COLLAB_SHUTDOWN_GRACE_MS and COLLAB_MAX_PRESENCE_BYTES, and a bad value stops the start with a message naming it.
 */
@Injectable()
export class CollabSettings {
  readonly limits: CollabLimits;

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
      },
      { abortEarly: false, convert: true },
    );
    if (error) throw new Error(`Invalid collab configuration: ${error.message}`);
    this.limits = value;
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
