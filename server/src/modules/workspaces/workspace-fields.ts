import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsString, MaxLength, MinLength } from 'class-validator';
import { SingleLine, trimmed } from '../../base/validation';

/**
 * A one-line text field describing a workspace or who takes part in it, with messages
 * that name it: every form that starts a workspace (creating one, first-run set-up) or
 * says who is in it uses these. `optional` only documents it so; the DTO says when it
 * may be left out.
 */
const WorkspaceLine = (what: string, enter: string, example: string, optional = false) =>
  applyDecorators(
    (optional ? ApiPropertyOptional : ApiProperty)({ example, maxLength: 200 }),
    Transform(trimmed),
    MinLength(1, { message: enter }),
    MaxLength(200, { message: `${what} must be 200 characters or fewer.` }),
    SingleLine(`${what} must be on one line.`),
    IsString({ message: enter }),
  );

export const WorkspaceName = () =>
  WorkspaceLine(
    'The workspace name',
    'Enter a name for the workspace.',
    'Short breaks for disabled children',
  );

export const ServiceArea = () =>
  WorkspaceLine(
    'The service area',
    'Enter the service area.',
    'Disabled children and their families',
  );

export const LeadOrganisation = () =>
  WorkspaceLine(
    'The lead organisation',
    'Enter the lead organisation.',
    'North Riverside Integrated Care Board',
  );

/**
 * The organisation a member takes part for. Needed for a provider; each DTO decides
 * (with `ValidateIf`) when it may be left out, since that depends on the role.
 */
export const MemberOrganisation = () =>
  WorkspaceLine(
    'The organisation',
    'Enter the organisation they take part for. A provider must have one.',
    'Riverside Families Together',
    true,
  );
