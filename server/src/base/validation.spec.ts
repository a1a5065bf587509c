import { IsIn, IsString, MinLength } from 'class-validator';
import { createValidationPipe } from './validation';
import { BadRequest } from './errors';

class Title {
  @IsString({ message: 'Enter a title.' })
  @MinLength(1, { message: 'Enter a title.' })
  title: string;

  @IsIn(['draft'], { message: 'Choose a status.' })
  status: string;
}

async function rejectionOf(value: unknown): Promise<BadRequest> {
  const pipe = createValidationPipe();
  try {
    await pipe.transform(value, { type: 'body', metatype: Title });
  } catch (error) {
    if (error instanceof BadRequest) return error;
    throw error;
  }
  throw new Error('expected the pipe to refuse the value');
}

describe('request validation', () => {
  it('names each field that is wrong, once', async () => {
    const error = await rejectionOf({ title: 42 });
    expect(error.message).toBe('Enter a title. Choose a status.');
    expect(error.status).toBe(400);
  });

  it('refuses unknown fields rather than dropping them', async () => {
    const error = await rejectionOf({ title: 'A', status: 'draft', owner: 'me' });
    expect(error.message).toBe('"owner" is not a field this request accepts; remove it.');
  });

  it('refuses a body that is not an object', async () => {
    expect((await rejectionOf([1, 2])).code).toBe('bad-request');
    expect((await rejectionOf('text')).code).toBe('bad-request');
  });
});
