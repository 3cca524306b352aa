import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createGroup,
  createMethods,
  createOrganisation,
  createPractice,
  joinGroup,
} from '../../test-support/factories.js';
import { startTestServer, type TestServer } from '../../test-support/test-server.js';
import { createLogger } from '../../logger.js';
import { sendDigests } from './digest.sender.js';

let server: TestServer;
let smtp: SMTPServer;
let smtpUrl = '';
const received: Array<{ to: string; raw: string }> = [];

beforeAll(async () => {
  server = await startTestServer();
  await createMethods(server, ['survey']);
  smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    onData(stream, session, callback) {
      let raw = '';
      stream.on('data', (chunk: Buffer) => (raw += chunk.toString('utf8')));
      stream.on('end', () => {
        received.push({ to: session.envelope.rcptTo.map((r) => r.address).join(','), raw });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => smtp.listen(0, '127.0.0.1', resolve));
  smtpUrl = `smtp://127.0.0.1:${(smtp.server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  await new Promise<void>((resolve) => smtp.close(() => resolve()));
  await server?.close();
});

describe('e-mail digests', () => {
  it('sends each recipient one digest of their new notifications, once', async () => {
    const group = await createGroup(server);
    const owner = await createOrganisation(server);
    const peer = await createOrganisation(server);
    await joinGroup(server, owner, group);
    await joinGroup(server, peer, group);
    const practice = await createPractice(server, owner, group);
    const body =
      'Подробная рецензия: совет получателей услуг действительно влияет на решения, результаты возвращают семьям. '.repeat(
        2,
      );
    await server.gql(
      `mutation($input: CreateReviewInput!) { createReview(input: $input) { userErrors { code } } }`,
      {
        input: {
          practiceId: practice.id,
          scores: { relevance: 4, depth: 4, loopClosure: 4, evidence: 4, replicability: 4 },
          confidence: 4,
          body,
          submit: true,
        },
      },
      { token: peer.admin.token },
    );
    const opts = {
      ownerUrl: server.db.ownerUrl,
      smtpUrl,
      from: 'Отклик <no-reply@otklik.test>',
      publicUrl: server.url,
      logger: createLogger('silent'),
    };
    expect(await sendDigests(opts)).toBe(1);
    expect(received).toHaveLength(1);
    expect(received[0]!.to).toBe(owner.admin.user.email);
    expect(await sendDigests(opts)).toBe(0);
    const pending = await server.db.query('select count(*)::int as n from notification_outbox where sent_at is null');
    expect(pending[0]!.n).toBe(0);
  });

  it('keeps the outbox when the mail server is down, for the next run', async () => {
    const org = await createOrganisation(server);
    const moderator = await server.person({ realmRoles: ['MODERATOR'] });
    const group = await createGroup(server, { joinPolicy: 'MODERATED' });
    const requested = await server.gql(
      `mutation($id: ID!) { requestGroupMembership(groupId: $id) { membership { id } } }`,
      { id: group.id },
      { token: org.admin.token },
    );
    await server.gql(
      `mutation($id: ID!) { approveGroupMembership(membershipId: $id) { userErrors { code } } }`,
      { id: requested.data?.requestGroupMembership.membership.id },
      { token: moderator.token },
    );
    const down = {
      ownerUrl: server.db.ownerUrl,
      smtpUrl: 'smtp://127.0.0.1:9',
      from: 'x@otklik.test',
      publicUrl: server.url,
      logger: createLogger('silent'),
    };
    expect(await sendDigests(down)).toBe(0);
    const pending = await server.db.query('select attempts from notification_outbox where sent_at is null');
    expect(pending).toEqual([{ attempts: 1 }]);
  });
});
