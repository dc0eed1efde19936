// `tollwatch`: the command line. Each subcommand lives in src/cli/.
import { Command, CommanderError } from "commander";
import { registerAnswers } from "./cli/answers.js";
import { CliExit, config, EXIT_REFUSED } from "./cli/common.js";
import { registerDeployCommands } from "./cli/deploy-commands.js";
import { registerExtract } from "./cli/extract.js";
import { registerFeeds } from "./cli/feeds.js";
import { registerIngest } from "./cli/ingest.js";
import { registerStart } from "./cli/start.js";

const program = new Command();
program
  .name("tollwatch")
  .description("Casualty figures with who counted them, statements with who said them.")
  .exitOverride()
  .showHelpAfterError("(run with --help for usage)")
  // bad configuration is reported before any command runs, whatever its options
  .hook("preAction", () => {
    config();
  });

registerIngest(program);
registerExtract(program);
registerStart(program);
registerFeeds(program);
registerAnswers(program);
registerDeployCommands(program);

try {
  await program.parseAsync(process.argv);
} catch (e) {
  if (e instanceof CliExit) process.exitCode = e.code;
  else if (e instanceof CommanderError) {
    // help and version are not errors; everything else commander reports is a usage error
    process.exitCode = e.exitCode === 0 ? 0 : EXIT_REFUSED;
  } else {
    process.stderr.write(`tollwatch: ${(e as Error).message}\n`);
    process.exitCode = 1;
  }
}
