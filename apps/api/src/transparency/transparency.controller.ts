import type { Actor } from '@accord/domain';
import {
  Controller,
  Get,
  HttpException,
  HttpStatus,
  Param,
  Post,
  Query,
  Req,
  Res,
} from '@nestjs/common';
import type { Request, Response } from 'express';
import { InvalidTokenError, TokenService } from '../auth/token.service';
import { NotFoundError } from '../ledger/ledger.errors';
import { Visibility } from '../visibility/visibility';
import { treeFor } from './tree-access';
import { TransparencyRequestError, TransparencyService } from '@accord/transparency-log';

/** An HTTP refusal: `{ error }`, and what else names it. */
const refusal = (status: HttpStatus, error: string, more: object = {}) =>
  new HttpException({ error, ...more }, status);

/**
 * The trees over HTTP, for partners, witnesses and evaluators (a Bearer token as for GraphQL):
 *   GET /checkpoint/initiative/<id>   GET /checkpoint/directory          the signed note (text)
 *   GET /proof/initiative/<id>/inclusion?position=<p>|eventId=<id>[&treeSize=<n>]     (JSON)
 *   GET /proof/initiative/<id>/consistency?fromSize=<m>[&toSize=<n>]                   (JSON)
 *   GET /proof/initiative/<id>/coverage?position=<p>|eventId=<id>: whether a checkpoint that
 *        meets the tree's witness policy includes the event                           (JSON)
 *   (and the same under /proof/directory/...)
 *   GET /export/initiative/<id>[?proofs=true]  accord-export/v1 JSON lines, for verifier/accord-verify.js
 *        (with proofs=true each event carries its inclusion proof)
 *   POST /checkpoint/initiative/<id>/cosignatures?key=<witness vkey>[&size=<n>]   (and
 *        /checkpoint/directory/cosignatures): a witness's cosignature line, as text
 * An initiative the reader may not see gets the 404 of one that does not exist.
 */
@Controller()
export class TransparencyController {
  constructor(
    private readonly tokens: TokenService,
    private readonly visibility: Visibility,
    private readonly service: TransparencyService,
  ) {}

  @Get(['checkpoint/directory', 'checkpoint/initiative/:initiativeId'])
  checkpoint(@Req() req: Request, @Res() res: Response) {
    return this.answer(req, async (tree) => {
      res.type('text/plain').send((await this.service.checkpoint(tree)).note);
    });
  }

  @Post(['checkpoint/directory/cosignatures', 'checkpoint/initiative/:initiativeId/cosignatures'])
  cosignature(@Query() query: Record<string, string>, @Req() req: Request, @Res() res: Response) {
    return this.answer(req, async (tree) => {
      const receipt = await this.service.addCosignature(tree, {
        body: await textBody(req),
        witnessKey: typeof query.key === 'string' ? query.key : undefined,
        size: optionalCount(query, 'size'),
      });
      res.status(receipt.added ? HttpStatus.CREATED : HttpStatus.OK).json(receipt);
    });
  }

  @Get(['proof/directory/:kind', 'proof/initiative/:initiativeId/:kind'])
  proof(
    @Req() req: Request,
    @Param('kind') kind: string,
    @Query() query: Record<string, string>,
    @Res() res: Response,
  ) {
    return this.answer(req, async (tree) => res.json(await this.proofOf(tree, kind, query)));
  }

  @Get('export/initiative/:initiativeId')
  initiativeExport(
    @Req() req: Request,
    @Param('initiativeId') initiativeId: string,
    @Query('proofs') proofs: string | undefined,
    @Res() res: Response,
  ) {
    return this.answer(req, async (tree) => {
      const text = await this.service.export(tree, { proofs: proofs === 'true' });
      res.attachment(`${initiativeId}.accord-export.jsonl`).type('application/jsonl').send(text);
    });
  }

  private proofOf(tree: string, kind: string, query: Record<string, string>): Promise<object> {
    const treeSize = optionalCount(query, 'treeSize');
    if (kind === 'inclusion') return this.service.inclusion(tree, eventOf(query), treeSize);
    if (kind === 'coverage') return this.service.coverage(tree, eventOf(query));
    if (kind === 'consistency') {
      const fromSize = optionalCount(query, 'fromSize');
      if (fromSize === undefined) {
        throw new TransparencyRequestError('bad_input', 'fromSize', 'fromSize is required');
      }
      return this.service.consistency(tree, fromSize, optionalCount(query, 'toSize'));
    }
    throw refusal(
      HttpStatus.NOT_FOUND,
      `no proof of kind "${kind}": inclusion, consistency or coverage`,
    );
  }

  /** Runs `work` on the tree the request names (its initiative's, or the directory), if it may. */
  private async answer(req: Request, work: (tree: string) => Promise<unknown>): Promise<void> {
    const actor = await this.actor(req.headers.authorization);
    const { initiativeId } = req.params as { initiativeId?: string };
    try {
      await work(await treeFor(this.visibility, actor, initiativeId));
    } catch (error) {
      if (error instanceof NotFoundError) throw refusal(HttpStatus.NOT_FOUND, error.message);
      if (error instanceof TransparencyRequestError) {
        const status = error.kind === 'not_found' ? HttpStatus.NOT_FOUND : HttpStatus.BAD_REQUEST;
        throw refusal(status, error.message, error.field ? { field: error.field } : {});
      }
      throw error;
    }
  }

  private async actor(header: string | undefined): Promise<Actor> {
    const match = header ? /^Bearer\s+(\S+)$/i.exec(header) : null;
    if (!match) {
      const how = 'send "Authorization: Bearer <token>" (npm run accord -- token)';
      throw refusal(HttpStatus.UNAUTHORIZED, how);
    }
    try {
      return await this.tokens.verify(match[1]!);
    } catch (error) {
      if (error instanceof InvalidTokenError) throw refusal(HttpStatus.UNAUTHORIZED, error.message);
      throw error;
    }
  }
}

/** The event a request names, by exactly one of position and eventId. */
function eventOf(query: Record<string, string>): { position?: number; eventId?: string } {
  const position = optionalCount(query, 'position');
  const eventId = typeof query.eventId === 'string' ? query.eventId : undefined;
  if ((position === undefined) === (eventId === undefined)) {
    throw new TransparencyRequestError('bad_input', 'position', 'give either position or eventId');
  }
  return { position, eventId };
}

function optionalCount(query: Record<string, string>, field: string): number | undefined {
  const raw = query[field];
  if (raw === undefined) return undefined;
  if (typeof raw !== 'string' || !/^[0-9]{1,15}$/.test(raw)) {
    throw new TransparencyRequestError('bad_input', field, `${field} must be a whole number`);
  }
  return Number(raw);
}

const MAX_COSIGNATURE_BODY = 16 * 1024;

/** The request body as UTF-8 text (only JSON bodies are parsed for the whole app). */
async function textBody(req: Request): Promise<string> {
  const chunks: Buffer[] = [];
  let length = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    length += chunk.length;
    if (length > MAX_COSIGNATURE_BODY) {
      throw new TransparencyRequestError(
        'bad_input',
        'body',
        'a cosignature body is at most 16 KiB',
      );
    }
    chunks.push(chunk);
  }
  return Buffer.concat(chunks).toString('utf8');
}
