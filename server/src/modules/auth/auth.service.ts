import { Injectable } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { InjectModel } from '@nestjs/mongoose';
import type { SessionResponse } from '@coproduce/domain';
import { Model, Types } from 'mongoose';
import type { AppConfig } from '../../base/config';
import { TooManyRequests, WrongCredentials } from '../../base/errors';
import { EventBus } from '../../base/event-bus';
import { AccountsService, toUserSummary } from '../accounts/accounts.service';
import type { UserDocument } from '../accounts/user.schema';
import { SignInBackOff, waitInWords } from './sign-in-back-off';
import { Session } from './session.schema';
import { hashToken, looksLikeToken, newSessionToken } from './session-token';

/**
 * Sessions: one random token per sign-in, accepted as a bearer token, as the
 * session cookie and as the collab socket's `auth.token`.
 */
@Injectable()
export class AuthService {
  constructor(
    @InjectModel(Session.name) private readonly sessions: Model<Session>,
    private readonly accounts: AccountsService,
    private readonly config: ConfigService<AppConfig, true>,
    private readonly events: EventBus,
    private readonly backOff: SignInBackOff,
  ) {}

  /** `address` is the caller's, as the proxies trusted by TRUST_PROXY tell it. */
  async signIn(email: string, password: string, address: string): Promise<SessionResponse> {
    // Checked before the password is, so a held-back attempt costs no hashing either.
    const waitMs = this.backOff.waitMs(email, address);
    if (waitMs > 0) {
      throw Object.assign(new TooManyRequests(waitInWords(waitMs)), {
        retryAfterSeconds: Math.ceil(waitMs / 1000),
      });
    }
    const user = await this.accounts.verifyCredentials(email, password);
    if (!user) {
      this.backOff.failed(email, address);
      throw new WrongCredentials();
    }
    this.backOff.signedIn(email, address);
    return this.startSession(user);
  }

  async startSession(user: UserDocument): Promise<SessionResponse> {
    const token = newSessionToken();
    await this.sessions.create({
      tokenHash: hashToken(token),
      userId: user._id,
      expiresAt: new Date(Date.now() + this.sessionLifetimeMs()),
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

  /** As `resolveSession`, with when the session ends (a socket must not outlive it). */
  async activeSession(token: unknown): Promise<{ user: UserDocument; expiresAt: Date } | null> {
    if (!looksLikeToken(token)) return null;
    const session = await this.sessions
      .findOne({ tokenHash: hashToken(token), expiresAt: { $gt: new Date() } })
      .exec();
    if (!session) return null;
    const user = await this.accounts.findById(session.userId);
    return user ? { user, expiresAt: session.expiresAt } : null;
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
    const sessions = await this.sessions.find({ userId }, { tokenHash: 1 }).lean().exec();
    await this.sessions.deleteMany({ userId }).exec();
    for (const { tokenHash } of sessions) {
      this.events.publish('session.ended', { sessionKey: tokenHash });
    }
  }

  sessionLifetimeMs(): number {
    return this.config.get('SESSION_DAYS', { infer: true }) * 24 * 60 * 60 * 1000;
  }
}
