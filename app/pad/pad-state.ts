import { batch, computed, signal } from '@preact/signals';
import type { PatientContext } from '../../domain/adapters/patient-context';
import { ukDate } from '../../domain/clock/uk-date';
import { canSend, checkReferral, sentVerdict } from '../../domain/criteria';
import { NO_RECORD, ownerKey, type SavedDraft } from '../../domain/drafts/saved-draft';
import type { ServiceModel } from '../../domain/model/model';
import { checkPatientOnScreen } from '../../domain/pad/patient-guard';
import { applyRecord } from '../../domain/pad/record-fields';
import { referralFromDraft, type SendProblem } from '../../domain/pad/referral-from-draft';
import { sendBlock } from '../../domain/pad/send-block';
import { isUntouched } from '../../domain/pad/untouched';
import { emptyDraft, type ReferralDraft } from '../../domain/referral/draft';
import type { Referral } from '../../domain/referral/referral';
import type { Settings } from '../../domain/settings/settings';
import { loadDraft, removeDraft, saveDraft } from '../shared/storage/drafts';
import { loadReferrer, rememberReferrer } from '../shared/storage/referrer';
import { latestWriter } from './latest-writer';
import { askOutboxAvailable } from './outbox-link';
import { sendReferral } from './send-referral';

/** Whether the referrer typed who the patient is (then the draft is theirs, not the next record's to take). */
function namesPatient(draft: ReferralDraft): boolean {
  const { patient } = draft;
  return [patient.nhsNumber, patient.given, patient.family, patient.dateOfBirth].some((value) => value?.trim());
}

export type Sent = { referral: Referral; model: ServiceModel };

/** Today as YYYY-MM-DD on the UK calendar (ages and review dates are UK days). */
function today(): string {
  return ukDate(Date.now());
}

/**
 * Everything the pad shows, as signals, and the few things the referrer can do. The rules themselves are pure functions
 * in lib/; this wires them to storage, the outbox and the patient on screen.
 */
export function createPadState() {
  const settings = signal<Settings | undefined>(undefined);
  /** The patient on screen: undefined until first heard, null when nothing readable is shown. */
  const record = signal<PatientContext | null | undefined>(undefined);
  /** The open draft and whose it is; undefined until loaded. */
  const open = signal<SavedDraft | undefined>(undefined);
  const phase = signal<'editing' | 'sending' | 'sent'>('editing');
  const problems = signal<SendProblem[]>([]);
  const sent = signal<Sent | undefined>(undefined);
  /** Shown when a stored draft could not be read and was set aside. */
  const notice = signal<string | undefined>(undefined);
  const saveFailed = signal(false);
  /** 'saving' while a draft write is under way; 'saved' once what was typed is stored; undefined before any edit. */
  const draftStatus = signal<'saving' | 'saved' | undefined>(undefined);
  /** Whether the background's outbox can store referrals (false in a private window); undefined until it answers. */
  const outboxAvailable = signal<boolean | undefined>(undefined);

  const model = computed(() => settings.value?.model);
  const draft = computed(() => open.value?.draft ?? emptyDraft());
  const verdict = computed(() => (model.value ? checkReferral(model.value, draft.value, today()) : undefined));
  const patientCheck = computed(() =>
    open.value ? checkPatientOnScreen(open.value.recordKey, draft.value.patient, record.value ?? undefined) : undefined,
  );
  const blocked = computed(() =>
    sendBlock({
      model: model.value,
      verdict: verdict.value,
      patientCheck: patientCheck.value,
      outboxAvailable: outboxAvailable.value,
    }),
  );

  const writer = latestWriter<SavedDraft>(
    async (saved) => {
      await saveDraft(saved);
      saveFailed.value = false;
    },
    (error) => {
      console.warn('The draft could not be saved.', error);
      saveFailed.value = true;
    },
    (busy) => {
      draftStatus.value = busy ? 'saving' : 'saved';
    },
  );

  /** Opens the record's own draft (or starts one), filled from the record; the previous draft stays stored. */
  let opening = 0;
  /** Counts the referrer's edits, so a draft read that finishes after an edit cannot undo it. */
  let edits = 0;
  /**
   * Edits made, since the pad opened, to the draft of "no record on screen" without naming a patient: the pad opened
   * before the banner was read. When the patient then appears, they are made again on that patient's draft (OPEN-1:
   * a need pressed in that first moment was otherwise left behind in the no-record draft, unseen).
   */
  let unclaimed: ((draft: ReferralDraft) => ReferralDraft)[] = [];
  /** Whether the open no-record draft was begun in this pad (not an older one read back), so it may go once carried. */
  let noRecordIsNew = false;
  async function openDraftFor(target: PatientContext | null): Promise<void> {
    const key = ownerKey(target ?? undefined);
    // Records can change faster than drafts load (the banner shows none, then the patient): the latest one wins.
    const ticket = ++opening;
    const editsBefore = edits;
    // What was typed is stored before a draft is read back, so the read never brings back an older copy.
    await writer.settled();
    const [loaded, referrer] = await Promise.all([loadDraft(key), loadReferrer()]);
    if (ticket !== opening) return;
    // Only the draft of the record on screen is opened: a read for a record that has since gone (the banner flickered
    // to none and back) must not replace the draft the referrer is typing in.
    if (record.value !== undefined && ownerKey(record.value ?? undefined) !== key) return;
    const current = open.value;
    const carried = target && current?.recordKey === NO_RECORD && !namesPatient(current.draft) ? unclaimed : [];
    // The referrer typed into this record's draft while it was being read again: what they typed wins.
    if (edits !== editsBefore && current?.recordKey === key) {
      if (target) open.value = { ...current, draft: applyRecord(current.draft, target) };
      return;
    }
    // They typed into another patient's draft meanwhile (the banner went blank for a moment): that draft stays in
    // front of them, and the wrong-patient guard says whose it is if the record has really moved on.
    if (edits !== editsBefore && current && carried.length === 0) return;
    if (loaded.status === 'unreadable') {
      notice.value = `A saved draft for this patient could not be read. It has been kept aside (${loaded.keptAs}); ask your practice champion to recover it.`;
    }
    const base: SavedDraft =
      loaded.status === 'found'
        ? loaded.saved
        : {
            recordKey: key,
            referralId: crypto.randomUUID(),
            startedAt: new Date().toISOString(),
            draft: { ...emptyDraft(), referrer },
          };
    const filled = target ? applyRecord(base.draft, target) : base.draft;
    const removeNoRecord = carried.length > 0 && noRecordIsNew;
    unclaimed = [];
    noRecordIsNew = key === NO_RECORD && loaded.status !== 'found';
    batch(() => {
      open.value = { ...base, draft: carried.reduce((draft, change) => change(draft), filled) };
      draftStatus.value = loaded.status === 'found' ? 'saved' : undefined;
      problems.value = [];
      phase.value = 'editing';
      sent.value = undefined;
    });
    if (carried.length && open.value) writer.write(open.value);
    if (removeNoRecord) {
      // Begun here and now carried to the patient: left stored, it would open pre-filled in a later consultation.
      void writer
        .settled()
        .then(() => removeDraft(NO_RECORD))
        .catch((error) => console.warn('The draft begun before the patient was read was not removed.', error));
    }
  }

  /** The record on screen changed: follow it with an untouched draft; guard a draft with work in it. */
  async function recordChanged(next: PatientContext | null): Promise<void> {
    record.value = next;
    const current = open.value;
    if (!current) return openDraftFor(next);
    if (phase.value === 'sending') return;
    const sameRecord = next !== null && current.recordKey === next.recordKey;
    if (sameRecord) {
      open.value = { ...current, draft: applyRecord(current.draft, next) };
      return;
    }
    const claimable =
      next !== null && current.recordKey === NO_RECORD && unclaimed.length > 0 && !namesPatient(current.draft);
    if (phase.value === 'sent' || isUntouched(current.draft) || claimable) await openDraftFor(next);
  }

  /** Every edit goes through here: the draft is saved as the referrer types. */
  function update(change: (draft: ReferralDraft) => ReferralDraft): void {
    const current = open.value;
    if (!current || phase.value !== 'editing') return;
    const next = { ...current, draft: change(current.draft) };
    edits++;
    if (current.recordKey === NO_RECORD) unclaimed.push(change);
    open.value = next;
    if (problems.value.length) problems.value = [];
    writer.write(next);
    if (next.draft.referrer !== current.draft.referrer) {
      void rememberReferrer(next.draft.referrer).catch((error) =>
        console.warn('The referrer was not remembered.', error),
      );
    }
  }

  async function send(): Promise<void> {
    const current = open.value;
    const currentModel = model.value;
    const currentVerdict = verdict.value;
    const reason = blocked.value;
    if (!current || !currentModel || !currentVerdict || phase.value !== 'editing') return;
    if (reason || !canSend(currentVerdict)) {
      problems.value = [{ field: 'send', message: reason ?? 'This referral cannot be sent yet.' }];
      return;
    }
    const made = referralFromDraft(
      current.draft,
      sentVerdict(currentVerdict, current.draft),
      current.referralId,
      new Date().toISOString(),
    );
    if (!made.ok) {
      problems.value = made.problems;
      return;
    }
    phase.value = 'sending';
    try {
      await writer.settled();
      await sendReferral(made.referral, current.recordKey);
      batch(() => {
        sent.value = { referral: made.referral, model: currentModel };
        phase.value = 'sent';
      });
    } catch (error) {
      batch(() => {
        phase.value = 'editing';
        problems.value = [
          { field: 'send', message: `The referral was not saved: ${(error as Error).message}. Your draft is kept.` },
        ];
      });
      // Storage may have gone since the pad opened: if so, the pad says so and Send stays off.
      await checkOutbox();
    }
  }

  /** Asks the background whether its outbox can store referrals, so the pad can say so before anyone types. */
  async function checkOutbox(): Promise<void> {
    outboxAvailable.value = await askOutboxAvailable().catch(() => undefined);
  }

  async function startAgain(): Promise<void> {
    await openDraftFor(record.value ?? null);
  }

  return {
    settings,
    record,
    open,
    phase,
    problems,
    sent,
    notice,
    saveFailed,
    draftStatus,
    outboxAvailable,
    model,
    draft,
    verdict,
    patientCheck,
    blocked,
    update,
    send,
    startAgain,
    openDraftFor,
    recordChanged,
    checkOutbox,
    settled: () => writer.settled(),
  };
}

export type PadState = ReturnType<typeof createPadState>;
