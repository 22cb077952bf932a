import type { PatientSlip } from '../../domain/patient-slip/patient-slip';

/** The slip the patient takes home; the only thing printed (see the print styles). */
export function PatientSlipView({ slip }: { slip: PatientSlip }) {
  return (
    <article class="pad-slip" aria-labelledby="pad-slip-title">
      <h2 id="pad-slip-title">{slip.title}</h2>
      <p>
        For <strong>{slip.forWhom}</strong>, {slip.date}. Your reference: <strong>{slip.reference}</strong>
      </p>
      {slip.sections.map((section) => (
        <section key={section.heading}>
          <h3>{section.heading}</h3>
          {section.lines.length > 1 ? (
            <ul>
              {section.lines.map((line) => (
                <li key={line}>{line}</li>
              ))}
            </ul>
          ) : (
            <p>{section.lines[0]}</p>
          )}
        </section>
      ))}
    </article>
  );
}
