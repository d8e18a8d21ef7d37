import { expect, it } from "vitest";
import { NodeTable, ROOT_NODE } from "./node-table.js";

it("names the session's root node 1 and other inodes ino + 1", () => {
  const nodes = new NodeTable(40);
  expect(nodes.remember("/", 40)).toBe(ROOT_NODE);
  expect(nodes.remember("/a", 7)).toBe(8);
  expect(nodes.childPath(8, "b")).toBe("/a/b");
  expect(nodes.childPath(1, "x/y")).toBeUndefined();
});

it("moves the paths below a renamed directory and drops forgotten nodes", () => {
  const nodes = new NodeTable(40);
  const dir = nodes.remember("/a", 7);
  const file = nodes.remember("/a/f", 9);
  const other = nodes.remember("/ab", 11);
  nodes.moved("/a", "/z");
  expect([nodes.pathOf(dir), nodes.pathOf(file), nodes.pathOf(other)]).toEqual([
    "/z",
    "/z/f",
    "/ab",
  ]);
  nodes.remember("/z/f", 9);
  nodes.forget(file, 1);
  expect(nodes.pathOf(file)).toBe("/z/f");
  nodes.forget(file, 1);
  expect(nodes.pathOf(file)).toBeUndefined();
  nodes.forget(ROOT_NODE, 5);
  expect(nodes.pathOf(ROOT_NODE)).toBe("/");
});
