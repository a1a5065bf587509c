import { Injectable } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { InjectModel } from '@nestjs/mongoose';
import type { SessionResponse } from '@coproduce/domain';
import { Model, Types, type RootFilterQuery } from 'mongoose';
import { BatchedLookup } from '../../base/batched-lookup';
import { findPlain } from '../../base/plain-reads';
import type { AppConfig } from '../../base/config';
import { TooManyRequests, WrongCredentials, WrongPassword } from '../../base/errors';
import { parseObjectId } from '../../base/object-id.pipe';
import { EventBus } from '../../base/event-bus';
import { AccountsService, toUserSummary } from '../accounts/accounts.service';
import type { UserDocument } from '../accounts/user.schema';
import { SignInBackOff, waitInWords } from './sign-in-back-off';
import { keptUserAgent } from './browser-description';
import { Session, type SessionDocument } from './session.schema';
import { WrongPasswordForAccount } from './sign-in-refused';
import { hashToken, looksLikeToken, newSessionToken } from './session-token';

/** A session's last use is noted at most this often. */
const NOTE_USE_EVERY_MS = 60_000;

/**
 * Sessions: one random token per sign-in, accepted as a bearer token, as the
 * session cookie and as the collab socket's `auth.token`.
 */
/** What a live connection needs of its session. */
interface LiveSession {
  userId: Types.ObjectId;
  expiresAt: Date;
}

@Injectable()
export class AuthService {
  /** Sessions by token hash, asked for together by sockets opening at once. */
  private readonly liveSessions = new BatchedLookup<string, LiveSession>(
    async (tokenHashes) => {
      const found = await findPlain<LiveSession & { tokenHash: string }>(
        this.sessions,
        { tokenHash: { $in: tokenHashes }, expiresAt: { $gt: new Date() } },
        { tokenHash: 1, userId: 1, expiresAt: 1 },
      );
      return new Map(found.map((session) => [session.tokenHash, session]));
    },
    (tokenHash) => tokenHash,
  );

  constructor(
    @InjectModel(Session.name) private readonly sessions: Model<Session>,
    private readonly accounts: AccountsService,
    private readonly config: ConfigService<AppConfig, true>,
    private readonly events: EventBus,
    private readonly backOff: SignInBackOff,
  ) {}

  /**
   * `address` is the caller's, as the proxies trusted by TRUST_PROXY tell it; `userAgent`
   * what their browser says it is, kept with the session so they can tell their sessions
   * apart.
   */
  async signIn(
    email: string,
    password: string,
    address: string,
    userAgent: string | null = null,
  ): Promise<SessionResponse> {
    // Checked before the password is, so a held-back attempt costs no hashing either.
    const waitMs = this.backOff.waitMs(email, address);
    if (waitMs > 0) {
      throw Object.assign(new TooManyRequests(waitInWords(waitMs)), {
        retryAfterSeconds: Math.ceil(waitMs / 1000),
      });
    }
    const { account, matches } = await this.accounts.checkCredentials(email, password);
    if (!account || !matches) {
      this.backOff.failed(email, address);
      throw account ? new WrongPasswordForAccount(account.id as string) : new WrongCredentials();
    }
    this.backOff.signedIn(email, address);
    return this.startSession(account, userAgent);
  }

  /**
   * The account's password asked for again before a change to it, slowed like signing in
   * (the same back-off per email and address): someone holding a session must not be
   * able to guess the password from it. 403 `wrong-password` when it is not right.
   */
  async confirmPassword(user: UserDocument, password: string, address: string): Promise<void> {
    const waitMs = this.backOff.waitMs(user.email, address);
    if (waitMs > 0) {
      throw Object.assign(new TooManyRequests(waitInWords(waitMs)), {
        retryAfterSeconds: Math.ceil(waitMs / 1000),
      });
    }
    if (!(await this.accounts.isPasswordOf(user, password))) {
      this.backOff.failed(user.email, address);
      throw new WrongPassword();
    }
  }

  async startSession(
    user: UserDocument,
    userAgent: string | null = null,
  ): Promise<SessionResponse> {
    const token = newSessionToken();
    await this.sessions.create({
      tokenHash: hashToken(token),
      userId: user._id,
      expiresAt: new Date(Date.now() + this.sessionLifetimeMs()),
      userAgent: keptUserAgent(userAgent),
      lastUsedAt: new Date(),
    });
    return { token, user: toUserSummary(user) };
  }

  /**
   * The user a token (bearer, cookie value or socket auth) belongs to, or
   * null when it is malformed, unknown or expired. Roles are not part of the
   * session: callers check memberships on every use.
   */
  async resolveSession(token: unknown): Promise<UserDocument | null> {
    return (await this.activeSession(token))?.user ?? null;
  }

  /**
   * As `resolveSession`, with when the session ends (a socket must not outlive it), its id
   * (what the person's list of sessions calls it) and when it was last noted in use.
   */
  async activeSession(token: unknown): Promise<{
    user: UserDocument;
    expiresAt: Date;
    sessionId: string;
    lastUsedAt: Date | null;
  } | null> {
    if (!looksLikeToken(token)) return null;
    const session = await this.sessions
      .findOne({ tokenHash: hashToken(token), expiresAt: { $gt: new Date() } })
      .exec();
    if (!session) return null;
    const user = await this.accounts.findById(session.userId);
    return user
      ? {
          user,
          expiresAt: session.expiresAt,
          sessionId: session.id as string,
          lastUsedAt: session.lastUsedAt,
        }
      : null;
  }

  /**
   * Who a session token signs in, for a live connection: what `activeSession` says, read
   * plain and only what a socket keeps (a reconnecting page opens many at once).
   */
  async sessionIdentity(
    token: unknown,
  ): Promise<{ userId: string; name: string; expiresAt: Date } | null> {
    if (!looksLikeToken(token)) return null;
    const session = await this.liveSessions.get(hashToken(token));
    if (!session) return null;
    const name = await this.accounts.nameOf(session.userId);
    return name === null
      ? null
      : { userId: session.userId.toHexString(), name, expiresAt: session.expiresAt };
  }

  /**
   * Notes that a session was used, and from what browser, at most once a minute per
   * session, so that a busy page does not write on every request.
   */
  async noteUse(
    sessionId: string,
    lastUsedAt: Date | null,
    userAgent: string | null,
  ): Promise<void> {
    const now = Date.now();
    if (lastUsedAt && now - lastUsedAt.getTime() < NOTE_USE_EVERY_MS) return;
    await this.sessions
      .updateOne(
        { _id: sessionId },
        { $set: { lastUsedAt: new Date(now), ...(userAgent ? { userAgent } : {}) } },
      )
      .exec();
  }

  async endSession(token: string): Promise<void> {
    const tokenHash = hashToken(token);
    await this.sessions.deleteOne({ tokenHash }).exec();
    this.events.publish('session.ended', { sessionKey: tokenHash });
  }

  /**
   * Ends every session of a person (a password changed, perhaps by someone who had it),
   * and so every collab socket opened with one of them.
   */
  async endSessionsOf(userId: Types.ObjectId): Promise<void> {
    await this.endSessionsWhere({ userId });
  }

  /** The person's sessions that have not expired, the most recently used first. */
  async sessionsOf(userId: Types.ObjectId): Promise<SessionDocument[]> {
    return this.sessions
      .find({ userId, expiresAt: { $gt: new Date() } })
      .sort({ lastUsedAt: -1, createdAt: -1, _id: -1 })
      .exec();
  }

  /** Ends one of the person's sessions by its id; false when they have none by that id. */
  async endSessionOf(userId: Types.ObjectId, sessionId: Types.ObjectId): Promise<boolean> {
    return (await this.endSessionsWhere({ userId, _id: sessionId })) > 0;
  }

  /** Ends every session of the person but `keptSessionId` (the one they are using); how many. */
  async endOtherSessionsOf(userId: Types.ObjectId, keptSessionId: string): Promise<number> {
    const kept = parseObjectId(keptSessionId);
    return this.endSessionsWhere(kept ? { userId, _id: { $ne: kept } } : { userId });
  }

  private async endSessionsWhere(filter: RootFilterQuery<Session>): Promise<number> {
    const sessions = await this.sessions.find(filter, { tokenHash: 1 }).lean().exec();
    if (sessions.length === 0) return 0;
    await this.sessions.deleteMany({ _id: { $in: sessions.map((each) => each._id) } }).exec();
    for (const { tokenHash } of sessions) {
      this.events.publish('session.ended', { sessionKey: tokenHash });
    }
    return sessions.length;
  }

  sessionLifetimeMs(): number {
    return this.config.get('SESSION_DAYS', { infer: true }) * 24 * 60 * 60 * 1000;
  }
}
