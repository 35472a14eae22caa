import { ProjectionRunner } from '@accord/projections';
import { type CanActivate, type ExecutionContext, Injectable } from '@nestjs/common';
import { type GqlContextType } from '@nestjs/graphql';
import { LedgerStatusResolver } from '../ledger-status/ledger-status.resolver';

/**
 * Once the runner has halted on a log gone back behind the read models, they show events the
 * log lacks: every GraphQL operation fails with that reason (LOG_BEHIND_READ_MODELS), except
 * the ledger's status, which reads the runner and the log, not the read models.
 */
@Injectable()
export class LogIntactGuard implements CanActivate {
  constructor(private readonly projections: ProjectionRunner) {}

  canActivate(context: ExecutionContext): boolean {
    if (context.getType<GqlContextType>() !== 'graphql') return true;
    if (context.getClass() === LedgerStatusResolver) return true;
    const halted = this.projections.halted();
    if (halted) throw halted;
    return true;
  }
}
