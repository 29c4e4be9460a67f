import { describe, expect, it } from "vitest";
import { insertNewTier, joinTier, moveDown, moveUp, unrank } from "./ranking";

describe("ballot ranking edits", () => {
  it("builds a ranking best-first from nothing", () => {
    let t = insertNewTier([], "a", 0);
    t = insertNewTier(t, "b", t.length);
    t = joinTier(t, "c", 0);
    expect(t).toEqual([["a", "c"], ["b"]]);
  });

  it("moving up out of a tie places the candidate alone just above it", () => {
    expect(moveUp([["x"], ["a", "b"]], "b")).toEqual([["x"], ["b"], ["a"]]);
  });

  it("moving a lone candidate swaps it with the neighbouring rank, tie included", () => {
    expect(moveUp([["a", "b"], ["c"]], "c")).toEqual([["c"], ["a", "b"]]);
    expect(moveDown([["c"], ["a", "b"]], "c")).toEqual([["a", "b"], ["c"]]);
  });

  it("does nothing past the ends", () => {
    expect(moveUp([["a"], ["b"]], "a")).toEqual([["a"], ["b"]]);
    expect(moveDown([["a"], ["b"]], "b")).toEqual([["a"], ["b"]]);
  });

  it("never leaves an empty rank behind", () => {
    expect(unrank([["a"], ["b"], ["c"]], "b")).toEqual([["a"], ["c"]]);
    expect(joinTier([["a"], ["b"], ["c"]], "b", 2)).toEqual([["a"], ["c", "b"]]);
    expect(insertNewTier([["a"], ["b"]], "a", 2)).toEqual([["b"], ["a"]]);
  });

  it("ignores a candidate that is not ranked", () => {
    const t = [["a"]];
    expect(moveUp(t, "z")).toBe(t);
    expect(moveDown(t, "z")).toBe(t);
  });
});
