import { RosterReader } from '@accord/projections';
import { Injectable } from '@nestjs/common';
import { NotFoundError } from '../../ledger/ledger.errors';
import type { RoleAssignment } from '../role-assignment.model';

@Injectable()
export class RosterQueries {
  constructor(private readonly reader: RosterReader) {}

  async byId(assignmentId: string): Promise<RoleAssignment> {
    const view = await this.reader.get(assignmentId);
    if (!view) throw new NotFoundError('role assignment', assignmentId);
    return view;
  }

  inOffice(initiativeId: string, day: string, partnerId?: string): Promise<RoleAssignment[]> {
    return this.reader.inOffice(initiativeId, day, partnerId);
  }

  history(initiativeId: string): Promise<RoleAssignment[]> {
    return this.reader.history(initiativeId);
  }
}
