import type { CliCommand } from './cli-command';
import { appsListCommand } from './commands/apps-list-command';
import { importCommand } from './commands/import-command';
import { packBuildCommand } from './commands/pack-build-command';
import { packExportCommand } from './commands/pack-export-command';
import { packInstallCommand } from './commands/pack-install-command';
import { packUpgradeCommand } from './commands/pack-upgrade-command';
import { packValidateCommand } from './commands/pack-validate-command';
import { serveCommand } from './commands/serve-command';
import { usersAddCommand } from './commands/users-add-command';

/** Every `lattice` command. To add one, write `commands/<name>-command.ts` and list it here. */
export const COMMAND_TABLE: readonly CliCommand[] = [
  serveCommand,
  usersAddCommand,
  appsListCommand,
  packValidateCommand,
  packBuildCommand,
  packInstallCommand,
  packUpgradeCommand,
  packExportCommand,
  importCommand,
];
