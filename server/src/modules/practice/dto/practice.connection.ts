import { ArgsType, Field, ID, InputType, Int, ObjectType } from 'type-graphql';
import { PageArgs, PageInfo } from '../../../common/graphql/pagination.js';
import { UserError } from '../../../common/graphql/user-error.js';
import { OrganisationKind } from '../../organisation/organisation.entity.js';
import { Practice } from '../practice.entity.js';
import { ParticipationLevel, PracticeSort, PracticeStatus } from '../practice.enums.js';

@ObjectType({ description: 'A piece of text; `highlighted` marks words that matched the search.' })
export class TextSegment {
  @Field({ description: 'The text, plain (not HTML).' })
  text!: string;

  @Field({ description: 'Whether it matched the search.' })
  highlighted!: boolean;
}

@ObjectType({ description: 'One practice in a list, with its cursor and, when searching, the matching passage.' })
export class PracticeEdge {
  @Field({ description: 'Opaque cursor of this item.' })
  cursor!: string;

  @Field(() => Practice, { description: 'The practice.' })
  node!: Practice;

  @Field(() => [TextSegment], {
    description: 'Matching passage of the summary and problem, split into segments; empty without a search.',
  })
  highlight!: TextSegment[];
}

@ObjectType({ description: 'A page of practices (Relay cursor connection).' })
export class PracticeConnection {
  @Field(() => [PracticeEdge], { description: 'The items of this page.' })
  edges!: PracticeEdge[];

  @Field(() => PageInfo, { description: 'Where this page sits in the whole list.' })
  pageInfo!: PageInfo;

  @Field(() => Int, { description: 'How many practices match, across all pages.' })
  totalCount!: number;
}

@InputType({ description: 'Which practices to list; all conditions must hold.' })
export class PracticeFilter {
  @Field(() => PracticeStatus, {
    nullable: true,
    description:
      'PUBLISHED by default; ARCHIVED lists archived ones; DRAFT lists the drafts of the organisation the caller acts for.',
  })
  status?: PracticeStatus;

  @Field(() => ID, { nullable: true, description: 'Thematic group.' })
  groupId?: string;

  @Field(() => ID, { nullable: true, description: 'Owning organisation.' })
  organisationId?: string;

  @Field(() => OrganisationKind, { nullable: true, description: 'Kind of the owning organisation.' })
  organisationKind?: OrganisationKind;

  @Field(() => String, { nullable: true, description: 'Region of the owning organisation (exact name).' })
  region?: string;

  @Field(() => ParticipationLevel, { nullable: true, description: 'Participation level.' })
  participationLevel?: ParticipationLevel;

  @Field(() => String, { nullable: true, description: 'Key of a feedback method the practice uses.' })
  methodKey?: string;

  @Field(() => Boolean, { nullable: true, description: 'Whether the feedback loop is closed.' })
  loopClosed?: boolean;

  @Field(() => String, { nullable: true, description: 'A tag.' })
  tag?: string;
}

@ArgsType()
export class PracticesArgs extends PageArgs {
  @Field(() => PracticeFilter, { nullable: true, description: 'Which practices.' })
  filter?: PracticeFilter;

  @Field(() => String, {
    nullable: true,
    description:
      'Full-text search in Russian (word forms match: «семьи» finds «семья») and English, over title, summary and texts.',
  })
  search?: string;

  @Field(() => PracticeSort, {
    nullable: true,
    description: 'Order; RELEVANCE when searching, else NEWEST, by default.',
  })
  sort?: PracticeSort;
}

@ObjectType({ description: 'Result of a mutation on a practice.' })
export class PracticePayload {
  @Field(() => Practice, { nullable: true, description: 'The practice as it is now; null when refused.' })
  practice?: Practice | null;

  @Field(() => [UserError], { description: 'What was wrong with the input; empty on success.' })
  userErrors!: UserError[];
}
