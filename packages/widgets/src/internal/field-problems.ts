import {html, nothing, type TemplateResult} from 'lit';

/** What is wrong with a field; each form words it in its own language. */
export type FieldProblem = 'required' | 'too_long' | 'invalid';

/** A zod issue as a form's field problem: an empty required text reads "required", not "too small". */
export function problemOfIssue(issue: {code: string; minimum?: unknown; origin?: unknown}): FieldProblem {
  const empty = issue.origin === 'string' || issue.origin === 'array';
  if (issue.code === 'too_small' && empty && Number(issue.minimum) === 1) return 'required';
  if (issue.code === 'too_big') return 'too_long';
  return 'invalid';
}

export interface SummaryIssue {
  /** The id of the field's control, which the entry links to. */
  id: string;
  label: string;
  message: string;
}

/**
 * GOV.UK's error summary: a titled list of links, one per field, each moving focus to its field.
 * The caller focuses it (`.error-summary`) when it first shows.
 */
export function renderErrorSummary(
  title: string,
  issues: readonly SummaryIssue[],
  focusField: (id: string) => void,
  titleId: string,
  /** The language's `labelSeparator`. */
  separator: string,
): TemplateResult | typeof nothing {
  if (issues.length === 0) return nothing;
  return html`<div class="error-summary" part="error-summary" role="alert" tabindex="-1" aria-labelledby=${titleId}>
    <h3 id=${titleId}>${title}</h3>
    <ul>
      ${issues.map(
        (i) =>
          html`<li><a href=${`#${i.id}`} @click=${(e: Event) => {
            e.preventDefault();
            focusField(i.id);
          }}>${i.label}${separator}${i.message}</a></li>`,
      )}
    </ul>
  </div>`;
}
