import { Entity, Enum, PrimaryKey, Property } from '@mikro-orm/decorators/legacy';
import { Field, ID, ObjectType, registerEnumType } from 'type-graphql';
import { toGlobalId } from '../../common/graphql/global-id.js';
import { Node } from '../../common/graphql/node.js';

export enum FeedbackMethodCategory {
  COLLECTION_METHOD = 'COLLECTION_METHOD',
  TOOL = 'TOOL',
  RECOMMENDATION = 'RECOMMENDATION',
}

registerEnumType(FeedbackMethodCategory, {
  name: 'FeedbackMethodCategory',
  description: 'Grouping of the catalogue, after the «Слушай с пользой» base of feedback methods.',
  valuesConfig: {
    COLLECTION_METHOD: { description: 'A method of collecting feedback (survey, interview, focus group, …).' },
    TOOL: { description: 'A tool for collecting it (feedback box, hotline, messenger bot, …).' },
    RECOMMENDATION: {
      description: 'An approach or recommendation (closing the loop, beneficiary council, most significant change, …).',
    },
  },
});

@Entity({ tableName: 'feedback_method' })
@ObjectType({
  implements: Node,
  description: 'An entry of the feedback-methods catalogue (метод сбора обратной связи).',
})
export class FeedbackMethod {
  static readonly typename = 'FeedbackMethod';

  @PrimaryKey({ type: 'uuid', defaultRaw: 'gen_random_uuid()' })
  id!: string;

  @Field(() => ID, { name: 'id', description: 'Globally unique opaque id.' })
  get globalId(): string {
    return toGlobalId(FeedbackMethod.typename, this.id);
  }

  @Field({ description: 'Stable key, e.g. `focus-group`; practices name methods by it.' })
  @Property({ type: 'text', unique: true })
  key!: string;

  @Field(() => FeedbackMethodCategory, { description: 'Grouping in the catalogue.' })
  @Enum({ items: () => FeedbackMethodCategory })
  category!: FeedbackMethodCategory;

  @Field({ description: 'Title in Russian.' })
  @Property({ type: 'text' })
  titleRu!: string;

  @Field({ description: 'Title in English.' })
  @Property({ type: 'text' })
  titleEn!: string;

  @Field({ description: 'Description in Russian.' })
  @Property({ type: 'text' })
  descriptionRu!: string;

  @Field({ description: 'Description in English.' })
  @Property({ type: 'text' })
  descriptionEn!: string;
}
