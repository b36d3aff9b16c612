import type { DatasetPickerDeps } from "../ui/dataset-picker";
import { encode } from "../url/codec";
import { navigate } from "./navigate";
import { openFile } from "./open-file";
import { type Context, preferencesOf, type Shell, showFailure } from "./shell";

/** What the Datasets dialog shows and does: it opens a catalog dataset, or a file. */
export function pickerActions(shell: Shell, context: Context): DatasetPickerDeps {
  const { state } = shell;
  const hashOf = (id: string) => encode({ dataset: id, ...preferencesOf(state) });
  return {
    catalog: context.catalog,
    shown: () => state.shown,
    hashOf,
    choose: (id) => {
      const hash = hashOf(id);
      if (state.shown?.file) {
        // A file's address sync keeps an address with its own id to itself: open directly.
        history.pushState(null, "", hash);
        navigate(shell, context, hash);
      } else {
        location.hash = hash; // the session's address sync sees another dataset and opens it
      }
    },
    openFile: (file) => {
      openFile(shell, context, file).catch((error: unknown) => showFailure(shell, error));
    },
  };
}
