import { startOutbox } from './outbox';

export default defineBackground(() => {
  startOutbox();
});
