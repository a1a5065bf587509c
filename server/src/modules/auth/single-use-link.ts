import type { HydratedDocument, Model, Types } from 'mongoose';
import { Gone, NotFound } from '../../base/errors';
import { hashToken, looksLikeToken, newSessionToken } from './session-token';

/**
 * A link sent to one person that works once, until it expires (choosing a new password,
 * confirming an address): the token has the shape of a session's, and only its SHA-256 is
 * stored, in a record with these fields.
 */
export interface SingleUseLinkRecord {
  tokenHash: string;
  expiresAt: Date;
  /** Set when the link was used: it never works twice. */
  usedAt: Date | null;
}

/** What a person reads when the link cannot be used, each saying what to do next. */
export interface SingleUseLinkWords {
  /** For NotFound: "We could not find {what}". */
  what: string;
  used: string;
  expired: string;
}

/** A new link's secret (for the email, never stored) and what the record keeps. */
export function newSingleUseLink(expiresAt: Date): {
  token: string;
  tokenHash: string;
  expiresAt: Date;
} {
  const token = newSessionToken();
  return { token, tokenHash: hashToken(token), expiresAt };
}

/** The record of a link that can still be used: 404 unknown, 410 used or expired. */
export async function findUsableLink<T extends SingleUseLinkRecord>(
  records: Model<T>,
  token: string,
  words: SingleUseLinkWords,
): Promise<HydratedDocument<T>> {
  const record = looksLikeToken(token)
    ? await records.findOne({ tokenHash: hashToken(token) }).exec()
    : null;
  if (!record) throw new NotFound(words.what);
  if (record.usedAt) throw new Gone(words.used);
  if (record.expiresAt.getTime() <= Date.now()) throw new Gone(words.expired);
  return record as HydratedDocument<T>;
}

/**
 * Marks the link used, before what it does is done, so two uses at once cannot both win:
 * the time it was taken at, which `giveBackLink` needs. 410 when someone else took it.
 */
export async function takeLink<T extends SingleUseLinkRecord>(
  records: Model<T>,
  id: Types.ObjectId,
  words: SingleUseLinkWords,
): Promise<Date> {
  const usedAt = new Date();
  const taken = await records.updateOne({ _id: id, usedAt: null }, { $set: { usedAt } }).exec();
  if (taken.modifiedCount !== 1) throw new Gone(words.used);
  return usedAt;
}

/**
 * Makes a link taken by `takeLink` usable again, when what it was for failed before it
 * changed anything; only if it still carries that taking.
 */
export async function giveBackLink<T extends SingleUseLinkRecord>(
  records: Model<T>,
  id: Types.ObjectId,
  usedAt: Date,
): Promise<void> {
  await records.updateOne({ _id: id, usedAt }, { $set: { usedAt: null } }).exec();
}
