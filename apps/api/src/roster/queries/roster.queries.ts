import { END_OF_TIME, previousDay } from '@accord/domain';
import { type RoleAssignmentView, RosterReader } from '@accord/projections';
import { Injectable } from '@nestjs/common';
import { NotFoundError } from '../../ledger/ledger.errors';
import { type AssignmentStatus, type RoleAssignment } from '../role-assignment.model';

export function toRoleAssignment(view: RoleAssignmentView): RoleAssignment {
  const { officeFrom: _officeFrom, officeUntil, ...rest } = view;
  return {
    ...rest,
    status: view.status as AssignmentStatus,
    lastDayInOffice: officeUntil === END_OF_TIME ? null : previousDay(officeUntil),
  };
}

@Injectable()
export class RosterQueries {
  constructor(private readonly reader: RosterReader) {}

  async byId(assignmentId: string): Promise<RoleAssignment> {
    const view = await this.reader.get(assignmentId);
    if (!view) throw new NotFoundError('role assignment', assignmentId);
    return toRoleAssignment(view);
  }

  async inOffice(initiativeId: string, day: string, partnerId?: string): Promise<RoleAssignment[]> {
    return (await this.reader.inOffice(initiativeId, day, partnerId)).map(toRoleAssignment);
  }

  async history(initiativeId: string): Promise<RoleAssignment[]> {
    return (await this.reader.history(initiativeId)).map(toRoleAssignment);
  }
}
