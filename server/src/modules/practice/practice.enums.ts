import { registerEnumType } from 'type-graphql';

export enum PracticeStatus {
  DRAFT = 'DRAFT',
  PUBLISHED = 'PUBLISHED',
  ARCHIVED = 'ARCHIVED',
}

registerEnumType(PracticeStatus, {
  name: 'PracticeStatus',
  description: 'Lifecycle of a practice: DRAFT → PUBLISHED → ARCHIVED (and back to PUBLISHED).',
  valuesConfig: {
    DRAFT: { description: 'Being written; visible only to the owning organisation.' },
    PUBLISHED: { description: 'Public; every edit makes a new revision.' },
    ARCHIVED: { description: 'Withdrawn from lists; still readable by its address; can be published again.' },
  },
});

/** The source's participation spectrum, ordinal 1–5. */
export enum ParticipationLevel {
  CONSULTATION_FEEDBACK = 'CONSULTATION_FEEDBACK',
  RESEARCH = 'RESEARCH',
  COLLABORATION_CODESIGN = 'COLLABORATION_CODESIGN',
  GOVERNANCE_PARTICIPATION = 'GOVERNANCE_PARTICIPATION',
  DISTRIBUTED_DECISION_MAKING = 'DISTRIBUTED_DECISION_MAKING',
}

export const PARTICIPATION_ORDINAL: Record<ParticipationLevel, number> = {
  CONSULTATION_FEEDBACK: 1,
  RESEARCH: 2,
  COLLABORATION_CODESIGN: 3,
  GOVERNANCE_PARTICIPATION: 4,
  DISTRIBUTED_DECISION_MAKING: 5,
};

registerEnumType(ParticipationLevel, {
  name: 'ParticipationLevel',
  description: 'How deeply beneficiaries take part (уровень участия), the spectrum of participatory approaches, 1–5.',
  valuesConfig: {
    CONSULTATION_FEEDBACK: {
      description: '1. Consultation and feedback mechanisms (консультации и механизмы обратной связи).',
    },
    RESEARCH: {
      description: '2. Research: beneficiaries take part in collecting and interpreting data (исследования).',
    },
    COLLABORATION_CODESIGN: {
      description: '3. Collaboration and co-design of the service (сотрудничество и совместный дизайн).',
    },
    GOVERNANCE_PARTICIPATION: { description: '4. Participation in governance (участие в управлении).' },
    DISTRIBUTED_DECISION_MAKING: {
      description: '5. Distributed decision-making (распределённая система принятия решений).',
    },
  },
});

export enum IndicatorTier {
  OUTPUT = 'OUTPUT',
  OUTCOME = 'OUTCOME',
  LONG_TERM = 'LONG_TERM',
}

registerEnumType(IndicatorTier, {
  name: 'IndicatorTier',
  description: 'Tier of a result indicator, after the outputs / outcomes / long-term outcomes framework.',
  valuesConfig: {
    OUTPUT: { description: 'Short-term results (outputs; результаты краткосрочного характера).' },
    OUTCOME: { description: 'Intermediate changes (outcomes; промежуточные изменения).' },
    LONG_TERM: { description: 'Long-term effects (долгосрочные эффекты).' },
  },
});

export enum PracticeSort {
  NEWEST = 'NEWEST',
  RELEVANCE = 'RELEVANCE',
  MOST_REVIEWED = 'MOST_REVIEWED',
  BEST_RATED = 'BEST_RATED',
}

registerEnumType(PracticeSort, {
  name: 'PracticeSort',
  description: 'Order of a practice list.',
  valuesConfig: {
    NEWEST: { description: 'Most recently published (or, for drafts, updated) first.' },
    RELEVANCE: { description: 'Best full-text match first; needs `search`.' },
    MOST_REVIEWED: { description: 'Most submitted peer reviews first, then newest.' },
    BEST_RATED: {
      description:
        'Highest mean peer-review score (all rubric criteria) first, then most reviewed, then newest; unreviewed practices last.',
    },
  },
});
