/** Composition root: loads the catalog and the default dataset, then builds the UI. */
import { loadCatalog, loadTopology } from "./model/load";
import { setupDatasetSummary } from "./ui/dataset-summary";

const root = document.getElementById("app") as HTMLElement;
const setState = (state: "loading" | "ready" | "error") => {
  document.documentElement.dataset.state = state;
  root.setAttribute("aria-busy", String(state === "loading"));
};

function showError(message: string): void {
  const alert = document.createElement("div");
  alert.className = "alert";
  alert.setAttribute("role", "alert");
  alert.textContent = message;
  root.replaceChildren(alert);
  setState("error");
}

async function start(): Promise<void> {
  const catalog = await loadCatalog("data/index.json");
  const requested = new URLSearchParams(location.hash.slice(1)).get("ds") ?? catalog.default;
  const entry = catalog.datasets.find((d) => d.id === requested);
  if (!entry) {
    throw new Error(
      `ds: unknown dataset "${requested}" (known: ${catalog.datasets.map((d) => d.id).join(", ")})`,
    );
  }
  const topology = await loadTopology(`data/${entry.file}`);
  root.replaceChildren();
  setupDatasetSummary(root, topology);
  setState("ready");
}

start().catch((error: unknown) =>
  showError(error instanceof Error ? error.message : String(error)),
);
