import { describe, expect, it } from "vitest";
import { entryScripts, staticImports } from "./bundle-size";

describe("entryScripts", () => {
  it("lists module scripts and module preloads, not stylesheets or classic scripts", () => {
    const html = `<script type="module" crossorigin src="./assets/index.js"></script>
      <link rel="modulepreload" crossorigin href="./assets/chunk.js">
      <link rel="stylesheet" href="./assets/index.css"><script src="./legacy.js"></script>`;
    expect(entryScripts(html)).toEqual(["./assets/index.js", "./assets/chunk.js"]);
  });
});

describe("staticImports", () => {
  it("finds static imports and re-exports in minified code, never dynamic import()", () => {
    const code = `import{a as b}from"./x.js";import"./y.js";import c,{d}from"../z.js";export*from"./w.js";const q=import("./lazy.js");import.meta.url;`;
    expect(staticImports(code)).toEqual(["./x.js", "./y.js", "../z.js", "./w.js"]);
  });

  it("ignores bare specifiers (those are bundled)", () => {
    expect(staticImports(`import{a}from"maplibre-gl";`)).toEqual([]);
  });
});
