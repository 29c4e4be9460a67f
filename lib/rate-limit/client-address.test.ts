import { describe, expect, it } from "vitest";
import { CLIENT_ADDRESS_HEADER, clientAddress, resolveClientAddress } from "./client-address";

describe("resolveClientAddress", () => {
  it("with no trusted proxy, takes the socket address and ignores X-Forwarded-For", () => {
    expect(resolveClientAddress("6.6.6.6", "203.0.113.9", 0)).toBe("203.0.113.9");
    expect(resolveClientAddress("6.6.6.6, 7.7.7.7", "203.0.113.9", 0)).toBe("203.0.113.9");
    expect(resolveClientAddress(undefined, "203.0.113.9", 0)).toBe("203.0.113.9");
  });

  it("with N trusted proxies, takes the entry N hops in from the right", () => {
    // client 198.51.100.7 → proxy A (appends it) → app sees A's socket.
    expect(resolveClientAddress("198.51.100.7", "10.0.0.2", 1)).toBe("198.51.100.7");
    // A forged leading entry is ignored: the trusted proxy's entry is the last one.
    expect(resolveClientAddress("6.6.6.6, 198.51.100.7", "10.0.0.2", 1)).toBe("198.51.100.7");
    // Two proxies: CDN appends the client, the load balancer appends the CDN.
    expect(resolveClientAddress("6.6.6.6, 198.51.100.7, 10.0.0.9", "10.0.0.2", 2)).toBe("198.51.100.7");
    // Several header lines are one list.
    expect(resolveClientAddress(["6.6.6.6", "198.51.100.7, 10.0.0.9"], "10.0.0.2", 2)).toBe("198.51.100.7");
  });

  it("falls back to the leftmost known address when the chain is shorter than the hops", () => {
    expect(resolveClientAddress(undefined, "10.0.0.2", 1)).toBe("10.0.0.2");
    expect(resolveClientAddress("198.51.100.7", "10.0.0.2", 3)).toBe("198.51.100.7");
    expect(resolveClientAddress(" , ", undefined, 0)).toBe("unknown");
  });

  it("folds IPv4-mapped IPv6 into IPv4", () => {
    expect(resolveClientAddress(undefined, "::ffff:127.0.0.1", 0)).toBe("127.0.0.1");
    expect(resolveClientAddress("::FFFF:198.51.100.7", "10.0.0.2", 1)).toBe("198.51.100.7");
    expect(resolveClientAddress(undefined, "2001:db8::1", 0)).toBe("2001:db8::1");
  });
});

describe("clientAddress", () => {
  it("reads only the address the server computed, never X-Forwarded-For or X-Real-IP", () => {
    expect(clientAddress(new Headers({ [CLIENT_ADDRESS_HEADER]: "203.0.113.9", "x-forwarded-for": "6.6.6.6" }))).toBe("203.0.113.9");
    expect(clientAddress({ [CLIENT_ADDRESS_HEADER]: "203.0.113.9" })).toBe("203.0.113.9");
    expect(clientAddress(new Headers({ "x-forwarded-for": "6.6.6.6", "x-real-ip": "7.7.7.7" }))).toBe("unknown");
    expect(clientAddress({})).toBe("unknown");
  });
});
