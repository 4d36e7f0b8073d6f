import { Arg, Ctx, Field, FieldResolver, ID, InputType, Mutation, ObjectType, Query, Resolver, Root } from 'type-graphql';
import { GraphQLDateTime } from 'graphql-scalars';
import { MaxLength, MinLength } from 'class-validator';
import { requireRole } from '../../graphql/access.js';
import type { Context } from '../../graphql/context.js';
import { notFound } from '../../shared/errors.js';
import { parseGlobalId } from '../../shared/ids.js';
import { existingIds } from '../../shared/validate.js';
import { Agency } from '../agencies/agency.entity.js';
import { recordAudit } from '../audit/audit.service.js';
import { MediaOutlet } from '../media/media.entity.js';
import { Region } from '../regions/region.entity.js';
import * as auth from './auth.service.js';
import { Role } from './role.js';
import { ApiToken, User } from './user.entity.js';

@ObjectType()
class SignInResult {
  @Field(() => User) user!: User;
  @Field(() => String, { description: 'Bearer token for programs; the dashboard uses the HttpOnly cookie set with it' }) token!: string;
  @Field(() => GraphQLDateTime) expiresAt!: Date;
}

@ObjectType()
class NewApiToken {
  @Field(() => ApiToken) apiToken!: ApiToken;
  @Field(() => String, { description: 'The secret, shown this once; send it as `Authorization: Bearer <secret>`' }) secret!: string;
}

@InputType()
class CreateUserInput {
  @Field(() => String) @MinLength(3) @MaxLength(40) username!: string;
  @Field(() => String) @MinLength(1) @MaxLength(100) displayName!: string;
  @Field(() => Role) role!: Role;
  @Field(() => String, { description: 'At least 10 characters' }) @MaxLength(200) password!: string;
  @Field(() => ID, { nullable: true, description: 'Agency of an AGENCY_REPORTER' }) agencyId?: string;
  @Field(() => ID, { nullable: true, description: 'Outlet of a MEDIA_PARTNER' }) outletId?: string;
  @Field(() => ID, { nullable: true, description: 'District of a DISTRICT_ADMIN' }) districtId?: string;
}

@Resolver(() => User)
export class AuthResolver {
  @Query(() => User, { nullable: true, description: 'The signed-in account, or null for the public' })
  me(@Ctx() ctx: Context) {
    return ctx.viewer.kind === 'user' ? ctx.em.findOne(User, { id: ctx.viewer.id }) : null;
  }

  @Mutation(() => SignInResult, { description: 'Signs in; sets an HttpOnly session cookie and returns a bearer token' })
  async signIn(@Ctx() ctx: Context, @Arg('username', () => String) username: string, @Arg('password', () => String) password: string): Promise<SignInResult> {
    const { token, user, expiresAt } = await auth.signIn(ctx.em, username.slice(0, 100), password.slice(0, 200));
    ctx.res?.cookie(auth.SESSION_COOKIE, token, { httpOnly: true, sameSite: 'strict', secure: ctx.req?.secure ?? false, path: '/', expires: expiresAt });
    await recordAudit(ctx.em, { kind: 'user', id: user.id, username: user.username, role: user.role, agencyId: null, outletId: null, districtId: null }, { action: 'SIGN_IN', entity: 'User', entityId: user.id });
    return { token, user, expiresAt };
  }

  @Mutation(() => Boolean)
  async signOut(@Ctx() ctx: Context): Promise<boolean> {
    await auth.signOut(ctx.em, ctx.token);
    ctx.res?.clearCookie(auth.SESSION_COOKIE, { path: '/' });
    return true;
  }

  @Mutation(() => Boolean, { description: 'Changes your password and ends your other sessions' })
  async changePassword(@Ctx() ctx: Context, @Arg('currentPassword', () => String) current: string, @Arg('newPassword', () => String) next: string): Promise<boolean> {
    const user = requireRole(ctx.viewer, Object.values(Role), 'change a password');
    await auth.changePassword(ctx.em, user.id, current, next);
    await recordAudit(ctx.em, user, { action: 'PASSWORD_CHANGE', entity: 'User', entityId: user.id });
    return true;
  }

  @Mutation(() => NewApiToken, { description: 'A long-lived token for a program reporting as you' })
  async createApiToken(@Ctx() ctx: Context, @Arg('name', () => String) name: string): Promise<NewApiToken> {
    const user = requireRole(ctx.viewer, Object.values(Role), 'create API tokens');
    const { token, record } = await auth.createApiToken(ctx.em, user.id, name.slice(0, 100));
    await recordAudit(ctx.em, user, { action: 'CREATE', entity: 'ApiToken', entityId: record.id, after: { name: record.name } });
    return { apiToken: record, secret: token };
  }

  @Mutation(() => ApiToken)
  async revokeApiToken(@Ctx() ctx: Context, @Arg('id', () => ID) id: string): Promise<ApiToken> {
    const user = requireRole(ctx.viewer, Object.values(Role), 'revoke API tokens');
    const parsed = parseGlobalId(id);
    const token = parsed?.type === 'ApiToken' ? await ctx.em.findOne(ApiToken, { id: parsed.id }) : null;
    if (!token || (token.user.id !== user.id && user.role !== Role.ADMIN)) throw notFound('API token', id);
    token.revokedAt ??= new Date();
    await ctx.em.flush();
    await recordAudit(ctx.em, user, { action: 'REVOKE', entity: 'ApiToken', entityId: token.id });
    return token;
  }

  @Query(() => [ApiToken], { description: 'Your API tokens (secrets are never shown again)' })
  apiTokens(@Ctx() ctx: Context) {
    const user = requireRole(ctx.viewer, Object.values(Role), 'list API tokens');
    return ctx.em.find(ApiToken, { user: user.id }, { orderBy: { id: 'asc' } });
  }

  @Query(() => [User], { description: 'Accounts (admins only)' })
  users(@Ctx() ctx: Context) {
    requireRole(ctx.viewer, [Role.ADMIN], 'list accounts');
    return ctx.em.find(User, {}, { orderBy: { username: 'asc' } });
  }

  @Mutation(() => User, { description: 'Creates an account (admins only)' })
  async createUser(@Ctx() ctx: Context, @Arg('input', () => CreateUserInput) input: CreateUserInput): Promise<User> {
    const admin = requireRole(ctx.viewer, [Role.ADMIN], 'create accounts');
    const [agencyId] = (await existingIds(ctx.em, 'Agency', input.agencyId ? [input.agencyId] : undefined, ['input', 'agencyId'])) ?? [];
    const [outletId] = (await existingIds(ctx.em, 'MediaOutlet', input.outletId ? [input.outletId] : undefined, ['input', 'outletId'])) ?? [];
    const [districtId] = (await existingIds(ctx.em, 'Region', input.districtId ? [input.districtId] : undefined, ['input', 'districtId'])) ?? [];
    const user = await auth.createUser(ctx.em, { ...input, agencyId, outletId, districtId });
    await recordAudit(ctx.em, admin, { action: 'CREATE', entity: 'User', entityId: user.id, after: { username: user.username, role: user.role, agencyId, outletId, districtId } });
    return user;
  }

  @Mutation(() => User, { description: 'Disables or re-enables an account (admins only); a disabled account’s sessions end' })
  async setUserDisabled(@Ctx() ctx: Context, @Arg('id', () => ID) id: string, @Arg('disabled', () => Boolean) disabled: boolean): Promise<User> {
    const admin = requireRole(ctx.viewer, [Role.ADMIN], 'disable accounts');
    const parsed = parseGlobalId(id);
    const user = parsed?.type === 'User' ? await ctx.em.findOne(User, { id: parsed.id }) : null;
    if (!user) throw notFound('User', id);
    const before = { disabled: user.disabled };
    user.disabled = disabled;
    await ctx.em.flush();
    await recordAudit(ctx.em, admin, { action: 'UPDATE', entity: 'User', entityId: user.id, before, after: { disabled } });
    return user;
  }

  @FieldResolver(() => Agency, { nullable: true })
  agency(@Root() u: User) {
    return u.agency?.load() ?? null;
  }

  @FieldResolver(() => MediaOutlet, { nullable: true })
  outlet(@Root() u: User) {
    return u.outlet?.load() ?? null;
  }

  @FieldResolver(() => Region, { nullable: true })
  district(@Root() u: User) {
    return u.district?.load() ?? null;
  }
}
