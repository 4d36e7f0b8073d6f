import { Arg, Args, Ctx, Field, FieldResolver, ID, InputType, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { ArrayMaxSize } from 'class-validator';
import type { Context } from '../../graphql/context.js';
import { MAX_FILTER_IDS, PeriodFilter, periodWhere } from '../../shared/filters.js';
import { connectionOf, PageArgs, paginate } from '../../shared/pagination.js';
import { checkDateRange, existingIds } from '../../shared/validate.js';
import { Agency } from '../agencies/agency.entity.js';
import { Law } from '../laws/law.entity.js';
import { Region } from '../regions/region.entity.js';
import { SurveyAnswer, SurveyQuestion, SurveyResponse, SurveyWave } from './survey.entity.js';
import { saveSurveyWave, SurveyWaveInput } from './survey-wave.service.js';

@InputType()
class WaveFilter {
  @Field(() => [Int], { nullable: true }) @ArrayMaxSize(50) years?: number[];
}

@InputType()
class ResponseFilter extends PeriodFilter {
  @Field(() => [ID], { nullable: true }) @ArrayMaxSize(MAX_FILTER_IDS) waveIds?: string[];
  @Field(() => [ID], { nullable: true, description: 'Respondents’ districts' }) @ArrayMaxSize(MAX_FILTER_IDS) districtIds?: string[];
}

const WaveConnection = connectionOf(SurveyWave, 'SurveyWave');
const ResponseConnection = connectionOf(SurveyResponse, 'SurveyResponse');

@Resolver(() => SurveyWave)
export class WaveResolver {
  @Query(() => WaveConnection, { description: 'Survey and quiz waves, newest first' })
  surveyWaves(@Ctx() ctx: Context, @Args(() => PageArgs) page: PageArgs, @Arg('filter', () => WaveFilter, { nullable: true }) f?: WaveFilter) {
    ctx.scope('SurveyWave');
    return paginate(ctx, SurveyWave, f?.years?.length ? { year: { $in: f.years } } : {}, page, { startsOn: 'desc' });
  }

  @Mutation(() => SurveyWave, { description: 'Creates or updates (by code) a survey wave and its questions (admins and survey operators)' })
  saveSurveyWave(@Ctx() ctx: Context, @Arg('input', () => SurveyWaveInput) input: SurveyWaveInput) {
    return saveSurveyWave(ctx.em, ctx.viewer, input);
  }

  @FieldResolver(() => [SurveyQuestion])
  async questions(@Root() w: SurveyWave) {
    return (await w.questions.load()).getItems();
  }
}

@Resolver(() => SurveyQuestion)
export class QuestionResolver {
  @FieldResolver(() => Law, { nullable: true })
  law(@Root() q: SurveyQuestion) {
    return q.law?.load() ?? null;
  }

  @FieldResolver(() => Agency, { nullable: true })
  agency(@Root() q: SurveyQuestion) {
    return q.agency?.load() ?? null;
  }
}

@Resolver(() => SurveyResponse)
export class ResponseResolver {
  @Query(() => ResponseConnection, { description: 'Survey responses (no personal data), newest first' })
  async surveyResponses(@Ctx() ctx: Context, @Args(() => PageArgs) page: PageArgs, @Arg('filter', () => ResponseFilter, { nullable: true }) f?: ResponseFilter) {
    ctx.scope('SurveyResponse');
    checkDateRange(f?.from, f?.to, ['filter']);
    const waves = await existingIds(ctx.em, 'SurveyWave', f?.waveIds, ['filter', 'waveIds']);
    const districts = await existingIds(ctx.em, 'Region', f?.districtIds, ['filter', 'districtIds']);
    const and = periodWhere('submittedOn', f);
    if (waves) and.push({ wave: { $in: waves } });
    if (districts) and.push({ district: { $in: districts } });
    return paginate(ctx, SurveyResponse, { $and: and }, page, { submittedOn: 'desc' });
  }

  @FieldResolver(() => SurveyWave)
  wave(@Root() r: SurveyResponse) {
    return r.wave.load();
  }

  @FieldResolver(() => Region)
  district(@Root() r: SurveyResponse) {
    return r.district.load();
  }

  @FieldResolver(() => [SurveyAnswer])
  async answers(@Root() r: SurveyResponse) {
    return (await r.answers.load()).getItems();
  }
}

@Resolver(() => SurveyAnswer)
export class AnswerResolver {
  @FieldResolver(() => SurveyQuestion)
  question(@Root() a: SurveyAnswer) {
    return a.question.load();
  }
}
