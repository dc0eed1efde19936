// Which addresses the fetcher refuses: every range a server-side request must not reach.
import { describe, expect, it } from "vitest";
import {
  BlockedAddressError,
  firstBlockedAddress,
  guardedLookup,
  isPrivateAddress,
  publicOnly,
} from "../../src/ingest/url-guard.js";

describe("isPrivateAddress", () => {
  it.each([
    "127.0.0.1",
    "127.8.9.10",
    "10.1.2.3",
    "172.16.0.1",
    "172.31.255.254",
    "192.168.1.1",
    "169.254.169.254",
    "100.64.0.1",
    "100.127.255.254",
    "0.0.0.0",
    "224.0.0.1",
    "255.255.255.255",
    "::1",
    "::",
    "fe80::1",
    "fc00::1",
    "fd12:3456::1",
    "::ffff:127.0.0.1",
    "::ffff:7f00:1",
    "::ffff:10.0.0.1",
    "not-an-ip",
  ])("refuses %s", (ip) => {
    expect(isPrivateAddress(ip)).toBe(true);
  });

  it.each([
    "8.8.8.8",
    "1.1.1.1",
    "172.32.0.1",
    "100.128.0.1",
    "93.184.216.34",
    "2606:4700:4700::1111",
    "::ffff:8.8.8.8",
  ])("allows %s", (ip) => {
    expect(isPrivateAddress(ip)).toBe(false);
  });

  it("checks what a host name resolves to, not just the literal", async () => {
    expect(await firstBlockedAddress("localhost", publicOnly)).toMatch(/^(127\.|::1$)/);
    expect(await firstBlockedAddress("8.8.8.8", publicOnly)).toBeNull();
  });

  it("refuses at connect time too, so a DNS answer that changes later is still caught", async () => {
    const err = await new Promise<unknown>((resolve) =>
      guardedLookup(publicOnly)("localhost", { all: true }, (e) => resolve(e)),
    );
    expect(err).toBeInstanceOf(BlockedAddressError);
  });
});
