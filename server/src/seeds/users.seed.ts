import { z } from 'zod';
import type { DevClient, DevUser } from '../dev-idp/dev-idp.types.js';
import { MemberRole } from '../modules/member/member-role.js';
import { readSeedFile } from './seed-file.js';

const FILE = 'users.yaml';

const user = z.strictObject({
  id: z.uuid(),
  username: z.string().regex(/^[a-z0-9][a-z0-9._-]*$/, 'lower-case letters, digits, ".", "_" or "-"'),
  password: z.string().min(8),
  email: z.email(),
  emailVerified: z.boolean(),
  name: z.string().min(1),
  realmRoles: z.array(z.string().min(1)).default([]),
});

const serviceAccount = z.strictObject({
  clientId: z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'lower-case letters, digits or "-"'),
  secret: z.string().min(16),
  id: z.uuid(),
  organisation: z.string().min(1),
  role: z.enum(MemberRole),
});

const usersFile = z
  .strictObject({
    users: z.array(user),
    serviceAccounts: z.array(serviceAccount).default([]),
  })
  .superRefine((file, ctx) => {
    const unique = <T>(items: T[], key: (item: T) => string, list: string, field: string) => {
      const seen = new Set<string>();
      items.forEach((item, index) => {
        const value = key(item).toLowerCase();
        if (seen.has(value))
          ctx.addIssue({ code: 'custom', path: [list, index, field], message: `duplicate ${field} "${value}"` });
        seen.add(value);
      });
    };
    unique(file.users, (u) => u.id, 'users', 'id');
    unique(file.users, (u) => u.username, 'users', 'username');
    unique(file.users, (u) => u.email, 'users', 'email');
    unique(file.serviceAccounts, (s) => s.clientId, 'serviceAccounts', 'clientId');
    unique(file.serviceAccounts, (s) => s.id, 'serviceAccounts', 'id');
    const userIds = new Set(file.users.map((u) => u.id));
    file.serviceAccounts.forEach((s, index) => {
      if (userIds.has(s.id))
        ctx.addIssue({ code: 'custom', path: ['serviceAccounts', index, 'id'], message: 'id is also a user id' });
    });
  });

export type ServiceAccountSeed = z.infer<typeof serviceAccount>;

/** Demo people and service accounts of the development IdP, from `seeds/users.yaml`. */
export async function loadDevUsers(
  seedsDir: string,
): Promise<{ users: DevUser[]; serviceAccounts: ServiceAccountSeed[] }> {
  return readSeedFile(seedsDir, FILE, usersFile);
}

/** The development IdP's confidential clients for the seeded service accounts. */
export function serviceAccountClients(serviceAccounts: ServiceAccountSeed[]): DevClient[] {
  return serviceAccounts.map(({ clientId, secret, id }) => ({ clientId, secret, id }));
}
