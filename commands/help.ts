import type { CommandDefinition } from "../src/core/command.js";

export const help: CommandDefinition = {
  name: "help",
  description: "What tollwatch can answer",
  options: [],
  handler: () => ({
    command: "help",
    ok: true,
    title: "tollwatch answers",
    blocks: [
      {
        kind: "list",
        items: [
          { text: "/toll [story]", meta: "the current death toll, per source, never averaged" },
          {
            text: "/who-said [words] [--speaker NAME] [--story NAME]",
            meta: "official statements, newest first",
          },
        ],
      },
    ],
    data: { commands: ["toll", "who-said"] },
  }),
};
