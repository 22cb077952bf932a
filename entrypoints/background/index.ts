export default defineBackground(() => {
  // The outbox drain and status polling arrive with the outbox issue.
});
