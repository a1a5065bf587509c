import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { MAX_COMMENT_LENGTH, MAX_MENTIONS } from '@coproduce/domain';
import { Transform } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayUnique,
  IsArray,
  IsMongoId,
  IsOptional,
  IsString,
  MaxLength,
  MinLength,
} from 'class-validator';
import { trimmed } from '../../../base/validation';

/** A comment's words: text, not only spaces, at most MAX_COMMENT_LENGTH characters. */
export const CommentBody = () =>
  applyDecorators(
    ApiProperty({
      example: 'What does "dynamic support register" mean?',
      maxLength: MAX_COMMENT_LENGTH,
    }),
    Transform(trimmed),
    MinLength(1, { message: 'Write a comment before sending it.' }),
    MaxLength(MAX_COMMENT_LENGTH, {
      message: `A comment must be ${MAX_COMMENT_LENGTH.toLocaleString('en-GB')} characters or fewer.`,
    }),
    IsString({ message: 'A comment must be text.' }),
  );

/** The members a comment @mentions, by user id; whether each may be mentioned is the service's to say. */
export const Mentions = () =>
  applyDecorators(
    ApiPropertyOptional({
      type: [String],
      maxItems: MAX_MENTIONS,
      description: 'User ids of workspace members to mention.',
    }),
    IsOptional(),
    IsMongoId({ each: true, message: 'Each person mentioned must be a member’s user id.' }),
    ArrayUnique({ message: 'Mention each person once.' }),
    ArrayMaxSize(MAX_MENTIONS, {
      message: `Mention at most ${MAX_MENTIONS} people in one comment.`,
    }),
    IsArray({ message: 'mentions must be a list of user ids.' }),
  );
