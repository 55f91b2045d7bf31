import { describe, expect, it } from 'vitest';
import { AppError, appErrorFrom } from './errors';

describe('appErrorFrom', () => {
  it('rebuilds the AppError a transport carried: same code, message and details', () => {
    const thrown = new AppError('storage', 'The disk is full; your change is kept and retried.', { unsaved: true });
    const received = appErrorFrom(JSON.parse(JSON.stringify(thrown.toBody())).error, 'fallback');
    expect(received).toBeInstanceOf(AppError);
    expect(received).toMatchObject({ code: 'storage', message: thrown.message, details: { unsaved: true } });
    expect(received.status).toBe(500);
  });

  it('turns a code this version does not know into internal, and a missing message into the fallback', () => {
    const received = appErrorFrom({ code: 'from_the_future', message: '' }, 'The request failed (500).');
    expect(received).toMatchObject({ code: 'internal', message: 'The request failed (500).' });
    expect(appErrorFrom(undefined, 'No answer.')).toMatchObject({ code: 'internal', message: 'No answer.' });
  });
});
