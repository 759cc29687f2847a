import { describe, expect, it } from "vitest";
import { BoundedMap } from "../../src/internal/bounded-map.js";

describe("BoundedMap", () => {
  it("empties itself when a new key would pass the limit", () => {
    const map = new BoundedMap<string, number>(2);
    map.set("a", 1).set("b", 2);
    map.set("c", 3);
    expect([...map]).toEqual([["c", 3]]);
  });

  it("updates a key it holds without emptying itself", () => {
    const map = new BoundedMap<string, number>(2);
    map.set("a", 1).set("b", 2).set("a", 3);
    expect([...map]).toEqual([
      ["a", 3],
      ["b", 2],
    ]);
  });
});
