import { describe, expect, it } from "vitest";
import { bodyLimitFor, DEFAULT_BODY_LIMIT, nestingDepth, UPLOAD_BODY_LIMIT } from "./request-body";

describe("bodyLimitFor", () => {
  it("allows the large limit only on the pages that upload files", () => {
    expect(bodyLimitFor("/admin/import")).toBe(UPLOAD_BODY_LIMIT);
    expect(bodyLimitFor("/c/harbor/elections/harbor-2026/manage")).toBe(UPLOAD_BODY_LIMIT);
    // A step page of the dashboard (the electorate upload is one).
    expect(bodyLimitFor("/c/harbor/elections/harbor-2026/manage/electorate")).toBe(UPLOAD_BODY_LIMIT);
    expect(bodyLimitFor("/c/harbor/elections/harbor-2026/manage/electorate/more")).toBe(DEFAULT_BODY_LIMIT);
    expect(bodyLimitFor("/c/harbor/elections/harbor-2026/vote")).toBe(DEFAULT_BODY_LIMIT);
    expect(bodyLimitFor("/c/harbor/admin")).toBe(DEFAULT_BODY_LIMIT);
    // Old addresses only redirect: they never take an upload.
    expect(bodyLimitFor("/elections/harbor-2026/manage")).toBe(DEFAULT_BODY_LIMIT);
    expect(bodyLimitFor("/admin")).toBe(DEFAULT_BODY_LIMIT);
    expect(bodyLimitFor("/")).toBe(DEFAULT_BODY_LIMIT);
  });
});

describe("nestingDepth", () => {
  const text = (s: string) => nestingDepth(Buffer.from(s), "text/plain;charset=UTF-8");

  it("measures arrays and objects, not brackets inside strings", () => {
    expect(text('["$K1",[["a","b"],["c"]]]')).toBe(3);
    expect(text('{"a":{"b":[1]}}')).toBe(3);
    expect(text('["[[[[", "\\"[[[[["]')).toBe(1);
    expect(text("plain text")).toBe(0);
    expect(text("[".repeat(100_000) + "]".repeat(100_000))).toBe(100_000);
  });

  it("measures each multipart field but skips uploaded files", () => {
    const b = "----x";
    const body = Buffer.from(
      [
        `--${b}`,
        'Content-Disposition: form-data; name="1_0"',
        "",
        '[["a"],["b"]]',
        `--${b}`,
        'Content-Disposition: form-data; name="files"; filename="README.md"',
        "Content-Type: text/markdown",
        "",
        "[".repeat(1000),
        `--${b}`,
        'Content-Disposition: form-data; name="0"',
        "",
        "[".repeat(300),
        `--${b}--`,
        "",
      ].join("\r\n"),
    );
    expect(nestingDepth(body, `multipart/form-data; boundary=${b}`)).toBe(300);
    expect(nestingDepth(body, `multipart/form-data; boundary="${b}"`)).toBe(300);
  });
});
