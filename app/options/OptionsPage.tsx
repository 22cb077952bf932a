import { AdaptersSection } from './AdaptersSection';
import { CountsSection } from './CountsSection';
import { DirectorySection } from './DirectorySection';
import { ImportExport } from './ImportExport';
import { ModelHistory } from './ModelHistory';
import { ModelSection } from './ModelSection';
import type { OptionsState } from './options-state';
import { PolicyProblems } from './PolicyProblems';
import { QueueSection } from './QueueSection';
import { ReviewWarning } from './ReviewWarning';
import { TryReferral } from './TryReferral';

/** The practice champion's settings page. */
export function OptionsPage({ state }: { state: OptionsState }) {
  return (
    <>
      <a class="nhsuk-skip-link" href="#main">
        Skip to main content
      </a>
      <header class="nhsuk-header">
        <div class="nhsuk-width-container">
          <p class="nhsuk-header__service">Social Prescribing Pad — practice settings</p>
        </div>
      </header>
      <div class="nhsuk-width-container">
        <nav aria-label="Sections" class="options-nav">
          <ul>
            <li>
              <a href="#directory">Directory</a>
            </li>
            <li>
              <a href="#model">Agreed model</a>
            </li>
            <li>
              <a href="#try">Try a referral</a>
            </li>
            <li>
              <a href="#history">Versions</a>
            </li>
            <li>
              <a href="#files">Share and back up</a>
            </li>
            <li>
              <a href="#adapters">Practice systems</a>
            </li>
            <li>
              <a href="#queue">Queue</a>
            </li>
            <li>
              <a href="#counts">Counts</a>
            </li>
          </ul>
        </nav>
        <main id="main" class="options-main" tabIndex={-1}>
          <h1>Practice settings</h1>
          <p class="nhsuk-lede-text">
            For the practice champion: the service model agreed with the link workers, the practice systems the pad
            reads, and where referrals go.
          </p>
          <PolicyProblems state={state} />
          <ReviewWarning state={state} />
          <DirectorySection state={state} />
          <ModelSection state={state} />
          <TryReferral state={state} />
          <div id="history">
            <ModelHistory state={state} />
          </div>
          <ImportExport state={state} />
          <AdaptersSection state={state} />
          <QueueSection state={state} />
          <CountsSection state={state} />
        </main>
      </div>
    </>
  );
}
