import { BUILT_IN_ADAPTERS } from '../../lib/adapters/built-in';
import { loadChampionAdapters } from '../../lib/settings/champion-adapters';
import { runPracticeContentScript } from '../../lib/sidebar/content-script';

export default defineContentScript({
  // The demo practice system. Origins a practice champion adds are registered at run time (options page).
  matches: ['http://127.0.0.1/*', 'http://localhost/*'],
  runAt: 'document_idle',
  main() {
    // The champion's own adapters go before the built-in ones, so a page they describe is read their way.
    void loadChampionAdapters().then((adapters) => runPracticeContentScript([...adapters, ...BUILT_IN_ADAPTERS]));
  },
});
