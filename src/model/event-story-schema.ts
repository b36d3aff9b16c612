/** Events on the timeline, and stories: guided tours of steps, each a map view at a date. */
import * as z from "zod";
import {
  coordinatesSchema,
  idSchema,
  isoDateSchema,
  items,
  LIMITS,
  list,
  notes,
  sourceRefs,
  text,
  title,
} from "./schema-fields";

export const EVENT_KINDS = [
  "activation",
  "retirement",
  "outage",
  "attack",
  "reroute",
  "note",
] as const;

export const eventSchema = z.strictObject({
  id: idSchema,
  date: isoDateSchema,
  end: isoDateSchema.optional(),
  kind: z.enum(EVENT_KINDS, { error: `not an event kind (${EVENT_KINDS.join(", ")})` }),
  title: title(),
  description: text("description").optional(),
  links: items(idSchema, "link ids").optional(),
  nodes: items(idSchema, "node ids").optional(),
  sources: sourceRefs,
  ...notes,
});

export const viewSchema = z.strictObject({
  center: coordinatesSchema,
  zoom: z.number().min(0, { error: "zoom is below 0" }).max(22, { error: "zoom is above 22" }),
  bearing: z
    .number()
    .min(-180, { error: "bearing is outside -180…180" })
    .max(180, { error: "bearing is outside -180…180" })
    .optional(),
  pitch: z
    .number()
    .min(0, { error: "pitch is outside 0…85" })
    .max(85, { error: "pitch is outside 0…85" })
    .optional(),
});

export const selectionSchema = z
  .string({ error: "expected a selection" })
  .max(105, { error: "not a selection (link:ID or node:ID)" })
  .regex(/^(link|node):[a-z0-9][a-z0-9-]*$/, { error: "not a selection (link:ID or node:ID)" });

export const storyStepSchema = z.strictObject({
  title: title(),
  caption: text("caption"),
  view: viewSchema,
  date: isoDateSchema,
  select: selectionSchema.optional(),
  sources: items(idSchema, "source ids").optional(),
});

export const storySchema = z.strictObject({
  id: idSchema,
  title: title(),
  description: text("description").optional(),
  steps: list(storyStepSchema, {
    what: "steps",
    max: LIMITS.stories,
    min: [1, "a story needs at least one step"],
  }),
});

export type TopologyEvent = z.output<typeof eventSchema>;
export type StoryStep = z.output<typeof storyStepSchema>;
export type Story = z.output<typeof storySchema>;
export type EventKind = (typeof EVENT_KINDS)[number];
