// The editor's steps and where each field (named by its API path under `input.content`) lives.

export const EDITOR_STEPS = ['context', 'participation', 'methods', 'loop', 'results', 'evidence'] as const;
export type EditorStep = (typeof EDITOR_STEPS)[number];

const STATIC_FIELDS: Record<string, EditorStep> = {
  groupId: 'context',
  title: 'context',
  summary: 'context',
  problem: 'context',
  'beneficiarySegment.description': 'context',
  'beneficiarySegment.size': 'context',
  'beneficiarySegment.reach': 'context',
  participationLevel: 'participation',
  methodKeys: 'methods',
  'loopClosure.returnedWhat': 'loop',
  'loopClosure.returnedHow': 'loop',
  'loopClosure.turnaroundDays': 'loop',
  'loopClosure.closed': 'loop',
  indicators: 'results',
  evidenceLinks: 'evidence',
  resources: 'evidence',
  replicationAdvice: 'evidence',
  tags: 'evidence',
};

const INDICATOR_FIELD = /^indicators\.\d+\.(tier|name|unit|baseline|value|period|source)$/;
const EVIDENCE_FIELD = /^evidenceLinks\.\d+\.(title|url)$/;

/** The step that shows a field; null for a key the editor does not know. */
export function stepOfField(key: string): EditorStep | null {
  if (key in STATIC_FIELDS) return STATIC_FIELDS[key]!;
  if (INDICATOR_FIELD.test(key)) return 'results';
  if (EVIDENCE_FIELD.test(key)) return 'evidence';
  return null;
}

/**
 * The editor's field for a userError path: ["input", "content", "indicators", "0", "value"] →
 * "indicators.0.value"; ["input", "content", "tags", "3"] → "tags" (one field holds all tags);
 * an unknown part of a list item falls back to the list. null when no field shows it.
 */
export function practiceFieldKey(path: readonly string[]): string | null {
  let rest = [...path];
  if (rest[0] === 'input') rest = rest.slice(1);
  if (rest[0] === 'content') rest = rest.slice(1);
  if (rest.length === 0) return null;
  const key = rest.join('.');
  if (stepOfField(key)) return key;
  const list = rest[0]!;
  if (
    (list === 'tags' || list === 'indicators' || list === 'evidenceLinks' || list === 'methodKeys') &&
    rest.length > 1
  )
    return list;
  return null;
}

/** The id of a field's control, for labels, error summaries and focus. */
export const practiceFieldId = (key: string) => `practice-${key.replace(/\./g, '-')}`;

/** Fields in the order the editor shows them, so the first problem is the first one on screen. */
export function compareFields(a: string, b: string): number {
  const stepA = EDITOR_STEPS.indexOf(stepOfField(a) ?? 'evidence');
  const stepB = EDITOR_STEPS.indexOf(stepOfField(b) ?? 'evidence');
  if (stepA !== stepB) return stepA - stepB;
  const order = Object.keys(STATIC_FIELDS);
  const rank = (key: string) => {
    const index = order.indexOf(key);
    if (index >= 0) return [index, 0];
    const [list, row] = key.split('.');
    return [order.indexOf(list!), Number(row) + 1];
  };
  const [ra, ia] = rank(a);
  const [rb, ib] = rank(b);
  return ra! - rb! || ia! - ib!;
}
