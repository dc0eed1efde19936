// Originator names: alias keys, acronyms, short forms, and the store's originator rows after ingest.
import { afterEach, describe, expect, it } from "vitest";
import { ingestDraft } from "../../src/ingest/pipeline.js";
import {
  acronymOf,
  aliasKey,
  cleanName,
  type KnownOriginator,
  resolveOriginator,
} from "../../src/reconcile/originators.js";
import { listOriginators } from "../../src/store/originators.js";
import { draft, fig, stepsFor, tempStore } from "./helpers.js";

const SOHR: KnownOriginator = {
  id: 1,
  name: "Syrian Observatory for Human Rights",
  aliasKeys: ["syrian observatory for human rights", "sohr"],
};
const SNHR: KnownOriginator = {
  id: 2,
  name: "Syrian Network for Human Rights",
  aliasKeys: ["syrian network for human rights", "snhr"],
};

describe("alias keys and acronyms", () => {
  it("drops accents, case, 'the' and '-based' descriptors", () => {
    expect(aliasKey("the UK-based Syrian Observatory for Human Rights")).toBe(
      "syrian observatory for human rights",
    );
    expect(aliasKey("Britain-based Syrian Observatory for Human Rights (SOHR)")).toBe(
      "syrian observatory for human rights",
    );
    expect(aliasKey("Médecins Sans Frontières")).toBe("medecins sans frontieres");
    expect(cleanName("the London-based Amnesty International")).toBe("Amnesty International");
    expect(cleanName("Latakia and Tartous. The UK-based Syrian Observatory for Human Rights")).toBe(
      "Syrian Observatory for Human Rights",
    );
    expect(cleanName("U.S. Agency for International Development")).toBe(
      "U.S. Agency for International Development",
    );
  });

  it("makes acronyms of proper names only", () => {
    expect(acronymOf("Syrian Observatory for Human Rights")).toBe("SOHR");
    expect(acronymOf("National Disaster Management Authority")).toBe("NDMA");
    expect(acronymOf("Syrian security sources")).toBeNull();
    expect(acronymOf("Health Ministry")).toBeNull();
  });
});

describe("resolveOriginator", () => {
  it("finds an originator by alias, acronym, descriptor-prefixed name or short form", () => {
    for (const raw of ["SOHR", "the UK-based Syrian Observatory for Human Rights", "Syrian Observatory"])
      expect(resolveOriginator(raw, [SOHR, SNHR])).toMatchObject({ kind: "existing", id: 1 });
    expect(resolveOriginator("SNHR", [SOHR, SNHR])).toMatchObject({ kind: "existing", id: 2 });
  });

  it("does not take a one-word or ambiguous short form for a known name", () => {
    expect(resolveOriginator("Syrian", [SOHR])?.kind).toBe("new");
    const twoSyrianObservatories: KnownOriginator = { ...SNHR, id: 3, name: "Syrian Observatory for Peace" };
    expect(resolveOriginator("Syrian Observatory", [SOHR, twoSyrianObservatories])?.kind).toBe("new");
  });

  it("keeps a different body that begins with a known name apart, and folds in its spokesman", () => {
    const un: KnownOriginator = { id: 4, name: "United Nations", aliasKeys: ["united nations"] };
    expect(resolveOriginator("United Nations Children's Fund", [un])?.kind).toBe("new");
    const ministry: KnownOriginator = { id: 5, name: "Health Ministry", aliasKeys: ["health ministry"] };
    expect(resolveOriginator("Health Ministry spokesman", [ministry])).toMatchObject({
      kind: "existing",
      id: 5,
    });
  });

  it("renames a short form or an acronym once the full name appears", () => {
    const short: KnownOriginator = { id: 7, name: "Syrian Observatory", aliasKeys: ["syrian observatory"] };
    expect(resolveOriginator("Syrian Observatory for Human Rights", [short])).toMatchObject({
      kind: "rename",
      id: 7,
      name: "Syrian Observatory for Human Rights",
    });
    const acronym: KnownOriginator = { id: 8, name: "NDMA", aliasKeys: ["ndma"] };
    expect(resolveOriginator("National Disaster Management Authority", [acronym])).toMatchObject({
      kind: "rename",
      id: 8,
    });
  });
});

describe("originators in the store", () => {
  const cleanups: (() => void)[] = [];
  afterEach(() => {
    for (const c of cleanups.splice(0)) c();
  });

  it("gives the same originator to every spelling, and figures their originator_id", () => {
    const { store, cleanup } = tempStore();
    cleanups.push(cleanup);
    const a = draft("Clashes in Latakia and Tartous: the Syrian Observatory counted the dead in Latakia.", {
      published: "2025-03-08",
    });
    const b = draft(
      "Latakia and Tartous clashes: SOHR gave a toll for Latakia, the Syrian Observatory said.",
      {
        published: "2025-03-08",
      },
    );
    const c = draft("More on Latakia and Tartous from the UK-based Syrian Observatory for Human Rights.", {
      published: "2025-03-09",
    });
    const steps = stepsFor(
      new Map([
        [a.text, { figures: [fig({ count: 100, source: "Syrian Observatory" })], statements: [] }],
        [b.text, { figures: [fig({ count: 100, source: "SOHR" })], statements: [] }],
        [
          c.text,
          {
            figures: [fig({ count: 100, source: "the UK-based Syrian Observatory for Human Rights (SOHR)" })],
            statements: [],
          },
        ],
      ]),
    );
    for (const d of [a, c, b]) ingestDraft(store, d, steps);
    const list = listOriginators(store);
    expect(list).toHaveLength(1);
    expect(list[0]!.name).toBe("Syrian Observatory for Human Rights");
    expect(list[0]!.figures).toBe(3);
    expect(list[0]!.aliases).toEqual(expect.arrayContaining(["SOHR", "Syrian Observatory"]));
  });
});
