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
          { text: "/alerts [story] [--all]", meta: "where sources disagree or revise their figures" },
          { text: "/stories", meta: "the events tollwatch is following" },
          { text: "/sources [story]", meta: "who counted: each source and its figures over time" },
        ],
      },
    ],
    data: { commands: ["toll", "who-said", "alerts", "stories", "sources"] },
  }),
};
