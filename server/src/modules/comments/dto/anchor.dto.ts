import { ApiProperty } from '@nestjs/swagger';
import type { Anchor } from '@coproduce/domain';
import { IsString } from 'class-validator';

/** Its shape only; whether it decodes and points into the text is `parseAnchor`'s and the service's. */
export class AnchorDto implements Anchor {
  @ApiProperty({ description: 'Base64 of Y.encodeRelativePosition of the first character.' })
  @IsString({ message: "An anchor's start must be text. Select the text again." })
  start: string;

  @ApiProperty({ description: 'Base64 of Y.encodeRelativePosition of the last character.' })
  @IsString({ message: "An anchor's end must be text. Select the text again." })
  end: string;
}
