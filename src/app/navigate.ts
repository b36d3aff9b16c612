import { dataParamOf } from "../remote/data-param";
import { showNotice } from "../ui/notices";
import { decode } from "../url/codec";
import { openCatalogDataset } from "./open-catalog";
import { openData } from "./open-data";
import { type Context, type Shell, showFailure } from "./shell";

/** The address changed from outside (Back, Forward, the picker, a pasted link) to `hash`. */
export function navigate(shell: Shell, context: Context, hash: string): void {
  const { state } = shell;
  if (hash === state.requested) return;
  if (dataParamOf(hash) !== null) {
    openData(shell, context, hash).catch((error: unknown) => showFailure(shell, error));
    return;
  }
  const id = decode(hash).state.dataset ?? context.catalog.default;
  const file = state.openedFiles.get(id);
  if (file !== undefined && !context.catalog.datasets.some((d) => d.id === id)) {
    showNotice(shell.messages, `This address showed ${file}, a file from this computer:`, [
      `ds=${id}: files from this computer are not kept; open the file again to see it.`,
    ]);
    return;
  }
  openCatalogDataset(shell, context, hash).catch((error: unknown) => showFailure(shell, error));
}
