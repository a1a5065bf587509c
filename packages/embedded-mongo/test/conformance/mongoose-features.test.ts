import { Schema, Types, type Connection } from 'mongoose';
import { useConformanceTarget } from '../support/target';
import { refusalOf } from '../support/refusal';

const ctx = useConformanceTarget('mongoose');

const userSchema = new Schema({
  email: { type: String, required: true, unique: true },
  displayName: String,
});

const workspaceSchema = new Schema(
  {
    name: { type: String, required: true },
    members: [
      {
        user: { type: Schema.Types.ObjectId, ref: 'User', required: true },
        role: {
          type: String,
          enum: ['commissioner', 'steering member', 'expert by experience', 'observer'],
          required: true,
        },
      },
    ],
    stage: { type: String, enum: ['analyse', 'plan', 'do', 'review'], default: 'analyse' },
  },
  { timestamps: true },
);

const commentSchema = new Schema(
  {
    workspace: { type: Schema.Types.ObjectId, ref: 'Workspace', required: true },
    author: { type: Schema.Types.ObjectId, ref: 'User', required: true },
    body: { type: String, required: true },
  },
  { timestamps: { createdAt: 'postedAt', updatedAt: false } },
);

function registerModels(connection: Connection) {
  return {
    User: connection.model('User', userSchema),
    Workspace: connection.model('Workspace', workspaceSchema),
    Comment: connection.model('Comment', commentSchema),
  };
}

let registered: ReturnType<typeof registerModels> | undefined;

function models(): ReturnType<typeof registerModels> {
  if (registered === undefined) throw new Error('models are registered in beforeAll');
  return registered;
}

beforeAll(async () => {
  registered = registerModels(ctx.mongoose);
  const { User, Workspace, Comment } = registered;
  await Promise.all([User.init(), Workspace.init(), Comment.init()]);
});

describe('mongoose features the app relies on', () => {
  test('a model over a collection that already exists initialises (the app restarting)', async () => {
    await ctx.db.createCollection('audit_entries');
    await ctx.db.collection('audit_entries').insertOne({ action: 'workspace.created' });
    const auditSchema = new Schema({ action: String }, { collection: 'audit_entries' });
    auditSchema.index({ action: 1 });
    const AuditEntry = ctx.mongoose.model('AuditEntry', auditSchema);
    await AuditEntry.init();
    await AuditEntry.createCollection();
    expect(await AuditEntry.countDocuments()).toBe(1);
    const names = (await AuditEntry.collection.listIndexes().toArray()).map((index) => index.name);
    expect(names).toContain('action_1');
  });

  test('timestamps set createdAt/updatedAt on create and move updatedAt on update', async () => {
    const { Workspace } = models();
    const before = Date.now();
    const workspace = await Workspace.create({ name: 'Key worker service' });
    const createdAt: Date = workspace.get('createdAt');
    const firstUpdatedAt: Date = workspace.get('updatedAt');
    expect(createdAt).toBeInstanceOf(Date);
    expect(createdAt.getTime()).toBeGreaterThanOrEqual(before - 1000);
    expect(firstUpdatedAt.getTime()).toBe(createdAt.getTime());

    await new Promise((resolve) => setTimeout(resolve, 20));
    await Workspace.updateOne({ _id: workspace._id }, { $set: { stage: 'plan' } });
    const stored = await Workspace.findById(workspace._id).lean<{
      stage: string;
      createdAt: Date;
      updatedAt: Date;
    }>();
    expect(stored?.stage).toBe('plan');
    expect(stored?.createdAt.getTime()).toBe(createdAt.getTime());
    expect(stored?.updatedAt.getTime()).toBeGreaterThan(firstUpdatedAt.getTime());
  });

  test('custom timestamp names are honoured', async () => {
    const { User, Workspace, Comment } = models();
    const author = await User.create({ email: 'engagement@demo.test' });
    const workspace = await Workspace.create({ name: 'Timestamps' });
    const comment = await Comment.create({
      workspace: workspace._id,
      author: author._id,
      body: 'Can we add the parent carer forum feedback here?',
    });
    const stored = await Comment.findById(comment._id).lean<Record<string, unknown>>();
    expect(stored?.postedAt).toBeInstanceOf(Date);
    expect(stored).not.toHaveProperty('updatedAt');
  });

  test('populate resolves references, including inside arrays, and a select on the populated path', async () => {
    const { User, Workspace, Comment } = models();
    const [commissioner, expert] = await User.create([
      { email: 'commissioner2@demo.test', displayName: 'Commissioner' },
      { email: 'expert2@demo.test', displayName: 'Expert by experience' },
    ]);
    const workspace = await Workspace.create({
      name: 'Populate',
      members: [
        { user: commissioner._id, role: 'commissioner' },
        { user: expert._id, role: 'expert by experience' },
      ],
    });
    await Comment.create({ workspace: workspace._id, author: expert._id, body: 'First comment' });

    const populated = await Workspace.findById(workspace._id)
      .populate('members.user', 'displayName -_id')
      .lean<{ members: { role: string; user: { displayName: string } }[] }>();
    expect(populated?.members.map((member) => [member.role, member.user])).toEqual([
      ['commissioner', { displayName: 'Commissioner' }],
      ['expert by experience', { displayName: 'Expert by experience' }],
    ]);

    const comments = await Comment.find({ workspace: workspace._id })
      .populate('author')
      .populate('workspace', 'name')
      .lean<{ author: { email: string }; workspace: { name: string } }[]>();
    expect(comments).toHaveLength(1);
    expect(comments[0].author.email).toBe('expert2@demo.test');
    expect(comments[0].workspace.name).toBe('Populate');
  });

  test('a reference to a deleted document populates as null', async () => {
    const { User, Comment, Workspace } = models();
    const author = await User.create({ email: 'gone@demo.test' });
    const workspace = await Workspace.create({ name: 'Deleted author' });
    const comment = await Comment.create({
      workspace: workspace._id,
      author: author._id,
      body: 'x',
    });
    await User.deleteOne({ _id: author._id });
    const populated = await Comment.findById(comment._id).populate('author').lean();
    expect(populated?.author).toBeNull();
  });

  test('lean returns plain objects with ObjectIds and Dates intact', async () => {
    const { Workspace } = models();
    const workspace = await Workspace.create({ name: 'Lean' });
    const lean = await Workspace.findById(workspace._id).lean();
    expect(lean).not.toBeNull();
    expect(Object.getPrototypeOf(lean)).toBe(Object.prototype);
    expect(lean?._id).toBeInstanceOf(Types.ObjectId);
    expect(lean?._id.equals(workspace._id)).toBe(true);
    expect((lean as unknown as { createdAt: unknown }).createdAt).toBeInstanceOf(Date);
  });

  test('findByIdAndUpdate with runValidators applies valid updates and refuses invalid ones', async () => {
    const { Workspace } = models();
    const workspace = await Workspace.create({ name: 'Validators' });
    const updated = await Workspace.findByIdAndUpdate(
      workspace._id,
      { $set: { stage: 'do' } },
      { new: true, runValidators: true },
    ).lean();
    expect(updated?.stage).toBe('do');

    const refused: unknown = await refusalOf(
      Workspace.findByIdAndUpdate(
        workspace._id,
        { $set: { stage: 'abandoned' } },
        { new: true, runValidators: true },
      ),
    );
    expect(refused).toMatchObject({ name: 'ValidationError' });
    expect((await Workspace.findById(workspace._id).lean())?.stage).toBe('do');

    expect(
      await Workspace.findByIdAndUpdate(new Types.ObjectId(), { $set: { stage: 'do' } }),
    ).toBeNull();
  });

  test('exists returns the _id of a match, or null', async () => {
    const { User } = models();
    const user = await User.create({ email: 'observer@demo.test' });
    const found = await User.exists({ email: 'observer@demo.test' });
    expect(found?._id.equals(user._id)).toBe(true);
    expect(await User.exists({ email: 'nobody@demo.test' })).toBeNull();
  });

  test('pushing to and pulling from an array of subdocuments', async () => {
    const { User, Workspace } = models();
    const observer = await User.create({ email: 'observer2@demo.test' });
    const workspace = await Workspace.create({ name: 'Membership changes' });
    await Workspace.updateOne(
      { _id: workspace._id },
      { $push: { members: { user: observer._id, role: 'observer' } } },
    );
    expect((await Workspace.findById(workspace._id))?.members).toHaveLength(1);
    await Workspace.updateOne(
      { _id: workspace._id },
      { $pull: { members: { user: observer._id } } },
    );
    expect((await Workspace.findById(workspace._id))?.members).toHaveLength(0);
  });

  test('binary Yjs updates round-trip byte for byte, and a compaction swaps log for snapshot', async () => {
    const updateSchema = new Schema({
      docId: { type: String, required: true },
      seq: { type: Number, required: true },
      update: { type: Buffer, required: true },
    });
    updateSchema.index({ docId: 1, seq: 1 }, { unique: true });
    const snapshotSchema = new Schema({
      _id: String,
      state: { type: Buffer, required: true },
      upToSeq: Number,
    });
    const SpecificationUpdate = ctx.mongoose.model('SpecificationUpdate', updateSchema);
    const SpecificationSnapshot = ctx.mongoose.model('SpecificationSnapshot', snapshotSchema);
    await SpecificationUpdate.init();

    const updates = Array.from({ length: 60 }, (_, seq) => {
      const bytes = Buffer.alloc(1 + ((seq * 7919) % 20_000));
      for (let i = 0; i < bytes.length; i++) bytes[i] = (seq * 31 + i * 17) & 0xff;
      return { docId: 'spec-1', seq, update: bytes };
    });
    await SpecificationUpdate.insertMany(updates);

    const stored = await SpecificationUpdate.find({ docId: 'spec-1' }).sort({ seq: 1 }).lean();
    expect(stored).toHaveLength(60);
    for (const [i, row] of stored.entries()) {
      const bytes = Buffer.from(row.update.buffer);
      expect(bytes.equals(updates[i].update)).toBe(true);
    }

    // Compaction: write the snapshot, then drop the log entries it covers; later appends stay.
    await SpecificationSnapshot.findOneAndUpdate(
      { _id: 'spec-1' },
      { $set: { state: Buffer.concat(updates.slice(0, 40).map((u) => u.update)), upToSeq: 39 } },
      { upsert: true },
    );
    await SpecificationUpdate.deleteMany({ docId: 'spec-1', seq: { $lte: 39 } });
    const remaining = await SpecificationUpdate.find({ docId: 'spec-1' }).sort({ seq: 1 }).lean();
    expect(remaining.map((row) => row.seq)).toEqual(Array.from({ length: 20 }, (_, i) => 40 + i));
    const snapshot = await SpecificationSnapshot.findById('spec-1').lean();
    expect(snapshot?.upToSeq).toBe(39);
    expect(Buffer.from(snapshot?.state.buffer ?? []).length).toBe(
      updates.slice(0, 40).reduce((sum, u) => sum + u.update.length, 0),
    );
  });

  test('document save() tracks changes and saves only them', async () => {
    const { Workspace } = models();
    const workspace = await Workspace.create({ name: 'Save' });
    const copy = await Workspace.findById(workspace._id);
    if (copy === null) throw new Error('workspace vanished');
    copy.set('stage', 'review');
    await copy.save();
    // A concurrent save of a different field must not overwrite the first change.
    workspace.set('name', 'Save (renamed)');
    await workspace.save();
    const stored = await Workspace.findById(workspace._id).lean();
    expect(stored).toMatchObject({ name: 'Save (renamed)', stage: 'review' });
  });
});
