import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { UserSummary } from '@coproduce/domain';
import { Model, Types } from 'mongoose';
import { isDuplicateKeyError } from '../../base/duplicate-key';
import { AccountExists } from '../../base/errors';
import { hashPassword, verifyPassword } from './password';
import { User, UserDocument } from './user.schema';

/** A new account's password: as chosen, or already hashed (kept while an address was confirmed). */
export type NewAccount = { email: string; name: string } & (
  { password: string } | { passwordHash: string }
);

@Injectable()
export class AccountsService {
  constructor(@InjectModel(User.name) private readonly users: Model<User>) {}

  findByEmail(email: string): Promise<UserDocument | null> {
    return this.users.findOne({ email: normaliseEmail(email) }).exec();
  }

  findById(id: string | Types.ObjectId): Promise<UserDocument | null> {
    if (!Types.ObjectId.isValid(id)) return Promise.resolve(null);
    return this.users.findById(id).exec();
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
    const user = await this.findByEmail(email);
    const matches = await verifyPassword(user?.passwordHash, password);
    return matches ? user : null;
  }
}

export function normaliseEmail(email: string): string {
  return email.trim().toLowerCase();
}

export function toUserSummary(user: UserDocument): UserSummary {
  return { id: user.id as string, email: user.email, name: user.name };
}
