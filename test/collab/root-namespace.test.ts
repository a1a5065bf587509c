import { io } from 'socket.io-client';
import { DEMO_EMAIL, signIn } from '../support/api';
import { collabApp } from '../support/collab';

/** What a socket.io client gets from a namespace: connected, or the refusal's message. */
function connectTo(url: string, token?: string): Promise<{ connected: boolean; message?: string }> {
  const socket = io(url, {
    auth: token ? { token } : {},
    transports: ['websocket'],
    reconnection: false,
  });
  return new Promise((resolve) => {
    socket.once('connect', () => {
      socket.close();
      resolve({ connected: true });
    });
    socket.once('connect_error', (error) => {
      socket.close();
      resolve({ connected: false, message: error.message });
    });
  });
}

describe('socket.io namespaces other than /collab', () => {
  const app = collabApp();

  it('the root namespace admits nobody, signed in or not', async () => {
    expect(await connectTo(app.url)).toEqual({
      connected: false,
      message: 'Live editing is served on /collab only.',
    });
    const token = await signIn(app.url, DEMO_EMAIL.commissioner);
    expect(await connectTo(app.url, token)).toMatchObject({ connected: false });
    expect(await connectTo(`${app.url}/collab`, token)).toEqual({ connected: true });
  });
});
