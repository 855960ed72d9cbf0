/**
 * Console accounts from the command line (the first admin is created here):
 *   npm run admin:user -- add NAME --role admin|approver|editor|viewer   (password from stdin, or generated and printed)
 *   npm run admin:user -- password NAME                                  (new password from stdin, or generated)
 *   npm run admin:user -- list
 * Reads DATA_DIR like the server. Changes are audited with the actor "cli".
 */
import { parseArgs } from 'node:util';
import { createAccountRepository } from '../admin/auth/account-repository.js';
import { AccountRuleError, createAccountService } from '../admin/auth/account-service.js';
import { isRole } from '../admin/auth/roles.js';
import { createAuditLog } from '../broadcast/audit-log.js';
import { parseConfig } from '../config/parse-config.js';
import { createI18n } from '../i18n/create-i18n.js';
import { systemClock } from '../shared/clock.js';
import { openDatabase } from '../storage/open-database.js';

const CLI_ACTOR = 'cli';

async function readStdinPassword(): Promise<string | undefined> {
  if (process.stdin.isTTY) return undefined;
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  const text = Buffer.concat(chunks)
    .toString('utf8')
    .replace(/\r?\n$/, '');
  return text.length > 0 ? text : undefined;
}

async function main(): Promise<number> {
  const t = createI18n().getFixedT('vi', 'admin');
  const { values, positionals } = parseArgs({ options: { role: { type: 'string' } }, allowPositionals: true });
  const [command, name] = positionals;
  const config = parseConfig(process.env);
  const db = openDatabase(config.databaseFile);
  const accounts = createAccountRepository({ db, clock: systemClock });
  const service = createAccountService({ db, accounts, audit: createAuditLog({ db, clock: systemClock }) });
  try {
    if (command === 'list') {
      for (const a of accounts.list()) {
        console.log(`${a.name}\t${t(`roles.${a.role}`)}${a.disabledAt === null ? '' : `\t${t('cli.disabled')}`}`);
      }
      return 0;
    }
    if (command === 'add' && name && isRole(values.role)) {
      const { account, generatedPassword } = await service.add(CLI_ACTOR, {
        name,
        role: values.role,
        password: await readStdinPassword(),
      });
      console.log(t('cli.created', { name: account.name, role: t(`roles.${account.role}`) }));
      if (generatedPassword) console.log(t('cli.generated', { password: generatedPassword }));
      return 0;
    }
    if (command === 'password' && name) {
      const found = accounts.findCredentials(name);
      if (!found) throw new AccountRuleError('not_found');
      const { generatedPassword } = await service.resetPassword(CLI_ACTOR, found.account.id, await readStdinPassword());
      console.log(t('cli.passwordChanged', { name: found.account.name }));
      if (generatedPassword) console.log(t('cli.generated', { password: generatedPassword }));
      return 0;
    }
    console.error(t('cli.usage'));
    return 2;
  } catch (err) {
    if (err instanceof AccountRuleError) {
      console.error(t(`users.errors.${err.code}`));
      return 1;
    }
    throw err;
  } finally {
    db.close();
  }
}

process.exitCode = await main();
