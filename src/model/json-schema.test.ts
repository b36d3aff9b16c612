import { describe, expect, it } from "vitest";
import { buildTopologyJsonSchema } from "./json-schema";

type Node = Record<string, unknown>;

/** The node at `path` (property names and array indices) of the schema. */
function at(root: unknown, ...path: (string | number)[]): Node {
  let node = root;
  for (const key of path) node = (node as Record<string | number, unknown>)[key];
  if (node === undefined || node === null) throw new Error(`nothing at ${path.join(".")}`);
  return node as Node;
}

const linkProperties = (schema: unknown) =>
  at(schema, "properties", "links", "items", "properties");

describe("the published JSON Schema", () => {
  it("lists the four forms of a link's path: vertices, compact, and parts of either", () => {
    const path = at(linkProperties(buildTopologyJsonSchema()), "path");
    const forms = path.anyOf as Node[];
    expect(forms).toHaveLength(4);
    expect(forms.map((f) => f.type)).toEqual(["array", "string", "array", "array"]);
    expect(at(forms[2], "items", "items", "prefixItems")).toHaveLength(2);
    expect(at(forms[3], "items").type).toBe("string");
    expect(forms[2]?.maxItems).toBe(1_000);
    expect(at(forms[2], "items").maxItems).toBe(10_000);
    expect(String(forms[2]?.description)).toContain("trunk and branches");
  });

  it("describes the new fields of links, networks and datasets", () => {
    const schema = buildTopologyJsonSchema();
    const link = linkProperties(schema);
    for (const field of ["networks", "active", "planned", "formerNames"]) {
      expect(link[field], field).toHaveProperty("description");
    }
    expect(String(at(link, "networks").description)).toContain("AS number");
    const network = at(schema, "properties", "networks", "items");
    expect(network.required).toEqual(["name"]);
    for (const field of ["id", "asn", "url"]) {
      expect(at(network, "properties", field), field).toHaveProperty("description");
    }
    const license = at(schema, "properties", "license");
    expect(license.required).toEqual(["name"]);
    expect(String(license.description)).toContain("SPDX");
    expect(at(schema, "properties", "sources", "items", "properties", "license")).toHaveProperty(
      "description",
    );
  });

  it("documents the link table's new columns", () => {
    const table = at(buildTopologyJsonSchema(), "properties", "linkTable", "properties");
    for (const column of ["planned", "formerNames", "note", "assumptions"]) {
      expect(String(at(table, column).description), column).toContain("none");
    }
    expect(at(table, "path", "items").anyOf).toHaveLength(4);
  });

  it("is plain JSON: it survives a round trip through JSON text unchanged", () => {
    const schema = buildTopologyJsonSchema();
    expect(JSON.parse(JSON.stringify(schema))).toEqual(schema);
  });
});
