import { parseArgs } from 'node:util';
import { systemClock } from '@lattice/engine/storage';
import { createUserStore } from '../../server/auth/user-store';
import type { CliCommand } from '../cli-command';
import { openConfiguredDatabase } from '../open-configured-database';

/** `lattice users add <username> --password … [--roles a,b] [--region r] [--department d] [--name n]`. */
export const usersAddCommand: CliCommand = {
  name: 'users add',
  summary: 'Create a user / 新建用户',
  usage:
    'lattice users add <username> --password <pw> [--roles a,b] [--region r] [--department d] [--name n]',
  async run(args, io) {
    const { values, positionals } = parseArgs({
      args,
      allowPositionals: true,
      options: {
        password: { type: 'string' },
        roles: { type: 'string' },
        region: { type: 'string' },
        department: { type: 'string' },
        name: { type: 'string' },
      },
    });
    const username = positionals[0];
    if (!username || !values.password) {
      io.err(`usage: ${this.usage}`);
      return 2;
    }
    if (values.password.length < 8) {
      io.err('password must have at least 8 characters / 密码至少 8 位');
      return 2;
    }
    const db = await openConfiguredDatabase(io);
    try {
      const users = createUserStore(db, systemClock);
      if (await users.findByUsername(username)) {
        io.err(`user ${username} already exists / 用户已存在`);
        return 1;
      }
      const user = await users.create({
        username,
        password: values.password,
        displayName: values.name ?? username,
        roles: (values.roles ?? '')
          .split(',')
          .map((r) => r.trim())
          .filter(Boolean),
        region: values.region ?? null,
        department: values.department ?? null,
      });
      io.out(`created ${user.username} (${user.id}) roles=${user.roles.join(',') || '-'}`);
      return 0;
    } finally {
      await db.close();
    }
  },
};
