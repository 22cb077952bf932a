import { startOutbox } from './outbox';
import { openSidePanelOnAction } from './side-panel';

export default defineBackground(() => {
  startOutbox();
  openSidePanelOnAction();
});
