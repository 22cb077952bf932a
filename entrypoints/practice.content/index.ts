import { runPracticeContentScript } from '../../app/content/content-script';

export default defineContentScript({
  // The demo practice system, in the demo and tests' build only (wxt.config.ts takes it out of a production manifest).
  // Origins a practice champion adds are registered at run time (options page).
  matches: ['http://127.0.0.1/*', 'http://localhost/*'],
  runAt: 'document_idle',
  // An anonymous IIFE: nothing reads the script's completion value (it is never run by `scripting.executeScript`).
  globalName: false,
  main() {
    void runPracticeContentScript();
  },
});
