import { reviewMessage } from '../../domain/model/review';
import type { OptionsState } from './options-state';

/** The NHS warning callout when the model in force is due for review, overdue, or dated after today. */
export function ReviewWarning({ state }: { state: OptionsState }) {
  const review = state.review.value;
  const message = review && reviewMessage(review);
  if (!review || !message) return null;
  return (
    <div class="nhsuk-warning-callout" role="status" data-review={review.state}>
      <h3 class="nhsuk-warning-callout__label">
        <span>
          <span class="nhsuk-u-visually-hidden">Important: </span>
          {review.state === 'overdue'
            ? 'Review overdue'
            : review.state === 'due-soon'
              ? 'Review due soon'
              : 'Not yet agreed'}
        </span>
      </h3>
      <p>{message}</p>
    </div>
  );
}
