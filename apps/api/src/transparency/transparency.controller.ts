import type { Actor } from '@accord/domain';
import {
  Controller,
  Get,
  Headers,
  HttpException,
  HttpStatus,
  Param,
  Query,
  Res,
} from '@nestjs/common';
import type { Response } from 'express';
import { InvalidTokenError, TokenService } from '../auth/token.service';
import { NotFoundError } from '../ledger/ledger.errors';
import { Visibility } from '../visibility/visibility';
import { treeFor } from './tree-access';
import { TransparencyRequestError, TransparencyService } from './transparency.service';

type Scope = { initiativeId?: string };

/**
 * The trees over HTTP, for partners, witnesses and evaluators (a Bearer token as for GraphQL):
 *   GET /checkpoint/initiative/<id>   GET /checkpoint/directory          the signed note (text)
 *   GET /proof/initiative/<id>/inclusion?position=<p>|eventId=<id>[&treeSize=<n>]     (JSON)
 *   GET /proof/initiative/<id>/consistency?fromSize=<m>[&toSize=<n>]                   (JSON)
 *   (and the same under /proof/directory/...)
 *   GET /export/initiative/<id>       accord-export/v1 JSON lines, for verifier/accord-verify.js
 * An initiative the reader may not see gets the 404 of one that does not exist.
 */
@Controller()
export class TransparencyController {
  constructor(
    private readonly tokens: TokenService,
    private readonly visibility: Visibility,
    private readonly service: TransparencyService,
  ) {}

  @Get('checkpoint/directory')
  directoryCheckpoint(@Headers('authorization') auth: string | undefined, @Res() res: Response) {
    return this.answer(res, auth, {}, async (tree) => {
      res.type('text/plain').send((await this.service.checkpoint(tree)).note);
    });
  }

  @Get('checkpoint/initiative/:initiativeId')
  initiativeCheckpoint(
    @Headers('authorization') auth: string | undefined,
    @Param('initiativeId') initiativeId: string,
    @Res() res: Response,
  ) {
    return this.answer(res, auth, { initiativeId }, async (tree) => {
      res.type('text/plain').send((await this.service.checkpoint(tree)).note);
    });
  }

  @Get('proof/directory/:kind')
  directoryProof(
    @Headers('authorization') auth: string | undefined,
    @Param('kind') kind: string,
    @Query() query: Record<string, string>,
    @Res() res: Response,
  ) {
    return this.answer(res, auth, {}, (tree) => this.proof(res, tree, kind, query));
  }

  @Get('proof/initiative/:initiativeId/:kind')
  initiativeProof(
    @Headers('authorization') auth: string | undefined,
    @Param('initiativeId') initiativeId: string,
    @Param('kind') kind: string,
    @Query() query: Record<string, string>,
    @Res() res: Response,
  ) {
    return this.answer(res, auth, { initiativeId }, (tree) => this.proof(res, tree, kind, query));
  }

  @Get('export/initiative/:initiativeId')
  initiativeExport(
    @Headers('authorization') auth: string | undefined,
    @Param('initiativeId') initiativeId: string,
    @Res() res: Response,
  ) {
    return this.answer(res, auth, { initiativeId }, async (tree) => {
      const text = await this.service.export(tree);
      res.attachment(`${initiativeId}.accord-export.jsonl`).type('application/jsonl').send(text);
    });
  }

  private async proof(
    res: Response,
    tree: string,
    kind: string,
    query: Record<string, string>,
  ): Promise<void> {
    const treeSize = optionalCount(query, 'treeSize');
    if (kind === 'inclusion') {
      const position = optionalCount(query, 'position');
      const eventId = typeof query.eventId === 'string' ? query.eventId : undefined;
      if ((position === undefined) === (eventId === undefined)) {
        throw new TransparencyRequestError(
          'bad_input',
          'position',
          'give either position or eventId',
        );
      }
      res.json(await this.service.inclusion(tree, { position, eventId }, treeSize));
      return;
    }
    if (kind === 'consistency') {
      const fromSize = optionalCount(query, 'fromSize');
      if (fromSize === undefined) {
        throw new TransparencyRequestError('bad_input', 'fromSize', 'fromSize is required');
      }
      res.json(await this.service.consistency(tree, fromSize, optionalCount(query, 'toSize')));
      return;
    }
    throw new HttpException({ error: `no proof of kind "${kind}": inclusion or consistency` }, 404);
  }

  private async answer(
    res: Response,
    auth: string | undefined,
    scope: Scope,
    work: (tree: string) => Promise<void>,
  ): Promise<void> {
    const actor = await this.actor(auth);
    try {
      await work(await treeFor(this.visibility, actor, scope.initiativeId));
    } catch (error) {
      if (error instanceof NotFoundError) {
        throw new HttpException({ error: error.message }, HttpStatus.NOT_FOUND);
      }
      if (error instanceof TransparencyRequestError) {
        throw new HttpException(
          { error: error.message, ...(error.field ? { field: error.field } : {}) },
          error.kind === 'not_found' ? HttpStatus.NOT_FOUND : HttpStatus.BAD_REQUEST,
        );
      }
      throw error;
    }
  }

  private async actor(header: string | undefined): Promise<Actor> {
    const match = header ? /^Bearer\s+(\S+)$/i.exec(header) : null;
    if (!match) {
      throw new HttpException(
        { error: 'send "Authorization: Bearer <token>" (npm run accord -- token)' },
        HttpStatus.UNAUTHORIZED,
      );
    }
    try {
      return await this.tokens.verify(match[1]!);
    } catch (error) {
      if (error instanceof InvalidTokenError) {
        throw new HttpException({ error: error.message }, HttpStatus.UNAUTHORIZED);
      }
      throw error;
    }
  }
}

function optionalCount(query: Record<string, string>, field: string): number | undefined {
  const raw = query[field];
  if (raw === undefined) return undefined;
  if (typeof raw !== 'string' || !/^[0-9]{1,15}$/.test(raw)) {
    throw new TransparencyRequestError('bad_input', field, `${field} must be a whole number`);
  }
  return Number(raw);
}
