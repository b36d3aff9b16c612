import { describe, expect, it } from "vitest";
import { parseTopology } from "../model/parse-topology";
import type { Story } from "../model/schema";
import { validTopologyInput } from "../model/test-fixtures";
import { createAppStore } from "../state/store";
import { captureStep, checkStory } from "./story-recorder";

const fixture = () => parseTopology(validTopologyInput(), "test.json");

describe("captureStep", () => {
  it("captures the date, the selection and the camera rounded as a person would write it", () => {
    const store = createAppStore({
      date: "2015-06-01",
      selection: { kind: "link", id: "ab" },
      camera: { center: [125.123456, 39.987654], zoom: 5.4321, bearing: 12.345, pitch: 40.6 },
    });
    expect(captureStep(store, "Title", "Caption")).toEqual({
      title: "Title",
      caption: "Caption",
      view: { center: [125.1235, 39.9877], zoom: 5.43, bearing: 12.3, pitch: 41 },
      date: "2015-06-01",
      select: "link:ab",
    });
  });

  it("captures a world view without a camera, and leaves out a level, north-up camera's angles", () => {
    expect(captureStep(createAppStore({ date: "2015-06-01" }), "T", "C").view).toEqual({
      center: [0, 20],
      zoom: 1.5,
    });
    const level = createAppStore({ camera: { center: [1, 2], zoom: 3, bearing: 0, pitch: 0 } });
    expect(captureStep(level, "T", "C")).toEqual({
      title: "T",
      caption: "C",
      view: { center: [1, 2], zoom: 3 },
      date: "1970-01-01",
    });
  });
});

describe("checkStory", () => {
  it("finds nothing wrong with a story the dataset's schema accepts", () => {
    const story: Story = {
      id: "mine",
      title: "Mine",
      steps: [
        { title: "One", caption: "Text", view: { center: [125, 40], zoom: 5 }, date: "2012-01-01" },
      ],
    };
    expect(checkStory(fixture(), story)).toEqual([]);
  });

  it("names each problem of a story, such as an unknown link or an empty list of steps", () => {
    const story: Story = {
      id: "mine",
      title: "Mine",
      steps: [
        {
          title: "One",
          caption: "Text",
          view: { center: [125, 40], zoom: 5 },
          date: "2012-01-01",
          select: "link:nope",
        },
      ],
    };
    const problems = checkStory(fixture(), story);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toContain("nope");
    expect(checkStory(fixture(), { ...story, steps: [] }).join("\n")).toContain(
      "a story needs at least one step",
    );
  });
});
