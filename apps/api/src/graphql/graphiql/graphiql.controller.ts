import { Controller, Get, NotFoundException, Param, Res } from '@nestjs/common';
import type { Response } from 'express';
import { GRAPHIQL_ASSET_PATH, GRAPHIQL_ASSETS } from './graphiql.assets';

@Controller(GRAPHIQL_ASSET_PATH.slice(1))
export class GraphiqlAssetsController {
  @Get(':name')
  asset(@Param('name') name: string, @Res() res: Response): void {
    const asset = Object.hasOwn(GRAPHIQL_ASSETS, name) ? GRAPHIQL_ASSETS[name] : undefined;
    if (!asset) throw new NotFoundException(`no GraphiQL asset named ${name}`);
    res.type(asset.contentType).setHeader('Cache-Control', 'public, max-age=86400');
    res.sendFile(asset.file);
  }
}
