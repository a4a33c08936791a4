import TestAgent from 'supertest/lib/agent';
import { API } from './test-app';

export interface NewUser {
  username: string;
  displayName: string;
  agencyId: string;
  roles: string[];
}

/**
 * Creates a user as an admin and lets the user choose `password` with the setup code from the
 * answer (mail is off in tests unless a test turns it on), as a real user would. Returns the
 * created user's id.
 */
export async function createUserWithPassword(
  http: TestAgent,
  adminAuthorization: string,
  user: NewUser,
  password: string,
): Promise<string> {
  const created = await http.post(`${API}/users`).set('authorization', adminAuthorization).send(user);
  if (created.status !== 201) throw new Error(`creating ${user.username} failed with ${created.status}`);
  const { setupCode } = created.body.setup as { setupCode: string };
  const setup = await http
    .post(`${API}/auth/setup`)
    .send({ username: user.username, code: setupCode, newPassword: password });
  if (setup.status !== 204) throw new Error(`setting ${user.username}'s password failed with ${setup.status}`);
  return created.body.id as string;
}
