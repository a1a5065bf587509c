import { ApiProperty } from '@nestjs/swagger';
import type { SignInRequest } from '@coproduce/domain';
import { Transform } from 'class-transformer';
import { IsEmail, IsString, MaxLength, MinLength } from 'class-validator';
import { normalisedEmail } from '../../../base/validation';

export class SignInDto implements SignInRequest {
  @ApiProperty({ example: 'commissioner@demo.test' })
  @Transform(normalisedEmail)
  @MaxLength(254, { message: 'The email address must be 254 characters or fewer.' })
  @IsEmail({}, { message: 'Enter an email address in the correct format, like name@example.org.' })
  @IsString({ message: 'Enter your email address.' })
  email: string;

  @ApiProperty({ example: 'coproduce-demo' })
  @MinLength(1, { message: 'Enter your password.' })
  @MaxLength(200, { message: 'The password must be 200 characters or fewer.' })
  @IsString({ message: 'Enter your password.' })
  password: string;
}
