/** Runs one of the repository's CLI scripts the way npm does, for tests. */
import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";

const TSX = import.meta.resolve("tsx");
export const REPO_ROOT = fileURLToPath(new URL("../../", import.meta.url));

/** Runs `scripts/<script>` with `args` in `cwd`; returns its exit code and output. */
export function runScript(script: string, args: string[], cwd = REPO_ROOT) {
  const result = spawnSync(
    process.execPath,
    ["--import", TSX, `${REPO_ROOT}scripts/${script}`, ...args],
    {
      cwd,
      encoding: "utf8",
      env: { ...process.env, FORCE_COLOR: "0" },
    },
  );
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}
