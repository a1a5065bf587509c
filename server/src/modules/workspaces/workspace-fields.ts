import { applyDecorators } from '@nestjs/common';
import { ApiProperty } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsString, MaxLength, MinLength } from 'class-validator';
import { SingleLine, trimmed } from '../../base/validation';

/**
 * A required one-line text field describing a workspace, with messages that name it:
 * every form that starts a workspace (creating one, first-run set-up) uses these.
 */
const WorkspaceLine = (what: string, enter: string, example: string) =>
  applyDecorators(
    ApiProperty({ example, maxLength: 200 }),
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
