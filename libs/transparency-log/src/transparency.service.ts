import type { EventStore, StoredEvent } from '@accord/event-store';
import {
  addSignatureLines,
  consistencyProof,
  COSIGNATURE_V1,
  openNote,
  parseNote,
  parseVerifierKey,
  TransparencyError,
  eventLeafHash,
  inclusionProof,
  MemoryTree,
  type NodeSource,
  TreeBuilder,
  withStoredNodes,
  writeExport,
} from '@accord/transparency';
import type { LogKey } from './log-key';
import type { TreeMaintainer } from './tree-maintainer';
import { cosignersUnder, describePolicy, loadWitnessPolicy } from './witness-policy';
import type { StoredCheckpoint } from './tree-store';

/** What a request about a tree may get wrong; the API layer words it for HTTP or GraphQL. */
export class TransparencyRequestError extends Error {
  constructor(
    readonly kind: 'not_found' | 'bad_input',
    readonly field: string | undefined,
    message: string,
  ) {
    super(message);
    this.name = 'TransparencyRequestError';
  }
}

const notFound = (message: string) => new TransparencyRequestError('not_found', undefined, message);
const badInput = (field: string, message: string) =>
  new TransparencyRequestError('bad_input', field, message);

export interface CheckpointView {
  origin: string;
  size: number;
  rootHash: string;
  /** The signed note, with the witnesses' cosignatures collected for it. */
  note: string;
  signedAt: string;
  /** The verifier key of the log for this origin. */
  logKey: string;
}

export interface CosignatureReceipt {
  origin: string;
  size: number;
  /** `<witness name>+<key ID>`. */
  witness: string;
  /** False when this witness had already cosigned this checkpoint (the first line is kept). */
  added: boolean;
}

export interface InclusionProofView {
  origin: string;
  leafIndex: number;
  treeSize: number;
  position: number;
  eventId: string;
  leafHash: string;
  hashes: string[];
  checkpoint: CheckpointView;
}

export interface WitnessCoverageView {
  origin: string;
  position: number;
  eventId: string;
  leafIndex: number;
  /** "<k> of <n> witnesses: a, b, c", or null when the tree's governance set no policy. */
  policy: string | null;
  /** A stored checkpoint that includes the event is cosigned by a quorum of the policy's witnesses. */
  covered: boolean;
  /** The size of that checkpoint, or, when none meets the policy, of the best cosigned one. */
  checkpointSize: number | null;
  /** The policy's witnesses whose cosignature of that checkpoint verifies. */
  cosignedBy: string[];
}

export interface ConsistencyProofView {
  origin: string;
  fromSize: number;
  toSize: number;
  hashes: string[];
  checkpoint: CheckpointView;
}

const base64 = (hash: Uint8Array) => Buffer.from(hash).toString('base64');

/** Checkpoints, proofs and exports of one tree, read from the stored nodes. */
export class TransparencyService {
  constructor(
    private readonly maintainer: TreeMaintainer,
    private readonly store: EventStore,
    private readonly key: LogKey,
    /** Folder of the trees' witness policies (witness-policy.ts). */
    private readonly policies?: string,
  ) {}

  private get trees() {
    return this.maintainer.trees;
  }

  /** Waits (briefly) for the trees to hold what the log held when the request came in. */
  private async caughtUp(): Promise<void> {
    await this.maintainer.waitFor(await this.store.headPosition());
  }

  async checkpoint(tree: string, size?: number): Promise<CheckpointView> {
    await this.caughtUp();
    const stored =
      size === undefined
        ? await this.trees.lastCheckpoint(tree)
        : await this.trees.checkpointAt(tree, size);
    if (!stored) {
      throw notFound(
        size === undefined
          ? `${this.maintainer.origin(tree)} has no signed checkpoint yet`
          : `${this.maintainer.origin(tree)} has no signed checkpoint of size ${size}`,
      );
    }
    return this.view(stored);
  }

  private async view(stored: StoredCheckpoint): Promise<CheckpointView> {
    const origin = this.maintainer.origin(stored.tree);
    const cosignatures = await this.trees.cosignatures(stored.tree, stored.size);
    return {
      origin,
      size: stored.size,
      rootHash: base64(stored.root),
      note: cosignatures.length > 0 ? addSignatureLines(stored.note, cosignatures) : stored.note,
      signedAt: stored.signedAt,
      logKey: this.key.verifierKey(origin),
    };
  }

  /**
   * A witness's tlog-cosignature/v1 line for the checkpoint of `size` (the last one when not
   * given), checked against the witness's verifier key before it is kept. No witness policy
   * exists yet: any witness whose cosignature verifies is accepted.
   */
  async addCosignature(
    tree: string,
    cosignature: { body: string; witnessKey: string | undefined; size?: number },
  ): Promise<CosignatureReceipt> {
    if (!cosignature.witnessKey) {
      throw badInput('key', "give the witness's verifier key (key=<name>+<key ID>+<key>)");
    }
    const witness = this.cosignerKey(cosignature.witnessKey);
    const lines = cosignature.body.split('\n').filter((line) => line !== '');
    if (lines.length !== 1) {
      throw badInput('body', `send exactly one cosignature line, got ${lines.length}`);
    }
    const line = `${lines[0]}\n`;
    const checkpoint = await this.checkpoint(tree, cosignature.size);
    const stored = await this.trees.checkpointAt(tree, checkpoint.size);
    if (!stored)
      throw notFound(`${checkpoint.origin} has no checkpoint of size ${checkpoint.size}`);
    try {
      const { signatures } = parseNote(stored.note + line);
      const own = signatures.at(-1)!;
      if (own.name !== witness.name || own.keyId !== witness.keyId) {
        throw badInput('body', `the line is signed by ${own.name}, not by the key given`);
      }
      // Only the witness's key is trusted here: the log's own signature is ignored.
      openNote(stored.note + line, [witness]);
    } catch (error) {
      if (error instanceof TransparencyError) {
        throw badInput(
          'body',
          `the cosignature does not verify over ${checkpoint.origin} at size ${checkpoint.size}: ${error.message}`,
        );
      }
      throw error;
    }
    const name = `${witness.name}+${witness.keyId.toString(16).padStart(8, '0')}`;
    const added = await this.trees.addCosignature({
      tree,
      size: checkpoint.size,
      witness: name,
      line,
      receivedAt: new Date().toISOString(),
    });
    return { origin: checkpoint.origin, size: checkpoint.size, witness: name, added };
  }

  private cosignerKey(vkey: string) {
    try {
      const key = parseVerifierKey(vkey);
      if (key.type === COSIGNATURE_V1) return key;
    } catch (error) {
      if (!(error instanceof TransparencyError)) throw error;
      throw badInput('key', error.message);
    }
    throw badInput('key', 'the witness key must be a cosignature/v1 (type 0x04) verifier key');
  }

  /** The event (by position or id) in the tree's last checkpoint, or the one of `treeSize`. */
  async inclusion(
    tree: string,
    event: { position?: number; eventId?: string },
    treeSize?: number,
  ): Promise<InclusionProofView> {
    await this.caughtUp();
    const leaf =
      event.position !== undefined
        ? await this.trees.leafAt(event.position)
        : event.eventId !== undefined
          ? await this.trees.leafOfEvent(event.eventId)
          : undefined;
    const named =
      event.position !== undefined ? `position ${event.position}` : `event ${event.eventId}`;
    if (!leaf || leaf.tree !== tree) {
      throw notFound(`the event at ${named} is not in ${this.maintainer.origin(tree)}`);
    }
    const checkpoint = await this.checkpoint(tree, treeSize);
    if (leaf.index >= checkpoint.size) {
      throw notFound(
        `the event at ${named} is leaf ${leaf.index}, not yet covered by the checkpoint of size ${checkpoint.size}`,
      );
    }
    const [hashes, leafHash] = await withStoredNodes(
      (node) => [inclusionProof(node, leaf.index, checkpoint.size), node(0, leaf.index)] as const,
      (addresses) => this.trees.nodes(tree, addresses),
    );
    return {
      origin: checkpoint.origin,
      leafIndex: leaf.index,
      treeSize: checkpoint.size,
      position: leaf.position,
      eventId: leaf.eventId,
      leafHash: base64(leafHash),
      hashes: hashes.map(base64),
      checkpoint,
    };
  }

  /**
   * Whether the event is covered by a checkpoint that meets the tree's witness policy: a
   * checkpoint of a larger size that a quorum of the policy's witnesses cosigned (a witness
   * cosigns only a tree that extends what it cosigned before, so it vouches for every leaf in it).
   */
  async coverage(
    tree: string,
    event: { position?: number; eventId?: string },
  ): Promise<WitnessCoverageView> {
    await this.caughtUp();
    const leaf = await this.leafIn(tree, event);
    const policy = loadWitnessPolicy(this.policies, tree);
    const answer = {
      origin: this.maintainer.origin(tree),
      position: leaf.position,
      eventId: leaf.eventId,
      leafIndex: leaf.index,
      policy: policy ? describePolicy(policy) : null,
      covered: false,
      checkpointSize: null as number | null,
      cosignedBy: [] as string[],
    };
    if (!policy) return answer;
    for (const { size, note, lines } of await this.trees.cosignedCheckpoints(tree, leaf.index)) {
      const cosignedBy = cosignersUnder(policy, note, lines);
      if (cosignedBy.length > answer.cosignedBy.length || answer.checkpointSize === null) {
        Object.assign(answer, { checkpointSize: size, cosignedBy });
      }
      if (cosignedBy.length >= policy.quorum) return { ...answer, covered: true };
    }
    return answer;
  }

  private async leafIn(tree: string, event: { position?: number; eventId?: string }) {
    const leaf =
      event.position !== undefined
        ? await this.trees.leafAt(event.position)
        : event.eventId !== undefined
          ? await this.trees.leafOfEvent(event.eventId)
          : undefined;
    if (!leaf || leaf.tree !== tree) {
      const named =
        event.position !== undefined ? `position ${event.position}` : `event ${event.eventId}`;
      throw notFound(`the event at ${named} is not in ${this.maintainer.origin(tree)}`);
    }
    return leaf;
  }

  /** Proves the checkpoint of `fromSize` is a prefix of the last one (or of `toSize`'s). */
  async consistency(
    tree: string,
    fromSize: number,
    toSize?: number,
  ): Promise<ConsistencyProofView> {
    if (!Number.isSafeInteger(fromSize) || fromSize < 1) {
      throw badInput('fromSize', 'fromSize must be a whole number of at least 1');
    }
    const checkpoint = await this.checkpoint(tree, toSize);
    if (fromSize > checkpoint.size) {
      throw badInput(
        'fromSize',
        `fromSize ${fromSize} is larger than the tree size ${checkpoint.size}`,
      );
    }
    const hashes = await withStoredNodes(
      (node) => consistencyProof(node, fromSize, checkpoint.size),
      (addresses) => this.trees.nodes(tree, addresses),
    );
    return {
      origin: checkpoint.origin,
      fromSize,
      toSize: checkpoint.size,
      hashes: hashes.map(base64),
      checkpoint,
    };
  }

  /** The first `size` events of the tree, read back from the log (the tree's streams, merged). */
  async eventsOf(tree: string, size: number): Promise<StoredEvent[]> {
    const streams = await this.trees.streamsOf(tree);
    const events: StoredEvent[] = [];
    for (const stream of streams) events.push(...(await this.store.readStream(stream)));
    events.sort((a, b) => a.position - b.position);
    return events.slice(0, size);
  }

  /**
   * accord-export/v1, complete: every event of the tree up to its last checkpoint, with the
   * cosignatures collected for it; with `proofs`, each event also carries its inclusion proof
   * (computed from the events exported: if the log was rewritten, they fail the checkpoint).
   */
  async export(tree: string, options: { proofs?: boolean } = {}): Promise<string> {
    const checkpoint = await this.checkpoint(tree);
    const events = await this.eventsOf(tree, checkpoint.size);
    let proofs: { node: NodeSource; size: number } | undefined;
    if (options.proofs) {
      const memory = new MemoryTree();
      for (const event of events) memory.append(eventLeafHash(event));
      proofs = { node: memory.node, size: memory.size };
    }
    return writeExport(
      {
        origin: checkpoint.origin,
        kind: 'complete',
        checkpoint: checkpoint.note,
        cosignatures: [],
        trust: this.trust(tree, checkpoint.logKey),
      },
      events.map((event, index) => ({ index, event: event })),
      proofs,
    );
  }

  /** The keys the export names: the log's, and the witnesses and quorum of the tree's policy. */
  private trust(tree: string, logKey: string) {
    const policy = loadWitnessPolicy(this.policies, tree);
    return {
      logKeys: [logKey],
      witnessKeys: policy?.witnesses.map((w) => w.vkey) ?? [],
      quorum: policy?.quorum ?? 0,
    };
  }

  /** The log itself, from a position (the start-up check reads what was appended since the last). */
  readLog(fromPosition: number, limit: number): Promise<StoredEvent[]> {
    return this.store.readAll(fromPosition, limit);
  }

  /** The root of the first `size` events of the tree, recomputed from the log itself. */
  async rootFromLog(tree: string, size: number): Promise<{ root: Buffer; found: number }> {
    const events = await this.eventsOf(tree, size);
    const builder = TreeBuilder.empty();
    for (const event of events) builder.append(eventLeafHash(event));
    return { root: builder.root(), found: events.length };
  }
}
