import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { UserSummary } from '@coproduce/domain';
import { Model, Types } from 'mongoose';
import { BatchedLookup } from '../../base/batched-lookup';
import { findPlain } from '../../base/plain-reads';
import { isDuplicateKeyError } from '../../base/duplicate-key';
import { AccountExists, Conflict, NotFound } from '../../base/errors';
import { hashPassword, verifyPassword } from './password';
import { User, UserDocument } from './user.schema';

/** A new account's password: as chosen, or already hashed (kept while an address was confirmed). */
export type NewAccount = { email: string; name: string } & (
  { password: string } | { passwordHash: string }
);

@Injectable()
export class AccountsService {
  /** Names asked for together (a storm of reconnecting sockets) are read by one query. */
  private readonly names = new BatchedLookup<Types.ObjectId, string>(
    async (ids) => {
      const found = await findPlain<{ _id: Types.ObjectId; name: string }>(
        this.users,
        { _id: { $in: ids } },
        { name: 1 },
      );
      return new Map(found.map((user) => [user._id.toHexString(), user.name]));
    },
    (id) => id.toHexString(),
  );

  constructor(@InjectModel(User.name) private readonly users: Model<User>) {}

  findByEmail(email: string): Promise<UserDocument | null> {
    return this.users.findOne({ email: normaliseEmail(email) }).exec();
  }

  findById(id: string | Types.ObjectId): Promise<UserDocument | null> {
    if (!Types.ObjectId.isValid(id)) return Promise.resolve(null);
    return this.users.findById(id).exec();
  }

  /** The account's name alone, read plain (a live connection's every handshake asks). */
  async nameOf(id: Types.ObjectId): Promise<string | null> {
    return (await this.names.get(id)) ?? null;
  }

  async findSummaries(ids: Types.ObjectId[]): Promise<Map<string, UserSummary>> {
    const found = await this.users.find({ _id: { $in: ids } }).exec();
    return new Map(found.map((user) => [user.id as string, toUserSummary(user)]));
  }

  async create(account: NewAccount): Promise<UserDocument> {
    const email = normaliseEmail(account.email);
    if (await this.users.exists({ email })) throw new AccountExists();
    const passwordHash =
      'passwordHash' in account ? account.passwordHash : await hashPassword(account.password);
    try {
      return await this.users.create({ email, name: account.name.trim(), passwordHash });
    } catch (error) {
      if (isDuplicateKeyError(error)) throw new AccountExists();
      throw error;
    }
  }

  /**
   * Takes back an account made moments ago by a sign-up that then failed (e.g. its
   * invitation's membership could not be made), so the person can try again. By id
   * only: never an account someone else made with the same email.
   */
  async removeUnfinished(id: Types.ObjectId): Promise<void> {
    await this.users.deleteOne({ _id: id }).exec();
  }

  /** Stores a new password for the account (the caller ends its sessions). */
  async setPassword(id: Types.ObjectId, password: string): Promise<void> {
    const passwordHash = await hashPassword(password);
    await this.users.updateOne({ _id: id }, { $set: { passwordHash } }).exec();
  }

  /** The account these credentials belong to, or null; takes the same time either way. */
  async verifyCredentials(email: string, password: string): Promise<UserDocument | null> {
    const { account, matches } = await this.checkCredentials(email, password);
    return matches ? account : null;
  }

  /**
   * The account with this email, if any, and whether the password is its own: the same
   * time either way. A wrong password for an account that exists is the account owner's to
   * hear about (their sign-in events); one for no account is nobody's.
   */
  async checkCredentials(
    email: string,
    password: string,
  ): Promise<{ account: UserDocument | null; matches: boolean }> {
    const account = await this.findByEmail(email);
    const matches = await verifyPassword(account?.passwordHash, password);
    return { account, matches };
  }

  /** Whether `password` is the account's own (asked again before changing the account). */
  isPasswordOf(account: UserDocument, password: string): Promise<boolean> {
    return verifyPassword(account.passwordHash, password);
  }

  /** A new name, as others in the person's workspaces will see it. */
  async rename(id: Types.ObjectId, name: string): Promise<UserDocument> {
    const renamed = await this.users
      .findOneAndUpdate({ _id: id }, { $set: { name: name.trim() } }, { new: true })
      .exec();
    if (!renamed) throw new NotFound('your account');
    return renamed;
  }

  /** A new sign-in address; 409 when another account has it. */
  async changeEmail(id: Types.ObjectId, email: string): Promise<UserDocument> {
    const address = normaliseEmail(email);
    if (await this.users.exists({ email: address, _id: { $ne: id } })) throw emailTakenError();
    try {
      const changed = await this.users
        .findOneAndUpdate({ _id: id }, { $set: { email: address } }, { new: true })
        .exec();
      if (!changed) throw new NotFound('your account');
      return changed;
    } catch (error) {
      if (isDuplicateKeyError(error)) throw emailTakenError();
      throw error;
    }
  }

  /** Whether an account other than `exceptId` signs in with this address. */
  async emailInUse(email: string, exceptId: Types.ObjectId): Promise<boolean> {
    return (
      (await this.users.exists({ email: normaliseEmail(email), _id: { $ne: exceptId } })) !== null
    );
  }
}

/** 409: another account signs in with the address a person wants. */
export function emailTakenError() {
  return new Conflict(
    'Another account uses that email address. Enter a different one, or sign in with that account.',
  );
}

export function normaliseEmail(email: string): string {
  return email.trim().toLowerCase();
}

export function toUserSummary(user: UserDocument): UserSummary {
  return { id: user.id as string, email: user.email, name: user.name };
}
