// For `npm start`: finds Chromium, Chrome or Edge and starts it with the built extension loaded, in a profile of its own,
// with the given pages open. A plain spawn of the browser's own binary (no Playwright: it is a dev dependency, and a
// browser it starts is its automation's, with its banner and its flags), the way WXT's dev command opens one.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { delimiter, join } from 'node:path';

/** Executable names looked for on PATH (Linux and other Unixes). */
const ON_PATH = [
  'chromium',
  'chromium-browser',
  'google-chrome',
  'google-chrome-stable',
  'microsoft-edge',
  'microsoft-edge-stable',
];

function installedPaths() {
  if (process.platform === 'darwin') {
    return [
      '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
      '/Applications/Chromium.app/Contents/MacOS/Chromium',
      '/Applications/Microsoft Edge.app/Contents/MacOS/Microsoft Edge',
    ];
  }
  if (process.platform === 'win32') {
    const roots = [process.env.LOCALAPPDATA, process.env.PROGRAMFILES, process.env['PROGRAMFILES(X86)']];
    return roots
      .filter(Boolean)
      .flatMap((root) => [
        join(root, 'Google', 'Chrome', 'Application', 'chrome.exe'),
        join(root, 'Chromium', 'Application', 'chrome.exe'),
        join(root, 'Microsoft', 'Edge', 'Application', 'msedge.exe'),
      ]);
  }
  const dirs = (process.env.PATH ?? '').split(delimiter).filter(Boolean);
  return ON_PATH.flatMap((name) => dirs.map((dir) => join(dir, name)));
}

/**
 * The browser to open: CHROME_PATH if set (as Chrome's own launcher reads it), else the first Chromium, Chrome or Edge
 * installed in the usual places. Undefined when none is found.
 * @returns {string | undefined}
 */
export function findBrowser() {
  if (process.env.CHROME_PATH) return existsSync(process.env.CHROME_PATH) ? process.env.CHROME_PATH : undefined;
  return installedPaths().find((path) => existsSync(path));
}

/** Whether a window can be shown: on Linux only with an X or Wayland display. */
export function canShowWindow() {
  return process.platform !== 'linux' || Boolean(process.env.DISPLAY || process.env.WAYLAND_DISPLAY);
}

/**
 * Starts the browser with the extension in `extensionDir` loaded, in `profileDir` (kept between runs: drafts and the
 * outbox survive a restart), the `urls` open in tabs.
 * @param {{ executable: string, extensionDir: string, profileDir: string, urls: string[] }} options
 * @returns {{ pid: number | undefined, exited: Promise<void>, close: () => Promise<void> }}
 */
export function openBrowser({ executable, extensionDir, profileDir, urls }) {
  const child = spawn(
    executable,
    [
      `--user-data-dir=${profileDir}`,
      `--load-extension=${extensionDir}`,
      // Chrome 137 and later ignore --load-extension unless this feature is turned off; Chromium and Edge need nothing.
      '--disable-features=DisableLoadExtensionCommandLineSwitch',
      '--no-first-run',
      '--no-default-browser-check',
      ...urls,
    ],
    { stdio: 'ignore' },
  );
  const exited = new Promise((resolve) => {
    child.once('exit', () => resolve(undefined));
    child.once('error', () => resolve(undefined));
  });
  return {
    pid: child.pid,
    exited,
    close: async () => {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill('SIGTERM');
      const killed = setTimeout(() => child.kill('SIGKILL'), 10_000);
      await exited;
      clearTimeout(killed);
    },
  };
}
